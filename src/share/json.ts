/**
 * Guards for JSON from outside (a share anyone may have written, a relay answer): each
 * returns the value when it has the asked shape, or nothing. Never throws.
 */

/** A JSON object, or undefined. */
export function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A JSON array's object members; anything else is an empty list. */
export function objs(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.map(obj).filter((v): v is Record<string, unknown> => v !== undefined);
}

/** A non-empty trimmed string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A finite number, or undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
