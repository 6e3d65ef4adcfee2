/** A figure as bench/results.json keeps it. */
type Figure = number | string;
export type Figures = Record<string, Figure>;

/**
 * Each figure's goal, as `<op> <number>`. Issue 16's goals (performance) replace the older
 * ones where both name a figure (record_write_ratio, initial_js_gzip_kb, viewer_js_gzip_kb);
 * every issue 16 figure is listed, measured yet or not.
 */
export const GOALS: Readonly<Record<string, string>> = {
  // Issue 16.
  first_visit_kb: '<= 900',
  repeat_visit_kb: '<= 5',
  relay_share_rss_growth_mb: '<= 100',
  record_write_ratio: '<= 1.25',
  doc_read_vs_ceiling: '<= 1.2',
  share_create_ratio: '<= 1.3',
  summary_render_ratio: '<= 2',
  unlock_ms_cpu4x: '<= 1000',
  initial_js_gzip_kb: '<= 80',
  viewer_js_gzip_kb: '<= 80',
  // Earlier issues.
  doc_write_ratio: '<= 2',
  doc_read_ratio: '<= 2',
  relay_manifest_vs_health_ratio: '>= 0.5',
  backup_write_ratio: '<= 1.5',
  restore_ratio: '<= 2',
  relay_backup_rss_growth_mb: '<= 100',
  relay_health_p99_ms_hostile: '< 100',
};

/**
 * Figures computed from others: `summary_render_ratio`, the summary's render time with
 * 10,000 entries over its time with 1,000 (issue 16: the cost must not grow with the record).
 */
export function derivedFigures(figures: Figures): Figures {
  const big = figures.summary_render_ms_10000;
  const small = figures.summary_render_ms_1000;
  return typeof big === 'number' && typeof small === 'number' && small > 0
    ? { summary_render_ratio: Math.round((big / small) * 100) / 100 }
    : {};
}

/** Whether `value` meets `goal` (`<= 900`, `>= 0.5`, `< 100`); null when it cannot tell. */
function meets(value: Figure | undefined, goal: string): boolean | null {
  const parsed = /^(<=|<|>=|>)\s*(-?[\d.]+)$/.exec(goal.trim());
  if (!parsed || typeof value !== 'number') return null;
  const limit = Number(parsed[2]);
  switch (parsed[1]) {
    case '<=':
      return value <= limit;
    case '<':
      return value < limit;
    case '>=':
      return value >= limit;
    default:
      return value > limit;
  }
}

/**
 * The table `npm run bench` prints: every goal first (with its figure, or "not measured"),
 * then every other figure, each with its goal beside it and whether it is met.
 */
export function goalTable(figures: Figures, goals: Readonly<Record<string, string>>): string {
  const rows: string[][] = [['figure', 'value', 'goal', 'met']];
  for (const [name, goal] of Object.entries(goals)) {
    const value = figures[name];
    const met = meets(value, goal);
    rows.push([
      name,
      value === undefined ? 'not measured' : String(value),
      goal,
      met === null ? '' : met ? 'yes' : 'NO',
    ]);
  }
  for (const [name, value] of Object.entries(figures))
    if (!(name in goals)) rows.push([name, String(value), '', '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join(
    '\n',
  );
}
