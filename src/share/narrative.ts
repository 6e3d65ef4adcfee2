const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A FHIR narrative: an XHTML `div` listing `lines`. SECURITY: every line is escaped, so
 * text a patient typed can never become markup in a viewer that renders narratives.
 */
export function narrative(lines: readonly string[]): string {
  const items = lines
    .map((l) => `<li>${l.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)}</li>`)
    .join('');
  return `<div xmlns="http://www.w3.org/1999/xhtml"><ul>${items}</ul></div>`;
}
