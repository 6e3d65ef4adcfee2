import { LANGUAGES } from '../../i18n/languages.ts';

/**
 * The `<option>`s of a language `<select>`: every language in its own script, with its
 * French name beside it when a French reader (the doctor, the social worker) may need it.
 */
export function LanguageOptions({ withFrench = false }: { withFrench?: boolean }) {
  return (
    <>
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code} lang={l.code}>
          {withFrench ? `${l.nativeName} — ${l.frenchName}` : l.nativeName}
        </option>
      ))}
    </>
  );
}
