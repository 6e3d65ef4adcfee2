/** Why a picked file was refused. Mapped to `errors:<code>`. */
export type ImportErrorCode = 'unsupported-type' | 'too-large' | 'corrupt-image' | 'corrupt-pdf';

/** A picked file that cannot become a document page. Carries no file name or content. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(readonly code: ImportErrorCode) {
    super(`import: ${code}`);
  }
}
