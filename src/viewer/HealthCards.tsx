import { useEffect, useState } from 'react';
import { formatIsoDate } from '../i18n/format.ts';
import type { CardCheck } from '../share/health-card-verify.ts';
import type { CardContent } from './content.ts';
import { useT } from './i18n.ts';
import { Isolated, SLOT } from './Isolated.tsx';
import { SectionView } from './Sections.tsx';

/** How the screen names an issuer: its address without `https://` (`example.org/issuer`). */
function issuerName(issuer: string): string {
  try {
    const url = new URL(issuer);
    return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return issuer;
  }
}

/**
 * Checks one card's signature once it is on screen. The checker (jose's ES256 and the
 * issuer's keys) loads only then: a share without cards never downloads it.
 */
function useCardCheck(card: CardContent['card']): CardCheck | null {
  const [check, setCheck] = useState<CardCheck | null>(null);
  useEffect(() => {
    let live = true;
    void import('../share/health-card-verify.ts')
      .then(({ verifyHealthCard }) => verifyHealthCard(card))
      .catch((): CardCheck => ({ state: 'unverified', reason: 'unreachable' }))
      .then((result) => {
        if (live) setCheck(result);
      });
    return () => {
      live = false;
    };
  }, [card]);
  return check;
}

/** The line that says, plainly, whether the card's signature was verified. */
function Signature({ card }: { card: CardContent['card'] }) {
  const { t } = useT();
  const check = useCardCheck(card);
  if (!check) {
    return (
      <p className="v-signature" role="status">
        {t('card.signature.checking')}
      </p>
    );
  }
  if (check.state === 'verified') {
    return (
      <p className="v-signature is-verified" role="status">
        <span aria-hidden="true">✓ </span>
        <Isolated
          text={t('card.signature.verified', { issuer: SLOT })}
          value={issuerName(card.issuer)}
        />
      </p>
    );
  }
  const key = check.state === 'invalid' ? 'invalid' : check.reason;
  return (
    <p className="v-signature is-unverified" role="status">
      <span aria-hidden="true">⚠ </span>
      {t(`card.signature.${key}`)}
    </p>
  );
}

/** One card: who issued it and when, its signature, whom it is for, and what it holds. */
function HealthCardView({ content }: { content: CardContent }) {
  const { t, lng } = useT();
  const { card, summary } = content;
  const id = `v-${content.key}`;
  const issued = card.issuedAt !== undefined ? new Date(card.issuedAt * 1000) : null;
  const patient = summary.patient;
  return (
    <section className="v-section v-health-card" aria-labelledby={id}>
      <h3 id={id}>
        <Isolated text={t('card.title', { issuer: SLOT })} value={issuerName(card.issuer)} />
      </h3>
      {issued && !Number.isNaN(issued.getTime()) && (
        <p className="v-muted">
          {t('card.issuedOn', { date: formatIsoDate(issued.toISOString().slice(0, 10), lng) })}
        </p>
      )}
      <Signature card={card} />
      <p className="v-card-patient" dir="auto">
        {t('card.for', { name: patient?.name ?? t('patient.unnamed') })}
        {patient?.birthDate &&
          `, ${t('patient.born', { date: formatIsoDate(patient.birthDate, lng) })}`}
      </p>
      {summary.sections.map((section) => (
        <SectionView
          key={section.key}
          section={section}
          beside={null}
          byPatient={false}
          level={4}
        />
      ))}
    </section>
  );
}

/** The share's SMART Health Cards, each apart: a card's issuer is not the summary's author. */
export function HealthCards({ cards }: { cards: readonly CardContent[] }) {
  return cards.map((content) => <HealthCardView key={content.key} content={content} />);
}
