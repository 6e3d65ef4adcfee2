/**
 * Typed translation keys: `t()` accepts only keys that exist in the French locale files (the
 * source every other language is checked against by `npm run i18n:check`), so `tsc` catches
 * a misspelt or removed key. Types only: nothing here reaches the bundle. A .ts rather than a
 * .d.ts so that the compiler checks it too (skipLibCheck skips every .d.ts, and a JSON file
 * it could not find would quietly turn its namespace's keys into `any`).
 */
import type { FlatNamespace, ParseKeys } from 'i18next';
import type backup from '../../public/locales/fr/backup.json';
import type common from '../../public/locales/fr/common.json';
import type documents from '../../public/locales/fr/documents.json';
import type entry from '../../public/locales/fr/entry.json';
import type emergency from '../../public/locales/fr/emergency.json';
import type errors from '../../public/locales/fr/errors.json';
import type helper from '../../public/locales/fr/helper.json';
import type importer from '../../public/locales/fr/import.json';
import type onboarding from '../../public/locales/fr/onboarding.json';
import type replies from '../../public/locales/fr/replies.json';
import type restore from '../../public/locales/fr/restore.json';
import type settings from '../../public/locales/fr/settings.json';
import type share from '../../public/locales/fr/share.json';
import type summary from '../../public/locales/fr/summary.json';
import type unlock from '../../public/locales/fr/unlock.json';
import type vocab from '../../public/locales/fr/vocab.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    // The namespaces of setup.ts's NAMESPACES, as French has them.
    resources: {
      common: typeof common;
      onboarding: typeof onboarding;
      unlock: typeof unlock;
      summary: typeof summary;
      entry: typeof entry;
      settings: typeof settings;
      errors: typeof errors;
      vocab: typeof vocab;
      documents: typeof documents;
      share: typeof share;
      backup: typeof backup;
      restore: typeof restore;
      import: typeof importer;
      replies: typeof replies;
      emergency: typeof emergency;
      helper: typeof helper;
    };
  }
}

/**
 * A key of namespace `Ns` with its prefix (`errors:wrong-secret`), the way a `t()` that
 * knows several namespaces takes it.
 */
export type PrefixedKey<Ns extends FlatNamespace> = `${Ns}:${ParseKeys<Ns>}`;
