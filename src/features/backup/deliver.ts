/**
 * Handing a backup file to the patient: the system share sheet where the browser can share
 * files (Android: WhatsApp, email, Drive, Files, USB), else a download. The file is
 * ciphertext; SECURITY: its name holds the date only.
 */

/** How long a download's blob URL stays alive: long enough for the browser to start it. */
const REVOKE_AFTER_MS = 60_000;

/** True when the browser can put this file in the system share sheet. */
export function canShareFile(file: File): boolean {
  try {
    return (
      typeof navigator.share === 'function' && navigator.canShare?.({ files: [file] }) === true
    );
  } catch {
    return false;
  }
}

/**
 * Opens the share sheet with the file. `dismissed`: the patient closed it, or the browser
 * wants a fresh tap (a long backup outlives the tap that started it): offer a button.
 * `unsupported`: the browser refused this file; download it instead.
 */
export async function shareFile(file: File): Promise<'shared' | 'dismissed' | 'unsupported'> {
  try {
    await navigator.share({ files: [file], title: file.name });
    return 'shared';
  } catch (err) {
    const name = err instanceof DOMException ? err.name : '';
    return name === 'AbortError' || name === 'NotAllowedError' ? 'dismissed' : 'unsupported';
  }
}

/** Saves the file through a download link; its blob URL is revoked a minute later. */
export function downloadFile(file: File): 'downloaded' {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return 'downloaded';
}
