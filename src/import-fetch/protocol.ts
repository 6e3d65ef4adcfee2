/**
 * The messages between the patient app and its import page (`/import-fetch.html`, main.ts),
 * which fetches a SMART Health Link the patient chose to import from the link's own server.
 * Both sides are Carnet's origin; every message is posted to, and accepted only from, that
 * origin and the one window it expects (the page's parent, the app's frame).
 *
 * SECURITY: what crosses here is the protocol's requests and the server's answers as they
 * came (ciphertext for a share's files). The link's key and the record never do: the app
 * decrypts what comes back, and sends only a URL of the link, the recipient's name and the
 * PIN the patient typed for that link (SECURITY.md, "Importing a link from another server").
 */

/** The page is ready to take requests (sent once, when its script has run). */
export interface FrameReady {
  readonly type: 'carnet-import-ready';
}

/** One request of the SMART Health Links protocol, for the page to send. */
export interface FrameRequest {
  readonly type: 'carnet-import-fetch';
  /** Matches the answer to its request. */
  readonly id: number;
  readonly url: string;
  /** `POST` is a manifest request (JSON body); `GET` a file, a `U` link or an issuer's keys. */
  readonly method: 'GET' | 'POST';
  /** POST only: `{recipient, passcode?, embeddedLengthMax?}` as JSON. */
  readonly body?: string;
}

/** The server's answer, its body whole (at most FRAME_MAX_BYTES), or why there is none. */
export type FrameAnswer =
  | {
      readonly type: 'carnet-import-answer';
      readonly id: number;
      readonly status: number;
      readonly contentType: string;
      readonly body: ArrayBuffer;
    }
  | {
      readonly type: 'carnet-import-answer';
      readonly id: number;
      /**
       * `network`: no answer (server down, refused by the page's policy, cut short);
       * `too-large`: the body passed FRAME_MAX_BYTES and was cancelled;
       * `refused`: the request was not one the page sends.
       */
      readonly failed: 'network' | 'too-large' | 'refused';
    };

/**
 * The most the page reads of one answer, bytes: a share's whole budget (64 MiB of JWE, the
 * relay's largest share, jwe.ts MAX_PLAINTEXT_BYTES) and 1 MiB of manifest. The app applies
 * its own, exact budget to what it gets (open-link.ts).
 */
export const FRAME_MAX_BYTES = 65 * 1024 * 1024;

/** The longest URL the page requests (a manifest URL is at most 128 characters). */
export const FRAME_MAX_URL = 2048;

/** Where the page lives, on the app's own origin. */
export const IMPORT_FETCH_PATH = '/import-fetch.html';
