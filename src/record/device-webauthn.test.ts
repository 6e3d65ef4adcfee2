import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomBytes, toBase64Url } from '../crypto/encoding.ts';
import type { DeviceBinding } from '../crypto/types.ts';
import { DeviceUnlockError } from './device-unlock.ts';
import { webAuthnDeviceKeys } from './device-webauthn.ts';

/**
 * The browser's WebAuthn as Carnet reads it, with the browser played by stubs: what counts
 * as "available", how each refusal reads, and that the PRF output is copied once and wiped.
 * The real ceremony runs in e2e/device-unlock.spec.ts (Chromium's virtual authenticator).
 */

const binding: DeviceBinding = {
  credentialId: toBase64Url(randomBytes(16)),
  prfSalt: toBase64Url(randomBytes(32)),
};

/** A credential answer whose PRF extension gave `first` (or nothing). */
function answer(prf: { enabled?: boolean; first?: ArrayBuffer }) {
  return {
    rawId: randomBytes(16).buffer,
    getClientExtensionResults: () => ({
      prf: { enabled: prf.enabled, ...(prf.first ? { results: { first: prf.first } } : {}) },
    }),
  };
}

interface Browser {
  caps?: Record<string, boolean>;
  platform?: boolean;
  create?: () => Promise<unknown>;
  get?: () => Promise<unknown>;
  signal?: (o: { rpId: string; credentialId: string }) => Promise<void>;
}

/** Installs a browser with WebAuthn as described; none at all without `browser`. */
function browser(b?: Browser) {
  vi.stubGlobal('location', { hostname: 'carnet.example' });
  vi.stubGlobal('isSecureContext', true);
  if (!b) return;
  vi.stubGlobal('PublicKeyCredential', {
    ...(b.caps ? { getClientCapabilities: () => Promise.resolve(b.caps) } : {}),
    isUserVerifyingPlatformAuthenticatorAvailable: () => Promise.resolve(b.platform ?? false),
    ...(b.signal ? { signalUnknownCredential: b.signal } : {}),
  });
  vi.stubGlobal('navigator', {
    credentials: {
      create: b.create ?? (() => Promise.reject(new DOMException('no', 'NotAllowedError'))),
      get: b.get ?? (() => Promise.reject(new DOMException('no', 'NotAllowedError'))),
    },
  });
}

const codeOf = async (run: Promise<unknown>) => {
  try {
    await run;
    return 'resolved';
  } catch (err) {
    if (err instanceof DeviceUnlockError) return err.code;
    throw err;
  }
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('WebAuthn device keys', () => {
  it('offers nothing without WebAuthn, or where the browser says PRF or the platform is missing', async () => {
    browser();
    expect(await webAuthnDeviceKeys().available()).toBe(false);
    browser({ caps: { 'extension:prf': false, userVerifyingPlatformAuthenticator: true } });
    expect(await webAuthnDeviceKeys().available()).toBe(false);
    browser({ caps: { 'extension:prf': true, userVerifyingPlatformAuthenticator: false } });
    expect(await webAuthnDeviceKeys().available()).toBe(false);
    browser({ caps: { 'extension:prf': true, userVerifyingPlatformAuthenticator: true } });
    expect(await webAuthnDeviceKeys().available()).toBe(true);
  });

  it('without a capability list, offers where a platform authenticator is (the first use tells)', async () => {
    browser({ platform: true });
    expect(await webAuthnDeviceKeys().available()).toBe(true);
    browser({ platform: false });
    expect(await webAuthnDeviceKeys().available()).toBe(false);
  });

  it('copies the PRF output once and wipes the browser’s copy', async () => {
    const out = randomBytes(32);
    const given = out.slice().buffer;
    browser({ get: () => Promise.resolve(answer({ first: given })) });
    const secret = await webAuthnDeviceKeys().secret(binding);
    expect([...secret]).toEqual([...out]);
    expect(new Uint8Array(given).every((b) => b === 0)).toBe(true);
  });

  it('reads a cancel, a timeout or a missing credential as refused; a missing feature as unsupported', async () => {
    browser({ get: () => Promise.reject(new DOMException('no', 'NotAllowedError')) });
    expect(await codeOf(webAuthnDeviceKeys().secret(binding))).toBe('refused');
    browser({ get: () => Promise.reject(new DOMException('no', 'AbortError')) });
    expect(await codeOf(webAuthnDeviceKeys().secret(binding))).toBe('refused');
    browser({ get: () => Promise.reject(new DOMException('no', 'SecurityError')) });
    expect(await codeOf(webAuthnDeviceKeys().secret(binding))).toBe('unsupported');
    browser({ get: () => Promise.resolve(answer({})) });
    expect(await codeOf(webAuthnDeviceKeys().secret(binding))).toBe('unsupported');
    browser({ get: () => Promise.resolve(answer({ first: new ArrayBuffer(16) })) });
    expect(await codeOf(webAuthnDeviceKeys().secret(binding))).toBe('unsupported');
    browser();
    expect(await codeOf(webAuthnDeviceKeys().secret(binding))).toBe('unsupported');
  });

  it('registers with the secret the creation gave, or asks once more when it gave none', async () => {
    const out = randomBytes(32);
    browser({
      create: () => Promise.resolve(answer({ enabled: true, first: out.slice().buffer })),
    });
    const seal = await webAuthnDeviceKeys().register();
    expect([...seal.secret]).toEqual([...out]);
    expect(seal.binding.credentialId.length).toBeGreaterThan(0);

    const get = vi.fn(() => Promise.resolve(answer({ first: out.slice().buffer })));
    browser({ create: () => Promise.resolve(answer({ enabled: true })), get });
    expect([...(await webAuthnDeviceKeys().register()).secret]).toEqual([...out]);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('an authenticator without PRF: unsupported, and the useless credential is signalled unknown', async () => {
    const signal = vi.fn(() => Promise.resolve());
    browser({ create: () => Promise.resolve(answer({ enabled: false })), signal });
    expect(await codeOf(webAuthnDeviceKeys().register())).toBe('unsupported');
    expect(signal).toHaveBeenCalledWith(expect.objectContaining({ rpId: 'carnet.example' }));
  });
});
