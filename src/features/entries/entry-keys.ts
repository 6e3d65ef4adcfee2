import type { PrefixedKey } from '../../i18n/keys.ts';

type VocabKey = PrefixedKey<'vocab'>;

/**
 * What the entry helpers need of `t`: the `entry:` and `vocab:` keys. Any `t` whose
 * namespaces include both fits, whichever comes first (`useTranslation(['summary', 'entry',
 * 'vocab'])`, `getFixedT(lng, ['entry', 'vocab'])`); i18next's `TFunction<Ns>` types are
 * told apart by their first namespace, so they would not fit one another.
 */
export type EntryT = (
  key: PrefixedKey<'entry'> | VocabKey,
  options?: Record<string, unknown>,
) => string;

/**
 * The `vocab:` key of a term's label. Term keys are data (`Term.key` in vocab/, and the keys
 * stored in entries) that the compiler cannot check against vocab.json: vocab/terms.test.ts
 * checks that every term has a French and an English label instead.
 */
export function vocabKey(key: string): VocabKey {
  return `vocab:${key}` as VocabKey;
}
