import { useState } from 'react';
import { REPLY_FILE_MAX_BYTES, type ReplyFileType } from '../../share/reply-model.ts';
import type { LabelMap } from '../../vocab/types.ts';
import { FORM_DOCUMENT_TYPES, FORM_UNITS, unitLabel, type Draft } from './drafts.ts';
import { Field, type TextField } from './Field.tsx';
import { cleanPhoto } from './photo.ts';
import { RightFields } from './RightFields.tsx';
import type { ReplyKey, ReplyStrings } from './strings.ts';
import { TermPicker } from './TermPicker.tsx';

interface ItemEditorProps {
  s: ReplyStrings;
  draft: Draft;
  labels: Readonly<Record<string, LabelMap>>;
  admin: boolean;
  onChange: (draft: Draft) => void;
  onRemove: () => void;
}

const LEGEND: Record<Draft['kind'], ReplyKey> = {
  medication: 'medication.legend',
  vaccination: 'vaccination.legend',
  result: 'result.legend',
  note: 'note.legend',
  right: 'right.paperLegend',
  document: 'document.legend',
};

/** The fields of one item of the reply, by kind. */
export function ItemEditor({ s, draft, labels, admin, onChange, onRemove }: ItemEditorProps) {
  const legend =
    draft.kind === 'note' && draft.appointment
      ? s.t('note.appointmentLegend')
      : s.t(LEGEND[draft.kind]);
  return (
    <fieldset className="v-card v-reply-item">
      <legend>{legend}</legend>
      <Fields s={s} draft={draft} labels={labels} admin={admin} onChange={onChange} />
      <button type="button" className="v-button v-secondary" onClick={onRemove}>
        {s.t('form.remove')}
      </button>
    </fieldset>
  );
}

function Fields({ s, draft: d, labels, admin, onChange }: Omit<ItemEditorProps, 'onRemove'>) {
  const text = (label: string, value: string, set: (v: string) => Draft, type = 'text') => (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          className="v-input"
          type={type}
          value={value}
          maxLength={200}
          onChange={(e) => onChange(set(e.target.value))}
        />
      )}
    </Field>
  );
  switch (d.kind) {
    case 'medication':
      return <MedicationFields s={s} draft={d} labels={labels} onChange={onChange} text={text} />;
    case 'vaccination':
      return (
        <>
          <TermPicker
            s={s}
            label={s.t('vaccination.search')}
            kind="vaccine"
            labels={labels}
            value={d.term}
            onChange={(term) => onChange({ ...d, term })}
          />
          {text(s.t('vaccination.lot'), d.lot, (lot) => ({ ...d, lot }))}
          {text(s.t('vaccination.date'), d.date, (date) => ({ ...d, date }), 'date')}
        </>
      );
    case 'result':
      return (
        <>
          <TermPicker
            s={s}
            label={s.t('result.search')}
            kind="test"
            labels={labels}
            value={d.term}
            onChange={(term) => onChange({ ...d, term, unit: d.unit || (term?.unit ?? '') })}
          />
          {text(s.t('result.value'), d.value, (value) => ({ ...d, value }))}
          {text(s.t('result.unit'), d.unit, (unit) => ({ ...d, unit }))}
          {text(s.t('result.date'), d.date, (date) => ({ ...d, date }), 'date')}
        </>
      );
    case 'note':
      return (
        <>
          <Field label={s.t(d.appointment ? 'note.appointmentText' : 'note.text')}>
            {(id) => (
              <textarea
                id={id}
                className="v-input"
                value={d.text}
                maxLength={5000}
                rows={3}
                onChange={(e) => onChange({ ...d, text: e.target.value })}
              />
            )}
          </Field>
          {text(
            s.t(d.appointment ? 'note.appointmentDate' : 'note.date'),
            d.date,
            (date) => ({ ...d, date }),
            'date',
          )}
        </>
      );
    case 'right':
      return <RightFields s={s} draft={d} onChange={onChange} text={text} />;
    case 'document':
      return <DocumentFields s={s} draft={d} admin={admin} onChange={onChange} />;
  }
}

/** A prescription line: the medicine (ATC), dose, unit, intakes per day or week, days. */
function MedicationFields({
  s,
  draft: d,
  labels,
  onChange,
  text,
}: {
  s: ReplyStrings;
  draft: Extract<Draft, { kind: 'medication' }>;
  labels: Readonly<Record<string, LabelMap>>;
  onChange: (d: Draft) => void;
  text: TextField;
}) {
  return (
    <>
      <TermPicker
        s={s}
        label={s.t('medication.search')}
        kind="medication"
        labels={labels}
        value={d.term}
        onChange={(term) => onChange({ ...d, term })}
      />
      {text(s.t('medication.amount'), d.amount, (amount) => ({ ...d, amount }), 'text')}
      <Field label={s.t('medication.unit')}>
        {(id) => (
          <select
            id={id}
            className="v-input"
            value={d.unit}
            onChange={(e) =>
              onChange({ ...d, unit: e.target.value as (typeof FORM_UNITS)[number] })
            }
          >
            {FORM_UNITS.map((u) => (
              <option key={u} value={u}>
                {unitLabel(s, u)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text(s.t('medication.times'), d.times, (times) => ({ ...d, times }))}
      <Field label={s.t('medication.per')}>
        {(id) => (
          <select
            id={id}
            className="v-input"
            value={d.per}
            onChange={(e) => onChange({ ...d, per: e.target.value === 'week' ? 'week' : 'day' })}
          >
            <option value="day">{s.t('medication.perDay')}</option>
            <option value="week">{s.t('medication.perWeek')}</option>
          </select>
        )}
      </Field>
      {text(s.t('medication.days'), d.days, (days) => ({ ...d, days }))}
    </>
  );
}

type DocumentDraft = Extract<Draft, { kind: 'document' }>;

/** The attachment: a PDF as it is, or a photo re-encoded without its metadata. */
function DocumentFields({
  s,
  draft: d,
  admin,
  onChange,
}: {
  s: ReplyStrings;
  draft: DocumentDraft;
  admin: boolean;
  onChange: (d: Draft) => void;
}) {
  const [problem, setProblem] = useState<ReplyKey | null>(null);
  const pick = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    if (file.size > REPLY_FILE_MAX_BYTES) return setProblem('document.tooLarge');
    const pdf = file.type === 'application/pdf';
    if (!pdf && file.type !== 'image/jpeg' && file.type !== 'image/png') {
      return setProblem('document.badType');
    }
    try {
      const data = pdf ? new Uint8Array(await file.arrayBuffer()) : await cleanPhoto(file);
      const contentType: ReplyFileType = pdf ? 'application/pdf' : 'image/jpeg';
      const title = d.title || file.name.replace(/\.[a-z0-9]+$/i, '').slice(0, 200);
      onChange({ ...d, title, file: { contentType, data, cleaned: !pdf } });
    } catch {
      setProblem('document.unreadable');
    }
  };
  const types = admin ? FORM_DOCUMENT_TYPES.admin : FORM_DOCUMENT_TYPES.medical;
  return (
    <>
      <Field label={s.t('document.file')}>
        {(id) => (
          <input
            id={id}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        )}
      </Field>
      {problem && (
        <p className="v-warning" role="alert">
          {s.t(problem)}
        </p>
      )}
      {d.file?.cleaned && <p className="v-muted">{s.t('document.photoCleaned')}</p>}
      <Field label={s.t('document.title')}>
        {(id) => (
          <input
            id={id}
            className="v-input"
            value={d.title}
            maxLength={200}
            onChange={(e) => onChange({ ...d, title: e.target.value })}
          />
        )}
      </Field>
      <Field label={s.t('document.type')}>
        {(id) => (
          <select
            id={id}
            className="v-input"
            value={d.type}
            onChange={(e) => onChange({ ...d, type: e.target.value as DocumentDraft['type'] })}
          >
            {types.map((x) => (
              <option key={x} value={x}>
                {s.t(`document.types.${x}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
