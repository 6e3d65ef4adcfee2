import type { i18n as I18n } from 'i18next';
import type { PaperDocument } from '../../record/documents.ts';
import type { CarnetStore } from '../../record/store.ts';
import type { Audience } from '../../record/shares.ts';
import type { DeclarableKind, Entry, Profile } from '../../record/types.ts';
import { buildIps, type SharedPaper } from '../../share/ips-build.ts';
import { shareWords } from './share-labels.ts';

/** What goes into a bundle: who it is for, and the items and papers the patient picked. */
export interface BundleChoice {
  profile: Profile;
  audience: Audience;
  entries: readonly Entry[];
  documents: readonly PaperDocument[];
  /** The "no known ..." statements the patient picked. */
  declaredNone: readonly DeclarableKind[];
}

/**
 * The IPS bundle of what the patient picked, papers read from the vault with their French
 * type: the one builder behind a share and an exported file.
 */
export async function bundleOfChoice(
  store: CarnetStore,
  i18n: I18n,
  choice: BundleChoice,
  now: Date,
): Promise<ReturnType<typeof buildIps>> {
  const fr = i18n.getFixedT('fr', 'documents');
  const documents: SharedPaper[] = [];
  for (const doc of choice.documents) {
    const pages = await Promise.all(
      doc.files.map(async (file) => ({
        contentType: file.mime,
        data: await store.documents.readBytes(file),
      })),
    );
    documents.push({
      title: doc.title,
      ...(doc.date ? { date: doc.date } : {}),
      type: doc.type,
      typeLabel: fr(`types.${doc.type}`, { defaultValue: doc.type }),
      pages,
    });
  }
  return buildIps({
    profile: choice.profile,
    audience: choice.audience,
    entries: choice.entries,
    declaredNone: choice.declaredNone,
    documents,
    words: await shareWords(i18n, choice.profile.language),
    now,
  });
}
