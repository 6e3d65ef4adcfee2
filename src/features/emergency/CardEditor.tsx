import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { findLanguage } from '../../i18n/languages.ts';
import type { CardEntry, EmergencyCard } from '../../record/emergency-card.ts';
import {
  EMERGENCY_CARD_ID,
  lockScreenCopy,
  onCardKind,
  startingCard,
} from '../../record/emergency-card.ts';
import type { Entry, Profile } from '../../record/types.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { officialName } from '../print/official-name.ts';
import { useSession } from '../session/session-context.ts';
import { useAction } from '../shell/useAction.ts';
import { useStoreQuery } from '../shell/useStoreQuery.ts';
import { CardItems } from './CardItems.tsx';
import { EditorSection } from './EditorSection.tsx';
import type { ContactDraft } from './ContactFields.tsx';
import { ContactFields } from './ContactFields.tsx';
import { LockScreenChoice } from './LockScreenChoice.tsx';
import { WalletCard } from './WalletCard.tsx';
import { useCardSides } from './useCardSides.ts';

interface CardEditorProps {
  /** The patient's own profile: the card is theirs. */
  profile: Profile;
  entries: readonly Entry[];
  /** The card as saved, or null before the first save. */
  saved: EmergencyCard | null;
}

/**
 * What goes on the card (the patient's picks, severe allergies ticked to start), the person
 * to call, the lock-screen choice and the wallet card, previewed as it prints.
 */
export function CardEditor({ profile, entries, saved }: CardEditorProps) {
  const { t } = useTranslation(['emergency', 'common']);
  const { store } = useSession();
  const offered = useMemo(
    () => entries.filter((e): e is CardEntry => e.profileId === profile.id && onCardKind(e)),
    [entries, profile.id],
  );
  const [picked, setPicked] = useState<ReadonlySet<string>>(
    () => new Set((saved ?? startingCard(profile, entries)).entryIds),
  );
  const [contact, setContact] = useState<ContactDraft>({
    name: saved?.contact?.name ?? '',
    phone: saved?.contact?.phone ?? '',
    relation: saved?.contact?.relation ?? 'family',
  });
  const [contactError, setContactError] = useState(false);
  const [done, setDone] = useState<'saved' | null>(null);
  const { busy, failure, run } = useAction();
  const onLock = useStoreQuery(useCallback(() => store.emergency.onLockScreen(), [store]));

  const name = contact.name.trim();
  const phone = contact.phone.trim();
  const card: EmergencyCard = {
    id: EMERGENCY_CARD_ID,
    profileId: profile.id,
    entryIds: offered.filter((e) => picked.has(e.id)).map((e) => e.id),
    ...(name && phone ? { contact: { name, phone, relation: contact.relation } } : {}),
    updatedAt: 0, // set when saved
  };
  const copy = lockScreenCopy(card, profile, entries);
  const sides = useCardSides(copy, {
    own: profile.name,
    french: officialName(profile) ?? profile.name,
  });
  const language = findLanguage(profile.language);

  /** Saves the card as shown; false (with the reason shown) when the contact is half given. */
  async function save(): Promise<boolean> {
    const half = Boolean(name) !== Boolean(phone);
    setContactError(half);
    setDone(null);
    if (half) return false;
    return run(() => store.emergency.save({ ...card, updatedAt: Date.now() }));
  }

  async function chooseLockScreen(on: boolean) {
    if (on && !(await save())) return;
    await run(() => store.emergency.showOnLockScreen(on));
    onLock.reload();
  }

  return (
    <>
      <div className="emergency-controls">
        <p className="lead">{t('intro')}</p>
        <EditorSection icon="check" title={t('items.title')} hint={t('items.hint')}>
          <CardItems
            entries={offered}
            picked={picked}
            onToggle={(id, on) => {
              const next = new Set(picked);
              if (on) next.add(id);
              else next.delete(id);
              setPicked(next);
              setDone(null);
            }}
          />
        </EditorSection>
        <EditorSection icon="person" title={t('profile.title')} hint={t('profile.hint')}>
          <ul className="plain-list">
            <li>
              {t('card.bloodGroup', {
                group: profile.bloodGroup ? `${profile.bloodGroup}\u200E` : t('card.bloodUnknown'),
              })}
            </li>
            <li>{t('card.language', { language: language?.nativeName ?? profile.language })}</li>
            <li>{t(profile.interpreterNeeded ? 'card.interpreter' : 'card.noInterpreter')}</li>
          </ul>
          <Link className="btn btn-secondary" to={`/profile/${profile.id}`}>
            <Icon name="edit" />
            <span>{t('profile.edit')}</span>
          </Link>
        </EditorSection>
        <EditorSection icon="person" title={t('contact.title')}>
          <ContactFields
            contact={contact}
            onChange={(c) => {
              setContact(c);
              setDone(null);
            }}
            error={contactError ? t('contact.missing') : undefined}
          />
        </EditorSection>
        {failure && <Notice tone="error">{failure}</Notice>}
        {done && <Notice tone="success">{t('saved')}</Notice>}
        <Button
          icon="check"
          disabled={busy}
          onClick={() => void save().then((ok) => ok && setDone('saved'))}
        >
          {t('save')}
        </Button>
        <LockScreenChoice
          on={onLock.status === 'done' ? onLock.data : null}
          busy={busy}
          onChoose={(on) => void chooseLockScreen(on)}
        />
        <EditorSection icon="printer" title={t('print.title')} hint={t('print.hint')}>
          <Button
            variant="secondary"
            icon="printer"
            disabled={!sides}
            onClick={() => requestAnimationFrame(() => window.print())}
          >
            {t('print.button')}
          </Button>
        </EditorSection>
        <p className="field-hint">{t('childrenLater')}</p>
      </div>
      {sides && <WalletCard sides={sides} />}
    </>
  );
}
