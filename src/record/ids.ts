/**
 * A new random record id: 16 random bytes, base64url. SECURITY: ids are stored in clear,
 * so they must reveal nothing (no counter, no time, no content).
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
