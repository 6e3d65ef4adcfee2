import { CLINICIAN_LANGUAGE, directionOf, findLanguage } from '../../i18n/languages.ts';
import { formatIsoDate } from '../../i18n/format.ts';
import type { Profile } from '../../record/types.ts';
import { QrCode } from '../../ui/QrCode.tsx';
import { officialName } from './official-name.ts';
import type { Part, PrintT, Side } from './print-lines.ts';

interface PrintSheetProps {
  profile: Profile;
  parts: readonly Part[];
  lng: string;
  t: PrintT;
  fr: PrintT;
  /** Today, as YYYY-MM-DD. */
  today: string;
  /** A fresh share's link and expiry (epoch seconds), when the patient asked for a QR code. */
  share?: { link: string; exp: number } | undefined;
}

function SideCell({ side, lng, fr }: { side: Side; lng: string; fr?: PrintT }) {
  const written = side.written && findLanguage(side.written.lng);
  return (
    <td lang={lng} dir={directionOf(lng)}>
      <strong>{side.title}</strong>
      {side.detail && <span className="print-detail">{side.detail}</span>}
      {side.written && fr && (
        <span className="print-written">
          {fr('print.freeText', { language: written?.frenchName ?? side.written.lng })}{' '}
          <span lang={side.written.lng} dir="auto">
            {side.written.text}
          </span>
        </span>
      )}
    </td>
  );
}

/**
 * The summary on paper: one table, the patient's language facing French line by line,
 * laid out in the patient's direction (their column first). The table head repeats on every
 * printed page, so each page carries the date and "written by the patient".
 */
export function PrintSheet({ profile, parts, lng, t, fr, today, share }: PrintSheetProps) {
  const dir = directionOf(lng);
  // A patient who reads French gets one column: the same words twice would help no one.
  const own = lng !== CLINICIAN_LANGUAGE;
  const language = findLanguage(profile.language);
  const disclaimer = {
    own: t('print.disclaimer', { date: formatIsoDate(today, lng) }),
    french: fr('print.disclaimer', { date: formatIsoDate(today, 'fr') }),
  };
  const identity = [
    { key: 'name', own: profile.name, french: officialName(profile) ?? profile.name },
    ...(profile.birthDate
      ? [
          {
            key: 'born',
            own: t('print.born', { date: formatIsoDate(profile.birthDate, lng) }),
            french: fr('print.born', { date: formatIsoDate(profile.birthDate, 'fr') }),
          },
        ]
      : []),
    {
      key: 'language',
      own: t('print.language', { language: language?.nativeName ?? profile.language }),
      french: fr('print.language', { language: language?.frenchName ?? profile.language }),
    },
    ...(profile.interpreterNeeded
      ? [{ key: 'interpreter', own: t('print.interpreter'), french: fr('print.interpreter') }]
      : []),
  ];
  return (
    <article className="print-sheet" aria-label={t('print.preview')}>
      <table dir={dir}>
        <thead>
          <tr>
            {own && (
              <th lang={lng} dir={dir} className="print-disclaimer">
                {disclaimer.own}
              </th>
            )}
            <th lang="fr" dir="ltr" className="print-disclaimer">
              {disclaimer.french}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="print-heading">
            {own && (
              <th lang={lng} dir={dir}>
                {t('print.identity')}
              </th>
            )}
            <th lang="fr" dir="ltr">
              {fr('print.identity')}
            </th>
          </tr>
          {identity.map((row) => (
            <tr key={row.key}>
              {own && (
                <td lang={lng} dir={dir}>
                  {row.own}
                </td>
              )}
              <td lang="fr" dir="ltr">
                {row.french}
              </td>
            </tr>
          ))}
        </tbody>
        {parts.map((part) => (
          <tbody key={part.key} className={`print-part print-${part.key}`}>
            <tr className="print-heading">
              {own && (
                <th lang={lng} dir={dir}>
                  {part.own}
                </th>
              )}
              <th lang="fr" dir="ltr">
                {part.french}
              </th>
            </tr>
            {part.lines.map((line) => (
              <tr key={line.key}>
                {own && <SideCell side={line.own} lng={lng} />}
                <SideCell side={line.french} lng="fr" fr={fr} />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {share && (
        <figure className="print-qr">
          <QrCode text={share.link} label={fr('print.qrLabel')} className="print-qr-code" />
          <figcaption>
            {own && (
              <span lang={lng} dir={dir}>
                {t('print.qrCaption', { date: formatIsoDate(isoDay(share.exp), lng) })}
              </span>
            )}
            <span lang="fr" dir="ltr">
              {fr('print.qrCaption', { date: formatIsoDate(isoDay(share.exp), 'fr') })}
            </span>
          </figcaption>
        </figure>
      )}
    </article>
  );
}

function isoDay(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 10);
}
