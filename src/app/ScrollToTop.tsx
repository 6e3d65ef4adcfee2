import { useLayoutEffect } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';

/**
 * A new screen starts at its top. Without this, saving a long form and landing on the
 * summary keeps the form's scroll position. Going back (POP) is left to the browser.
 *
 * A layout effect, so the scroll is reset in the same commit that puts the new screen in
 * the page: a passive effect runs later, and the summary could be drawn (and read) at the
 * form's scroll position first.
 */
export function ScrollToTop() {
  const { pathname } = useLocation();
  const type = useNavigationType();
  useLayoutEffect(() => {
    if (type !== NavigationType.Pop) window.scrollTo(0, 0);
  }, [pathname, type]);
  return null;
}
