import type { Base64Url, DeviceBinding, DeviceSeal, DeviceSecret } from '../crypto/types.ts';
import { fromBase64Url, randomBytes, toBase64Url } from '../crypto/encoding.ts';
import type { DeviceKeys } from './device-unlock.ts';
import { DeviceUnlockError } from './device-unlock.ts';

/**
 * DeviceKeys over the browser's WebAuthn, on the main thread: a platform credential (the
 * phone's own authenticator, never a phone or key reached by QR code or USB) with the PRF
 * extension, evaluated on a random 32-byte input stored beside the wrap.
 *
 * SECURITY: the relying party is this origin's host (`rpId`): no other site can ask for
 * the secret, and nothing goes over the network (no server checks the assertion: the PRF
 * output is all Carnet uses, and only the phone can compute it). User verification is
 * required, so the phone releases the secret only after its own fingerprint or screen-lock
 * check, and the same PRF input always gives the same secret. The secret is copied once out
 * of the browser's answer (which is then zeroed) and handed to the crypto worker.
 */

/**
 * How long the phone's prompt may stay open: a minute to touch the sensor or type the
 * screen lock. A phone that no longer holds the credential may say nothing at all until
 * then (Chrome without any authenticator waits out the timeout), so not much longer.
 */
const PROMPT_TIMEOUT_MS = 60_000;
/** Bytes of the PRF input and of its output. */
const PRF_BYTES = 32;

/** Bytes for WebAuthn, which wants an ArrayBuffer-backed view. */
const bytes = (text: Base64Url): Uint8Array<ArrayBuffer> => fromBase64Url(text).slice();

/** The PRF extension's first result in a WebAuthn answer, if any. */
function prfResult(credential: PublicKeyCredential): BufferSource | undefined {
  return credential.getClientExtensionResults().prf?.results?.first;
}

/**
 * A 32-byte copy of a PRF result, whose own buffer is then zeroed; anything else is
 * `unsupported` (an authenticator without the extension answers without a result).
 */
function takeSecret(result: BufferSource | undefined): DeviceSecret {
  if (!result) throw new DeviceUnlockError('unsupported');
  const view = ArrayBuffer.isView(result)
    ? new Uint8Array(result.buffer, result.byteOffset, result.byteLength)
    : new Uint8Array(result);
  const secret = view.slice() as DeviceSecret;
  view.fill(0);
  if (secret.length !== PRF_BYTES) {
    secret.fill(0);
    throw new DeviceUnlockError('unsupported');
  }
  return secret;
}

/**
 * A WebAuthn failure as a DeviceUnlockError: a missing feature or a host WebAuthn refuses
 * (an IP address) is `unsupported`; anything else (the patient cancelled, the prompt timed
 * out, the credential is gone from this phone: browsers do not tell these apart) `refused`.
 */
function asDeviceError(err: unknown): DeviceUnlockError {
  if (err instanceof DeviceUnlockError) return err;
  const name = err instanceof Error ? err.name : '';
  const unsupported = ['NotSupportedError', 'SecurityError', 'TypeError'].includes(name);
  return new DeviceUnlockError(unsupported ? 'unsupported' : 'refused');
}

/** Whether the page can use WebAuthn at all. */
function hasWebAuthn(): boolean {
  return (
    typeof PublicKeyCredential !== 'undefined' &&
    typeof navigator !== 'undefined' &&
    typeof navigator.credentials?.create === 'function' &&
    globalThis.isSecureContext !== false
  );
}

/** The browser's answer to whether a platform authenticator with PRF is there, when it says. */
async function capabilities(): Promise<boolean | undefined> {
  if (typeof PublicKeyCredential.getClientCapabilities !== 'function') return undefined;
  try {
    const caps = await PublicKeyCredential.getClientCapabilities();
    const prf = caps['extension:prf'];
    const platform = caps.userVerifyingPlatformAuthenticator;
    if (prf === false || platform === false) return false;
    return prf === true && platform === true ? true : undefined;
  } catch {
    return undefined;
  }
}

/** This origin's host: the WebAuthn relying party. */
const rpId = (): string => location.hostname;

/** The secret of `binding`, after the phone's own user check. */
async function secret(binding: DeviceBinding): Promise<DeviceSecret> {
  if (!hasWebAuthn()) throw new DeviceUnlockError('unsupported');
  try {
    const credential = (await navigator.credentials.get({
      publicKey: {
        rpId: rpId(),
        challenge: randomBytes(32),
        allowCredentials: [
          { type: 'public-key', id: bytes(binding.credentialId), transports: ['internal'] },
        ],
        userVerification: 'required',
        timeout: PROMPT_TIMEOUT_MS,
        extensions: { prf: { eval: { first: bytes(binding.prfSalt) } } },
      },
    })) as PublicKeyCredential | null;
    if (!credential) throw new DeviceUnlockError('refused');
    return takeSecret(prfResult(credential));
  } catch (err) {
    throw asDeviceError(err);
  }
}

/** Tells the phone's password manager the credential is unused (Chrome 132+); never fails. */
async function forget(binding: DeviceBinding): Promise<void> {
  const signal = (
    globalThis.PublicKeyCredential as
      | { signalUnknownCredential?: (o: { rpId: string; credentialId: string }) => Promise<void> }
      | undefined
  )?.signalUnknownCredential;
  if (typeof signal !== 'function') return;
  await signal
    .call(PublicKeyCredential, { rpId: rpId(), credentialId: binding.credentialId })
    .catch(() => undefined);
}

/** A new platform credential with the PRF extension on, and the secret it gives. */
async function register(): Promise<DeviceSeal> {
  if (!hasWebAuthn()) throw new DeviceUnlockError('unsupported');
  const prfSalt = randomBytes(PRF_BYTES);
  let credential: PublicKeyCredential | null;
  try {
    credential = (await navigator.credentials.create({
      publicKey: {
        rp: { id: rpId(), name: 'Carnet' },
        // SECURITY: nothing personal: a random user handle and the app's name only, since
        // the phone's password manager lists them.
        user: { id: randomBytes(16), name: 'Carnet', displayName: 'Carnet' },
        challenge: randomBytes(32),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: {
          authenticatorAttachment: 'platform',
          residentKey: 'preferred',
          userVerification: 'required',
        },
        attestation: 'none',
        timeout: PROMPT_TIMEOUT_MS,
        extensions: { prf: { eval: { first: prfSalt } } },
      },
    })) as PublicKeyCredential | null;
  } catch (err) {
    throw asDeviceError(err);
  }
  if (!credential) throw new DeviceUnlockError('refused');
  const binding: DeviceBinding = {
    credentialId: toBase64Url(new Uint8Array(credential.rawId)),
    prfSalt: toBase64Url(prfSalt),
  };
  const prf = credential.getClientExtensionResults().prf;
  try {
    if (!prf?.enabled && !prf?.results) throw new DeviceUnlockError('unsupported');
    // Some authenticators evaluate the PRF while creating; the others need one more ask.
    const first = prf.results?.first;
    return { binding, secret: first ? takeSecret(first) : await secret(binding) };
  } catch (err) {
    // A credential that gives no secret serves nothing: tidy it away.
    await forget(binding);
    throw err;
  }
}

/** The browser's WebAuthn as DeviceKeys. Safe to build anywhere: it touches nothing until used. */
export function webAuthnDeviceKeys(): DeviceKeys {
  return {
    available: async () => {
      if (!hasWebAuthn()) return false;
      const said = await capabilities();
      if (said !== undefined) return said;
      // No capability list (older browsers): offer where a platform authenticator exists;
      // whether it has PRF shows at the first use, which then falls back cleanly.
      return PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable().catch(() => false);
    },
    register,
    secret,
    forget,
  };
}
