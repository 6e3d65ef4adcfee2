import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/styles.css';
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
