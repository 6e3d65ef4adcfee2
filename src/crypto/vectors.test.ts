/**
 * FROZEN v1 vectors: fixtures/v1-vectors.json was generated once and is never regenerated.
 * If this test fails, the change broke every stored vault: fix the code, not the fixture.
 */
import { describe, expect, it } from 'vitest';
import vectors from './fixtures/v1-vectors.json';
import fileVectors from './fixtures/v1-file-vectors.json';
import fileVectorsV2 from './fixtures/v2-file-vectors.json';
import fileVectorsV3 from './fixtures/v3-file-vectors.json';
import { FileOpener } from './filestream.ts';
import { loadSodium } from './sodium.ts';
import { openRecord } from './envelope.ts';
import { fromBase64Url, utf8Decode } from './encoding.ts';
import { unwrapWithPassword, unwrapWithRecovery } from './wrap.ts';
import { normaliseSecret } from './secret-rules.ts';
import { parseRecoveryCode } from './recovery-code.ts';
import type { Envelope, OpenRequest, PasswordWrap, RecoveryWrap } from './types.ts';
import { Vault } from './vault.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('frozen v1 vectors', () => {
  it('opens every record envelope with the fixed vault key', async () => {
    const sodium = await loadSodium();
    const key = Buffer.from(vectors.vaultKeyHex, 'hex');
    for (const r of vectors.records) {
      const plain = openRecord(sodium, key, r, fromBase64Url(r.envelope));
      expect(utf8Decode(plain)).toBe(r.plaintext);
    }
  });

  it('unwraps the vault key from each password wrap', async () => {
    const sodium = await loadSodium();
    for (const w of vectors.passwordWraps) {
      const wrap = w.wrap as PasswordWrap;
      expect(normaliseSecret(w.secret, wrap.kind)).toBe(w.normalised);
      expect(hex(unwrapWithPassword(sodium, w.normalised, wrap))).toBe(vectors.vaultKeyHex);
    }
  });

  it('unwraps the vault key from the recovery wrap and reads the code', async () => {
    const sodium = await loadSodium();
    const key = parseRecoveryCode(vectors.recovery.code);
    expect(hex(key)).toBe(vectors.recovery.recoveryKeyHex);
    const wrap = vectors.recovery.wrap as RecoveryWrap;
    expect(hex(unwrapWithRecovery(sodium, key, wrap))).toBe(vectors.vaultKeyHex);
  });

  it('opens the records through the Vault after unlocking with the PIN or the code', async () => {
    const requests: OpenRequest[] = vectors.records.map((r) => ({
      table: r.table,
      id: r.id,
      envelope: fromBase64Url(r.envelope) as Envelope,
    }));
    const expected = vectors.records.map((r) => r.plaintext);
    const pin = vectors.passwordWraps[0];
    if (!pin) throw new Error('fixture has no PIN wrap');

    const vault = new Vault();
    await vault.unlock(pin.secret, pin.wrap as PasswordWrap);
    expect((await vault.open(requests)).map(utf8Decode)).toEqual(expected);

    const viaCode = new Vault();
    await viaCode.unlockWithRecovery(
      vectors.recovery.code.toLowerCase(),
      vectors.recovery.wrap as RecoveryWrap,
    );
    expect((await viaCode.open(requests)).map(utf8Decode)).toEqual(expected);
  });
});

describe.each([
  ['v1', fileVectors],
  ['v2', fileVectorsV2],
  ['v3', fileVectorsV3],
])('frozen %s file vectors', (_format, vectors) => {
  it('opens every file from its header and chunks with the fixed vault key', async () => {
    const sodium = await loadSodium();
    const key = Buffer.from(vectors.vaultKeyHex, 'hex');
    for (const f of vectors.files) {
      const opener = new FileOpener(sodium, key, f.fileId, fromBase64Url(f.header));
      expect(opener.size).toBe(f.size);
      const parts = f.chunks.map((data, index) =>
        opener.pull({ index, data: fromBase64Url(data) }),
      );
      opener.finish();
      const bytes = Buffer.concat(parts);
      expect(bytes.length).toBe(f.size);
      expect(bytes.every((b, i) => b === ((i * 31 + 7) & 255))).toBe(true);
    }
  });
});
