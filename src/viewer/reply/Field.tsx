import { useId, type ReactNode } from 'react';
import type { Draft } from './drafts.ts';

/** A labelled input, its id tied to its label. */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <p className="v-reply-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </p>
  );
}

/** Renders a labelled text (or date) input whose changes give the next draft. */
export type TextField = (
  label: string,
  value: string,
  set: (v: string) => Draft,
  type?: string,
) => ReactNode;
