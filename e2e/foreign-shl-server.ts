import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SHL, SHLManifestBuilder } from 'kill-the-clipboard';

/**
 * Another SMART Health Links server, on another origin than Carnet's (foreign-origin.ts),
 * built on kill-the-clipboard (npm, by Vinta Software) as a clinic's server could be: its
 * SHL makes the links and keys, its SHLManifestBuilder encrypts the files (compressed by
 * default) and answers manifests; this file only stores them and speaks HTTP, with CORS
 * for any origin as the specification asks. It also publishes a health card issuer's keys
 * at /.well-known/jwks.json. Loopback only; started and stopped by the tests.
 */

/** One file of a share: a FHIR resource (a Bundle or one resource), or one health card. */
type ForeignFile =
  { readonly fhir: object; readonly compress?: boolean } | { readonly card: string };

export interface ForeignShareOptions {
  readonly files: readonly ForeignFile[];
  /** `P` asks for `passcode`; `U` serves the one file by a GET of the link's URL. */
  readonly flag?: 'P' | 'U';
  readonly passcode?: string;
  /** The manifest's `status`. */
  readonly status?: 'finalized' | 'can-change' | 'no-longer-valid';
  /** Every file by its location, never inside the manifest. */
  readonly byLocation?: boolean;
}

export interface ForeignShare {
  /** The link as the QR code would hold it, for Carnet's viewer at `viewerOrigin`. */
  link(viewerOrigin: string): string;
  /** The content key, base64url: it must never reach any server. */
  readonly key: string;
  /** The `shlink:/` payload's base64url part. */
  readonly payload: string;
}

interface Stored {
  readonly shl: SHL;
  readonly builder: SHLManifestBuilder;
  readonly options: ForeignShareOptions;
  attemptsLeft: number;
}

/** What the server was sent: method, path and body of every request. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST',
  'Access-Control-Allow-Headers': 'Content-Type',
};

export class ForeignShlServer {
  /** What /.well-known/jwks.json answers (a test issuer's keys). */
  jwks: object = { keys: [] };
  readonly requests: SeenRequest[] = [];
  private readonly shares = new Map<string, Stored>();
  private readonly files = new Map<string, string>();

  private constructor(
    readonly origin: string,
    private readonly server: Server,
  ) {}

  /** Listens at `origin` (http://127.0.0.1:<port>). */
  static async start(origin: string): Promise<ForeignShlServer> {
    const { hostname, port } = new URL(origin);
    let self: ForeignShlServer | null = null;
    const server = createServer((req, res) => {
      void self?.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(Number(port), hostname, resolve);
    });
    self = new ForeignShlServer(origin, server);
    return self;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Makes a share with kill-the-clipboard and keeps its encrypted files. */
  async share(options: ForeignShareOptions): Promise<ForeignShare> {
    const shl = SHL.generate({
      baseManifestURL: `${this.origin}/shl`,
      manifestPath: '/m',
      expirationDate: new Date(Date.now() + 3600_000),
      label: 'Dossier de la clinique',
      ...(options.flag ? { flag: options.flag } : {}),
    });
    const builder = new SHLManifestBuilder({
      shl,
      uploadFile: (content) => {
        const path = randomUUID();
        this.files.set(path, content);
        return Promise.resolve(path);
      },
      getFileURL: (path) => Promise.resolve(`${this.origin}/files/${path}`),
      loadFile: (path) => Promise.resolve(this.files.get(path) ?? ''),
    });
    for (const file of options.files) {
      if ('card' in file) await builder.addHealthCard({ shc: file.card });
      else
        await builder.addFHIRResource({
          content: file.fhir as never,
          ...(file.compress === false ? { enableCompression: false } : {}),
        });
    }
    this.shares.set(new URL(shl.url).pathname, { shl, builder, options, attemptsLeft: 5 });
    const uri = shl.toURI();
    return {
      link: (viewerOrigin) => `${viewerOrigin}/v#${uri}`,
      key: shl.key,
      payload: uri.slice('shlink:/'.length),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.origin);
    this.requests.push({ method, url: url.href, body });
    if (method === 'OPTIONS') return this.send(res, 204, '');
    if (url.pathname === '/.well-known/jwks.json') return this.send(res, 200, this.jwks);
    const file = /^\/files\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (method === 'GET' && file && this.files.has(file))
      return this.send(res, 200, this.files.get(file)!, 'application/jose');
    const stored = this.shares.get(url.pathname);
    if (!stored) return this.send(res, 404, { error: 'not found' });
    if (method === 'GET' && stored.options.flag === 'U') {
      const first = stored.builder.files[0];
      return this.send(
        res,
        200,
        this.files.get(first?.storagePath ?? '') ?? '',
        'application/jose',
      );
    }
    if (method !== 'POST') return this.send(res, 405, { error: 'method' });
    const request = JSON.parse(body) as { passcode?: string; embeddedLengthMax?: number };
    if (stored.options.flag === 'P' && request.passcode !== stored.options.passcode) {
      stored.attemptsLeft = Math.max(0, stored.attemptsLeft - 1);
      return this.send(res, 401, { remainingAttempts: stored.attemptsLeft });
    }
    const manifest = await stored.builder.buildManifest({
      embeddedLengthMax: stored.options.byLocation ? 0 : (request.embeddedLengthMax ?? 16_384),
      ...(stored.options.status ? { status: stored.options.status } : {}),
    });
    return this.send(res, 200, manifest);
  }

  private send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { ...CORS, 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(text);
  }
}
