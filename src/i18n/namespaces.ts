/**
 * Every namespace of the patient app, under public/locales/<lng>/. The build packs them into
 * one file per language (vite-plugins/locale-bundles.ts); viewer.json is the doctor's
 * viewer's own and stays out.
 */
export const NAMESPACES = [
  'common',
  'onboarding',
  'unlock',
  'summary',
  'entry',
  'settings',
  'errors',
  'vocab',
  'documents',
  'share',
  'backup',
  'restore',
  'import',
  'replies',
  'emergency',
  'helper',
] as const;
