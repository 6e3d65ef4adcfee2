/**
 * How the doctor's page may show an attachment, from the type the share declares (which
 * anyone who writes a share chooses). SECURITY: only inert types are ever shown or given a
 * `blob:` URL with their own type: a declared `text/html`, SVG or XHTML file on Carnet's
 * origin could draw a fake form or redirect. Everything else is offered as a download of
 * neutral bytes.
 */

/** Image types drawn as they are: raster formats with no script and no links. */
const INERT_IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** The largest text file shown inline, in bytes. */
export const MAX_TEXT_BYTES = 1024 * 1024;

export type AttachmentKind = 'image' | 'pdf' | 'text' | 'file';

/** The kind of view a declared content type gets. Parameters (`; charset=`) are ignored. */
export function attachmentKind(contentType: string | undefined): AttachmentKind {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (INERT_IMAGES.has(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/plain') return 'text';
  return 'file';
}

/**
 * The type a `blob:` URL of these bytes may carry: the image's own inert type, or
 * `application/octet-stream` for anything else (a download, never a page).
 */
export function blobType(kind: AttachmentKind, contentType: string | undefined): string {
  if (kind === 'image') return contentType?.split(';')[0]?.trim().toLowerCase() ?? 'image/jpeg';
  return 'application/octet-stream';
}
