import { ShareError } from '../share/errors.ts';
import { readIps, type IpsSummary } from '../share/ips-read.ts';
import type { SharedFile } from '../share/open-link.ts';

/**
 * Turns a share's decrypted files into one summary: the first FHIR Bundle is the summary;
 * documents of any further bundles are added to it. SMART Health Cards and other content
 * types are skipped. Throws ShareError('unsupported-content') when nothing is readable.
 */
export function summaryFromFiles(files: readonly SharedFile[]): IpsSummary {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const read: IpsSummary[] = [];
  for (const file of files) {
    if (!/^application\/(fhir\+)?json\b/.test(file.contentType)) continue;
    try {
      read.push(readIps(JSON.parse(decoder.decode(file.plaintext)) as unknown));
    } catch {
      // Not JSON, or not a Bundle: shown only if nothing else is readable (below).
    }
  }
  const [first, ...rest] = read;
  if (!first) throw new ShareError('unsupported-content');
  if (rest.length === 0) return first;
  return { ...first, documents: [...first.documents, ...rest.flatMap((s) => s.documents)] };
}
