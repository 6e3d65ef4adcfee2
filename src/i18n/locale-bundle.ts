/**
 * One language's translations as the build packs them (vite-plugins/locale-bundles.ts):
 * every namespace of the patient app and what the translation's `_meta.json` says about it.
 * Shared by the build and the app, so both agree on the shape.
 */
export interface LocaleBundle {
  /** `_meta.json`'s author and review state, nothing else (its notes stay in the source). */
  readonly meta: unknown;
  /** Namespace -> that namespace's JSON as written in public/locales/<lng>/<ns>.json. */
  readonly namespaces: Readonly<Record<string, unknown>>;
}
