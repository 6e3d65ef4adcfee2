/**
 * The coverage table that `npm run i18n:check` prints: one line per language, one column
 * per namespace. Pure formatting, tested with the rest of the checker.
 */

/** A share as a percentage, rounded down so that 99.95 % never prints as 100 %. */
export function percent(present: number, total: number): string {
  if (total === 0) return '-';
  return `${(Math.floor((present / total) * 1000) / 10).toFixed(1)}%`;
}

/** One row of the coverage table. */
export interface CoverageRow {
  readonly lng: string;
  readonly shipped: boolean;
  readonly cells: Readonly<Record<string, { present: number; total: number }>>;
  readonly meta: 'ok' | 'missing' | 'invalid';
  readonly fatal: number;
}

/** The coverage table: one line per language, one column per namespace. */
export function formatTable(rows: readonly CoverageRow[], namespaces: readonly string[]): string {
  const header = ['language', 'shipped', ...namespaces, '_meta', 'failures'];
  const lines = rows.map((r) => [
    r.lng,
    r.shipped ? 'yes' : '',
    ...namespaces.map((ns) => {
      const cell = r.cells[ns];
      return cell ? percent(cell.present, cell.total) : '-';
    }),
    r.meta,
    String(r.fatal),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: readonly string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}
