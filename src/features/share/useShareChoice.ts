import { useCallback, useMemo, useState } from 'react';
import { standingDeclarations } from '../../record/declarations.ts';
import type { PaperDocument } from '../../record/documents.ts';
import type { Audience } from '../../record/shares.ts';
import {
  declarationItem,
  defaultDeclarations,
  defaultDocuments,
  defaultSelection,
  isAdminPaper,
} from '../../record/shares.ts';
import type { DeclarableKind, Entry } from '../../record/types.ts';
import { useUnlocked } from '../session/session-context.ts';
import { dataOr, useStoreQuery } from '../shell/useStoreQuery.ts';

/** What the picker offers for one audience. */
export interface Offered {
  readonly entries: readonly Entry[];
  readonly documents: readonly PaperDocument[];
  readonly declarations: readonly DeclarableKind[];
}

/**
 * Who a share is for and what goes in. Until the patient touches a box, the picks are the
 * audience's defaults (record/shares.ts), papers included once they have loaded; a social
 * worker is offered rights and administrative papers only.
 */
export function useShareChoice() {
  const { state, store, activeProfileId } = useUnlocked();
  const profile = state.profiles.find((p) => p.id === activeProfileId);
  const entries = useMemo(
    () => state.entries.filter((e) => e.profileId === activeProfileId),
    [state.entries, activeProfileId],
  );
  const declarations = useMemo(
    () => (profile ? standingDeclarations(profile, state.entries) : []),
    [profile, state.entries],
  );
  const documents = dataOr<readonly PaperDocument[]>(
    useStoreQuery(
      useCallback(
        async () =>
          (await store.documents.list()).documents.filter((d) => d.profileId === activeProfileId),
        [store, activeProfileId],
      ),
    ),
    [],
  );
  const [audience, setAudience] = useState<Audience>('doctor');
  /** The patient's own picks; null while the audience's defaults stand. */
  const [own, setOwn] = useState<ReadonlySet<string> | null>(null);

  const offered = useMemo<Offered>(
    () =>
      audience === 'social'
        ? {
            entries: entries.filter((e) => e.details.kind === 'right'),
            documents: documents.filter(isAdminPaper),
            declarations: [],
          }
        : { entries, documents, declarations },
    [audience, entries, documents, declarations],
  );
  const picked = useMemo(
    () =>
      own ??
      new Set([
        ...defaultSelection(entries, audience),
        ...defaultDocuments(documents, audience),
        ...defaultDeclarations(declarations, audience),
      ]),
    [own, entries, documents, declarations, audience],
  );

  return {
    profile,
    audience,
    offered,
    picked,
    chooseAudience: (a: Audience) => {
      setAudience(a);
      setOwn(null);
    },
    toggle: (id: string, on: boolean) => {
      const next = new Set(picked);
      if (on) next.add(id);
      else next.delete(id);
      setOwn(next);
    },
    /** What is picked among what is offered: what goes in the share. */
    chosen: () => ({
      entries: offered.entries.filter((x) => picked.has(x.id)),
      documents: offered.documents.filter((d) => picked.has(d.id)),
      declaredNone: offered.declarations.filter((k) => picked.has(declarationItem(k))),
    }),
  };
}
