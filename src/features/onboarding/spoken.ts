/**
 * One text for the device's voice from a screen's parts (title, intro, hints): each part ends
 * with a full stop unless it already ends a sentence, so the voice pauses between them.
 */
export function spoken(...parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (/[.!?…:;。؟।]$/u.test(p) ? p : `${p}.`))
    .join(' ');
}
