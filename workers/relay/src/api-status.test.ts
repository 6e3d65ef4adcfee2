// The management status (`GET /api/shl/:id/admin`) as the patient's phone reads it: a share
// blocked by wrong passcodes, used up, expired or revoked, on both stores.
import { expect, it } from 'vitest';
import type { ShareStatusResponse } from '../../../src/share/protocol.ts';
import { readFile } from './testing/fixtures.ts';
import { describeOnEveryStore } from './testing/setup.ts';

const ATTEMPTS = 3;

describeOnEveryStore(
  'management status',
  (relay) => {
    const status = async (id: string, token: string): Promise<ShareStatusResponse> => {
      const res = await relay.api.admin(id, token);
      expect(res.status).toBe(200);
      return (await res.json()) as ShareStatusResponse;
    };

    it('tells a share blocked by wrong passcodes: no attempt left, not active, accesses kept', async () => {
      const { id, manifestUrl, managementToken } = await relay.api.create({ passcode: '2468' });
      const open = (passcode: string) =>
        relay.api.postJson(manifestUrl, { recipient: 'Dr Martin, PASS de Lyon', passcode });
      expect((await open('2468')).status).toBe(200);
      for (let left = ATTEMPTS - 1; left >= 0; left--) {
        const wrong = await open('0000');
        expect(wrong.status).toBe(401);
        expect(((await wrong.json()) as { remainingAttempts: number }).remainingAttempts).toBe(
          left,
        );
      }
      expect((await open('2468')).status).toBe(404);

      const answer = await status(id, managementToken);
      // Exactly the documented fields: nothing the token holder may not know.
      expect(answer).toEqual({
        active: false,
        exp: expect.any(Number) as number,
        remainingAttempts: 0,
        accesses: [{ recipient: 'Dr Martin, PASS de Lyon', at: relay.clock }],
      });

      // Still so once the sweeper has purged the dead share's files.
      await relay.store.sweep(relay.clock + 3_600_000 - 60_000, 0);
      expect(await readFile(relay.store, id, 0)).toBeNull();
      expect(await status(id, managementToken)).toEqual(answer);

      // A wrong token learns nothing, blocked or not.
      expect((await relay.api.admin(id, 'W'.repeat(43))).status).toBe(404);
    });

    it('does not read as blocked after a right passcode on the last attempt', async () => {
      const { id, manifestUrl, managementToken } = await relay.api.create({ passcode: '1357' });
      for (let i = 0; i < ATTEMPTS - 1; i++) {
        await relay.api.postJson(manifestUrl, { recipient: 'x', passcode: '0000' });
      }
      expect((await status(id, managementToken)).remainingAttempts).toBe(1);
      const right = await relay.api.postJson(manifestUrl, { recipient: 'Dr Ba', passcode: '1357' });
      expect(right.status).toBe(200);
      expect(await status(id, managementToken)).toMatchObject({
        active: true,
        remainingAttempts: 1,
        accesses: [{ recipient: 'Dr Ba', at: relay.clock }],
      });
    });

    it('tells a used-up share from a blocked one, and one without passcode has no budget', async () => {
      const used = await relay.api.create({ maxUses: 1 });
      await relay.api.postJson(used.manifestUrl, { recipient: 'Dr A' });
      expect(await status(used.id, used.managementToken)).toMatchObject({
        active: false,
        remainingAttempts: null,
      });
    });

    it('answers 404 once the share is expired or revoked, as for an unknown one', async () => {
      const expiring = await relay.api.create({ exp: Math.floor(relay.clock / 1000) + 60 });
      const revoked = await relay.api.create();
      const auth = { Authorization: `Bearer ${revoked.managementToken}` };
      expect(
        (await relay.api.request(`/api/shl/${revoked.id}`, { method: 'DELETE', headers: auth }))
          .status,
      ).toBe(204);
      expect((await relay.api.admin(revoked.id, revoked.managementToken)).status).toBe(404);
      const saved = relay.clock;
      relay.clock += 61_000;
      try {
        expect((await relay.api.admin(expiring.id, expiring.managementToken)).status).toBe(404);
      } finally {
        relay.clock = saved;
      }
    });
  },
  { limits: { passcodeAttempts: ATTEMPTS, manifestPerMinute: 10_000 } },
);
