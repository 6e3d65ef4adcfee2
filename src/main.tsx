// First, so the shared rules come before any screen's own (which may override them).
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { deferredStore } from './app/deferred-store.ts';
import { activeDbName, sweepRestoreLeftovers } from './db/active.ts';
import { peekKeyring } from './db/peek.ts';
import { setupI18n } from './i18n/setup.ts';

// The record layer loads after the first screen (app/deferred-store.ts); the first screen
// only peeks at the keyring of the database in use.
const { store, preload } = deferredStore(
  () => import('./record/open.ts').then((m) => m.openCarnetStore()),
  () => peekKeyring(activeDbName()),
);

// A restore cut short left a database nobody points at: delete it, in the background (the
// store does so too when it opens, which may now be much later).
void sweepRestoreLeftovers().catch(() => undefined);

const root = document.getElementById('root');
if (root) {
  void setupI18n().then(() => {
    createRoot(root).render(
      <StrictMode>
        <App store={store} preloadStore={preload} />
      </StrictMode>,
    );
  });
}
