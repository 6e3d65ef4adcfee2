import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** What a `location` URL grants: one file of one share until `expiresAt` (epoch ms). */
export interface TicketClaim {
  id: string;
  index: number;
  expiresAt: number;
}

const SALT = 16;
const TAG = 16;
const BODY = 32 + 2 + 6; // share id bytes, file index (uint16), expiresAt (uint48 ms)
const AAD = Buffer.from('carnet location ticket v1');
const ZERO_IV = Buffer.alloc(12);

/**
 * Sealed `location` tickets: nothing is written per manifest request, and any relay on
 * the same store can open a ticket another one sealed (they share `key`).
 *
 * SECURITY: the share id inside is encrypted (AES-256-GCM), so a leaked location URL
 * grants that one file until expiry and never the manifest. Each ticket gets its own key,
 * HMAC-SHA256(key, 16 random bytes), so the fixed GCM nonce is never reused under a key.
 * A revoked or purged share's tickets open to nothing: the file itself is gone.
 */
export function sealTicket(key: Buffer, claim: TicketClaim): string {
  const body = Buffer.alloc(BODY);
  Buffer.from(claim.id, 'base64url').copy(body, 0, 0, 32);
  body.writeUInt16BE(claim.index, 32);
  body.writeUIntBE(claim.expiresAt, 34, 6);
  const salt = freshSalt();
  const cipher = createCipheriv('aes-256-gcm', subkey(key, salt), ZERO_IV);
  cipher.setAAD(AAD);
  const sealed = Buffer.concat([salt, cipher.update(body), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString('base64url');
}

/** Opens a ticket sealed with `key` that is still valid at `now`; null for anything else. */
export function openTicket(key: Buffer, ticket: string, now: number): TicketClaim | null {
  if (!/^[A-Za-z0-9_-]{96}$/.test(ticket)) return null;
  const raw = Buffer.from(ticket, 'base64url');
  const salt = raw.subarray(0, SALT);
  const tag = raw.subarray(SALT + BODY, SALT + BODY + TAG);
  try {
    const decipher = createDecipheriv('aes-256-gcm', subkey(key, salt), ZERO_IV);
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    const body = Buffer.concat([
      decipher.update(raw.subarray(SALT, SALT + BODY)),
      decipher.final(),
    ]);
    const claim: TicketClaim = {
      id: body.subarray(0, 32).toString('base64url'),
      index: body.readUInt16BE(32),
      expiresAt: body.readUIntBE(34, 6),
    };
    return claim.expiresAt > now ? claim : null;
  } catch {
    return null;
  }
}

/**
 * 16 bytes from the CSPRNG, drawn from a pool refilled 4 KiB at a time: one randomBytes
 * call per ticket costs more than the rest of sealing. Each byte is handed out once.
 */
let pool = Buffer.alloc(0);
let offset = 0;
function freshSalt(): Buffer {
  if (offset + SALT > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const salt = Buffer.from(pool.subarray(offset, offset + SALT));
  pool.fill(0, offset, offset + SALT);
  offset += SALT;
  return salt;
}

function subkey(key: Buffer, salt: Buffer): Buffer {
  return createHmac('sha256', key).update(salt).digest();
}
