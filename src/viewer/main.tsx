import { StrictMode, Suspense } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { directionOf } from '../i18n/languages.ts';
import { firstStep, readFragment, type LinkReading } from './flow.ts';
import { TranslatorContext, loadTranslator, viewerLanguage, type Translator } from './i18n.ts';
import { preloadReader } from './reader.ts';
import { savedRecipient } from './recipient.ts';
import { ViewerApp, loadSummary } from './ViewerApp.tsx';
import './viewer.css';

// SECURITY: the link (and its key) is read from the fragment once, then the fragment is
// removed from the address bar and the history entry, so it is not left in the browser's
// history, in a bookmark, or on screen for the next person to copy.
let reading: LinkReading | null = readFragment(window.location.hash);
if (window.location.hash) {
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

// A new link opened in this same tab changes only the fragment, which reloads nothing:
// start afresh so it is read, and its fragment removed, like the first one.
window.addEventListener('hashchange', () => {
  if (window.location.hash.includes('shlink:/')) window.location.reload();
});

const container = document.getElementById('root');
let root: Root | null = null;

/** The page while the summary's code loads: as ViewerApp shows it while the link opens. */
function Opening({ translator }: { translator: Translator }) {
  const { t } = translator;
  return (
    <>
      <header className="v-header">
        <span className="v-brand">{t('brand')}</span>
        <h1>{t('summary.headingNeutral')}</h1>
      </header>
      <main className="v-main" aria-busy>
        <p className="v-card v-loading" role="status">
          {t('loading')}
        </p>
      </main>
    </>
  );
}

function show(translator: Translator, what: LinkReading): void {
  if (!container) return;
  root?.unmount();
  root = createRoot(container);
  root.render(
    <StrictMode>
      <TranslatorContext.Provider value={translator}>
        <Suspense fallback={<Opening translator={translator} />}>
          <ViewerApp reading={what} />
        </Suspense>
      </TranslatorContext.Provider>
    </StrictMode>,
  );
}

const typing = ['keydown', 'input'] as const;
/** The code that opens, reads and shows a share, which the first screen does not need. */
function preloadShareCode(): void {
  for (const name of typing) window.removeEventListener(name, preloadShareCode, true);
  preloadReader();
  void loadSummary().catch(() => undefined);
}
// The doctor typing a name or a PIN: that code loads meanwhile. A link that opens without
// either (a known reader, no PIN) needs it at once.
if (reading.ok && firstStep(reading, Date.now(), savedRecipient()).kind === 'loading')
  preloadShareCode();
else for (const name of typing) window.addEventListener(name, preloadShareCode, true);

if (container) {
  const lng = viewerLanguage(navigator.languages);
  void loadTranslator(lng).then((translator) => {
    document.documentElement.lang = translator.lng;
    document.documentElement.dir = directionOf(translator.lng);
    document.title = translator.t('pageTitle');
    if (reading) show(translator, reading);
    // SECURITY: leaving the page unmounts everything that held the key, the PIN or the
    // decrypted summary and forgets the link; coming back from the back-forward cache
    // shows "closed", never the old data.
    window.addEventListener('pagehide', () => {
      reading = null;
      show(translator, { ok: false, code: 'closed' });
    });
  });
}
