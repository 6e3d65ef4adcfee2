import { RIGHT_SCHEMES } from '../../share/reply-model.ts';
import { schemeLabel, type Draft } from './drafts.ts';
import { Field, type TextField } from './Field.tsx';
import type { ReplyStrings } from './strings.ts';

/**
 * An administrative paper or right, with the fields a share has for one: which paper, its
 * number, who issued it, from and until when, and words (needed for another kind).
 */
export function RightFields({
  s,
  draft: d,
  onChange,
  text,
}: {
  s: ReplyStrings;
  draft: Extract<Draft, { kind: 'right' }>;
  onChange: (d: Draft) => void;
  text: TextField;
}) {
  return (
    <>
      <Field label={s.t('right.paper')}>
        {(id) => (
          <select
            id={id}
            className="v-input"
            value={d.scheme}
            onChange={(e) => {
              const scheme = RIGHT_SCHEMES.find((x) => x === e.target.value);
              if (scheme) onChange({ ...d, scheme });
            }}
          >
            {RIGHT_SCHEMES.map((x) => (
              <option key={x} value={x}>
                {schemeLabel(s, x)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text(s.t(d.scheme === 'other' ? 'right.name' : 'right.words'), d.text, (v) => ({
        ...d,
        text: v,
      }))}
      {text(s.t('right.number'), d.number, (number) => ({ ...d, number }))}
      {text(s.t('right.issuer'), d.issuer, (issuer) => ({ ...d, issuer }))}
      {text(s.t('right.validFrom'), d.validFrom, (validFrom) => ({ ...d, validFrom }), 'date')}
      {text(s.t('right.validUntil'), d.validUntil, (validUntil) => ({ ...d, validUntil }), 'date')}
    </>
  );
}
