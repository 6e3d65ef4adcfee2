import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openTicket, sealTicket } from './tickets.ts';

const key = randomBytes(32);
const claim = {
  id: randomBytes(32).toString('base64url'),
  index: 3,
  expiresAt: Date.UTC(2026, 5, 1),
};

describe('location tickets', () => {
  it('open to what was sealed until they expire', () => {
    const ticket = sealTicket(key, claim);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{96}$/);
    expect(openTicket(key, ticket, claim.expiresAt - 1)).toEqual(claim);
    expect(openTicket(key, ticket, claim.expiresAt)).toBeNull();
  });

  it('hide the share id and differ every time', () => {
    const a = sealTicket(key, claim);
    const b = sealTicket(key, claim);
    expect(a).not.toBe(b);
    expect(a).not.toContain(claim.id.slice(0, 8));
  });

  it('refuse tampering, another key and junk', () => {
    const ticket = sealTicket(key, claim);
    const flipped = ticket.slice(0, 40) + (ticket[40] === 'A' ? 'B' : 'A') + ticket.slice(41);
    expect(openTicket(key, flipped, 0)).toBeNull();
    expect(openTicket(randomBytes(32), ticket, 0)).toBeNull();
    expect(openTicket(key, 'x'.repeat(96), 0)).toBeNull();
    expect(openTicket(key, 'short', 0)).toBeNull();
  });
});
