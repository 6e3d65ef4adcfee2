import type { Plugin } from 'vite';

/**
 * Runs the app and the doctor's viewer on Preact's React compatibility layer
 * (`preact/compat`), which is about 50 KB gzip lighter than react-dom on every first load
 * (issue 16). The code stays written and typed against React's API, with what that asks:
 * - no React-19-only API: `use`, `useActionState`, `useOptimistic`, `useFormStatus`, `ref`
 *   passed as a plain prop to a component;
 * - `startTransition` runs its update at once: a screen whose code is loading shows the
 *   nearest `<Suspense>` fallback instead of keeping the previous screen;
 * - a component that suspends remounts every component between it and the nearest
 *   `<Suspense>`, state and effects included: a provider whose state must live (the vault
 *   session) sits above a boundary (src/app/App.tsx), never below the only one.
 * Exact matches only, so `react-i18next` and `react-router` resolve as themselves and use
 * the same aliased `react`. React Fast Refresh does not apply in `vite` dev: a change
 * reloads the page.
 */
export function reactOnPreact(): Plugin {
  return {
    name: 'carnet-react-on-preact',
    config: () => ({
      resolve: {
        alias: [
          { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
          { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
          { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
          { find: /^react-dom$/, replacement: 'preact/compat' },
          { find: /^react$/, replacement: 'preact/compat' },
        ],
      },
    }),
  };
}
