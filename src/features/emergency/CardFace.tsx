import { Icon } from '../../ui/Icon.tsx';
import { KIND_ICONS } from '../summary/kind-icons.ts';
import type { CardSide } from './card-sides.ts';
import './emergency.css';

/**
 * The emergency card in one language. The same face shows on the lock screen, in the
 * preview and on the printed wallet card (`wallet`: at bank-card size).
 */
export function CardFace({ side, wallet = false }: { side: CardSide; wallet?: boolean }) {
  return (
    <section
      className={wallet ? 'card-face wallet-face' : 'card-face'}
      lang={side.lng}
      dir={side.dir}
      aria-label={side.title}
    >
      <h2 className="card-title">
        <Icon name="warning" />
        <span>{side.title}</span>
      </h2>
      {side.name && (
        <p className="card-name" dir="auto">
          {side.name}
        </p>
      )}
      <p className="card-blood">{side.bloodGroup}</p>
      {side.sections.map((section) => (
        <div key={section.kind} className="card-section">
          <h3>
            <Icon name={KIND_ICONS[section.kind]} />
            <span>{section.heading}</span>
          </h3>
          <ul>
            {section.lines.map((line) => (
              <li key={line.key}>
                <span lang={line.lang} dir="auto">
                  {line.text}
                </span>
                {line.note && <small> ({line.note})</small>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p className="card-language">
        {side.language} · <strong>{side.interpreter}</strong>
      </p>
      {side.contact && (
        <p className="card-contact">
          <Icon name="person" />
          <span>
            {side.contact.heading} <bdi>{side.contact.who}</bdi>{' '}
            <a href={`tel:${side.contact.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
              {side.contact.phone}
            </a>
          </span>
        </p>
      )}
      <p className="card-small">{side.writtenBy}</p>
    </section>
  );
}
