import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

/** Argon2id cost. Memory in KiB. */
export interface PasscodeHashParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * SECURITY: OWASP's first Argon2id recommendation (19 MiB, 2 passes, 1 lane): about 30 ms
 * on one core here. Cheap enough that the attempt budget, not the hash, is what stops
 * guessing online; costly enough that a stolen database does not give short PINs away
 * for free. The parameters are stored inside each encoded hash, so raising them later
 * leaves old shares verifiable.
 */
export const DEFAULT_PASSCODE_PARAMS: PasscodeHashParams = {
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
};

/** Hashes a passcode with Argon2id and a fresh 16-byte salt; returns the PHC-encoded string. */
export async function hashPasscode(
  passcode: string,
  params: PasscodeHashParams = DEFAULT_PASSCODE_PARAMS,
): Promise<string> {
  return argon2id({
    password: passcode,
    salt: randomBytes(16),
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'encoded',
  });
}

/** Checks a passcode against an encoded Argon2id hash. */
export async function verifyPasscode(passcode: string, encoded: string): Promise<boolean> {
  return argon2Verify({ password: passcode, hash: encoded });
}
