/**
 * The French words of the entry button (public/locales/fr/viewer-reply.json, `entry`),
 * built into the summary's chunk by themselves: importing them from the JSON would carry
 * every string of the form into the first load, since the form's strings import the same
 * file. entry-words.test.ts keeps the two equal.
 */
export const FRENCH_ENTRY = {
  button: 'Ajouter au carnet du patient',
  buttonAdmin: 'Ajouter au dossier du patient',
  loading: 'Chargement du formulaire…',
} as const;

export type EntryWords = { readonly [K in keyof typeof FRENCH_ENTRY]: string };
