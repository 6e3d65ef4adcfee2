/** Why a share could not be made or opened. Screens map each code to an `errors:share.*` key. */
export type ShareErrorCode =
  | 'malformed-link' // the QR code or link is not a SMART Health Link we can read
  | 'inactive' // expired, revoked, used up or unknown: ask the patient for a new one
  | 'expired' // the link itself says it has expired (checked before any request)
  | 'passcode-required' // the link needs a PIN and none was given
  | 'wrong-passcode' // see `remainingAttempts`
  | 'offline' // no network: sharing and viewing need it
  | 'network' // the relay could not be reached or answered badly; retry
  | 'rate-limited' // too many requests; wait a minute
  | 'too-large' // the share is larger than the relay accepts
  | 'undecryptable' // the key does not open the content (tampered or wrong link)
  | 'unsupported-content'; // decrypted, but not something we can show

/** The one error type share/ throws. Never carries a key, a link or content. */
export class ShareError extends Error {
  override readonly name = 'ShareError';
  constructor(
    readonly code: ShareErrorCode,
    readonly details: { remainingAttempts?: number } = {},
  ) {
    super(`share: ${code}`);
  }
}
