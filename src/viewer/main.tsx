import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { directionOf } from '../i18n/languages.ts';
import { readFragment } from './flow.ts';
import { TranslatorContext, loadTranslator, viewerLanguage } from './i18n.ts';
import { ViewerApp } from './ViewerApp.tsx';
import './viewer.css';

// SECURITY: the link (and its key) is read from the fragment once, then the fragment is
// removed from the address bar and the history entry, so it is not left in the browser's
// history, in a bookmark, or on screen for the next person to copy.
const reading = readFragment(window.location.hash);
if (window.location.hash) {
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

// A new link opened in this same tab changes only the fragment, which reloads nothing:
// start afresh so it is read, and its fragment removed, like the first one.
window.addEventListener('hashchange', () => {
  if (window.location.hash.includes('shlink:/')) window.location.reload();
});

const root = document.getElementById('root');
if (root) {
  const lng = viewerLanguage(navigator.languages);
  void loadTranslator(lng).then((translator) => {
    document.documentElement.lang = translator.lng;
    document.documentElement.dir = directionOf(translator.lng);
    document.title = translator.t('pageTitle');
    createRoot(root).render(
      <StrictMode>
        <TranslatorContext.Provider value={translator}>
          <ViewerApp reading={reading} />
        </TranslatorContext.Provider>
      </StrictMode>,
    );
  });
}
