declare module 'virtual:carnet-locales' {
  /** Language code -> URL of its bundle, made by vite-plugins/locale-bundles.ts. */
  export const LOCALE_BUNDLES: Readonly<Record<string, string>>;
}
