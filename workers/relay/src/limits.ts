import { BACKUP_MAX_BYTES_DEFAULT } from '../../../src/share/protocol.ts';
import { REPLY_MAX_BYTES_DEFAULT } from '../../../src/share/protocol-replies.ts';

/** Everything the relay bounds. Each has an environment variable (see `limitsFromEnv`). */
export interface RelayLimits {
  /** Largest file of a share (one compact JWE, uploaded by itself), bytes. */
  maxFileBytes: number;
  /** Largest total of a share's files, bytes. */
  maxShareBytes: number;
  /** Largest manifest request body, bytes (recipient + passcode + a number). */
  maxManifestBodyBytes: number;
  /** Most files in one share. */
  maxFiles: number;
  /** Longest lifetime of a share, seconds from creation. */
  maxLifetimeSeconds: number;
  /** Share creations per client IP per minute. */
  createPerMinute: number;
  /** Manifest requests and direct file GETs per client IP per minute. */
  manifestPerMinute: number;
  /** Wrong passcodes a share survives over its whole life. */
  passcodeAttempts: number;
  /** Lifetime of a manifest's `location` URLs, seconds (the specification caps it at 3600). */
  locationTtlSeconds: number;
  /** Longest recipient name kept in the access list, characters. */
  maxRecipientLength: number;
  /** Longest passcode accepted, characters. */
  maxPasscodeLength: number;
  /** Highest `maxUses` a share may ask for. */
  maxUsesCeiling: number;
  /** Largest backup file, bytes. */
  backupMaxBytes: number;
  /** Days after its last use (PUT, GET or HEAD) a backup is deleted. */
  backupRetentionDays: number;
  /** Largest reply (one compact JWE sent back through a share), bytes. */
  replyMaxBytes: number;
  /** Replies sent per client IP per minute. */
  replyPerMinute: number;
}

export const DEFAULT_LIMITS: RelayLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxShareBytes: 64 * 1024 * 1024,
  maxManifestBodyBytes: 4 * 1024,
  maxFiles: 20,
  maxLifetimeSeconds: 30 * 24 * 3600,
  createPerMinute: 30,
  manifestPerMinute: 120,
  passcodeAttempts: 5,
  locationTtlSeconds: 15 * 60,
  maxRecipientLength: 200,
  maxPasscodeLength: 200,
  maxUsesCeiling: 1_000_000,
  backupMaxBytes: BACKUP_MAX_BYTES_DEFAULT,
  backupRetentionDays: 400,
  replyMaxBytes: REPLY_MAX_BYTES_DEFAULT,
  replyPerMinute: 30,
};

/** Environment variable for each limit. */
const ENV_NAMES: Record<keyof RelayLimits, string> = {
  maxFileBytes: 'RELAY_MAX_FILE_BYTES',
  maxShareBytes: 'RELAY_MAX_SHARE_BYTES',
  maxManifestBodyBytes: 'RELAY_MAX_MANIFEST_BODY_BYTES',
  maxFiles: 'RELAY_MAX_FILES',
  maxLifetimeSeconds: 'RELAY_MAX_LIFETIME_SECONDS',
  createPerMinute: 'RELAY_CREATE_PER_MINUTE',
  manifestPerMinute: 'RELAY_MANIFEST_PER_MINUTE',
  passcodeAttempts: 'RELAY_PASSCODE_ATTEMPTS',
  locationTtlSeconds: 'RELAY_LOCATION_TTL_SECONDS',
  maxRecipientLength: 'RELAY_MAX_RECIPIENT_LENGTH',
  maxPasscodeLength: 'RELAY_MAX_PASSCODE_LENGTH',
  maxUsesCeiling: 'RELAY_MAX_USES_CEILING',
  backupMaxBytes: 'BACKUP_MAX_BYTES',
  backupRetentionDays: 'BACKUP_RETENTION_DAYS',
  replyMaxBytes: 'REPLY_MAX_BYTES',
  replyPerMinute: 'RELAY_REPLY_PER_MINUTE',
};

/** Reads limits from the environment; throws a clear error for a value that is not a positive integer. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): RelayLimits {
  if (env.RELAY_MAX_BODY_BYTES) {
    // Files no longer arrive inside one JSON body; say so rather than ignore the setting.
    throw new Error(
      'RELAY_MAX_BODY_BYTES is gone: files are uploaded one by one; set RELAY_MAX_FILE_BYTES ' +
        '(largest file) and RELAY_MAX_SHARE_BYTES (largest total of a share) instead',
    );
  }
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as (keyof RelayLimits)[]) {
    const name = ENV_NAMES[key];
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(`${name} must be a positive integer, got "${raw}"`);
    }
    limits[key] = value;
  }
  if (limits.locationTtlSeconds > 3600) {
    throw new Error(
      'RELAY_LOCATION_TTL_SECONDS must be at most 3600 (SMART Health Links caps it at one hour)',
    );
  }
  return limits;
}

/** Reads a limit override object, for tests and the benchmark. */
export function withLimits(overrides: Partial<RelayLimits> | undefined): RelayLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/**
 * Largest `POST /api/shl` body, bytes: room for `maxFiles` file entries (about 70 bytes
 * each), a passcode of `maxPasscodeLength` characters written as JSON escapes, and the
 * rest, with space to spare. About 5 KB with the default limits.
 */
export function createBodyMaxBytes(limits: RelayLimits): number {
  return 1024 + 128 * limits.maxFiles + 8 * limits.maxPasscodeLength;
}
