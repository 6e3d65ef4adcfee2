// First, so the shared rules come before any screen's own (which may override them).
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { setupI18n } from './i18n/setup.ts';
import { openCarnetStore } from './record/open.ts';

const root = document.getElementById('root');
if (root) {
  void setupI18n().then(() => {
    createRoot(root).render(
      <StrictMode>
        <App store={openCarnetStore()} />
      </StrictMode>,
    );
  });
}
