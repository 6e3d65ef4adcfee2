// `npm test`: installs what the tests need and is missing, then runs every check in order
// and ends with one summary line: "Summary: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemDeps } from './system-deps.ts';
import { playwrightFailures, vitestFailures } from './test-failures.ts';

interface Result {
  name: string;
  passed: number;
  failed: number;
}

const results: Result[] = [];
/** Each failed test, named with its stage, for the end of the output. */
const failures: string[] = [];

function run(
  name: string,
  command: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): boolean {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = child.status === 0;
  console.log(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${child.status ?? child.signal})`} in ${seconds}s`,
  );
  return ok;
}

/** The parts of Vitest's and Playwright's JSON reports that the summary reads. */
interface Report {
  numPassedTests?: number;
  numFailedTests?: number;
  stats?: { expected?: number; unexpected?: number; flaky?: number };
}

function readJson<T = Report>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** A check without its own test count counts as one test. */
function check(name: string, command: string, args: string[]): void {
  const ok = run(name, command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function vitest(name: string, project: string): void {
  const out = `test-results/vitest-${project}.json`;
  rmSync(out, { force: true });
  const ok = run(name, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
  const report = readJson(out);
  failures.push(...vitestFailures(readJson(out)).map((f) => `${name}: ${f}`));
  const passed = report?.numPassedTests ?? 0;
  const failed = report?.numFailedTests ?? 0;
  results.push({ name, passed, failed: ok ? failed : Math.max(failed, 1) });
}

function playwright(name: string): void {
  const out = 'test-results/e2e.json';
  rmSync(out, { force: true });
  const ok = run(name, 'npx', ['playwright', 'test']);
  const stats = readJson(out)?.stats;
  failures.push(...playwrightFailures(readJson(out)).map((f) => `${name}: ${f}`));
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  const failed = stats?.unexpected ?? 0;
  results.push({ name, passed, failed: ok ? failed : Math.max(failed, 1) });
}

mkdirSync('test-results', { recursive: true });
if (!ensureSystemDeps()) {
  console.log('\nSummary: 0 passed, 1 failed');
  process.exit(1);
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
check('i18n', 'npm', ['run', '--silent', 'i18n:check']);
check('knip', 'npm', ['run', '--silent', 'knip']);
vitest('unit', 'unit');
vitest('relay', 'relay');
const built = run('build', 'npm', ['run', '--silent', 'build']) && existsSync('dist/index.html');
results.push({ name: 'build', passed: built ? 1 : 0, failed: built ? 0 : 1 });
if (built) playwright('e2e');
else results.push({ name: 'e2e', passed: 0, failed: 1 });

if (failures.length > 0) {
  console.log('\n--- failed');
  for (const f of failures) console.log(f);
}
console.log('\n--- results');
for (const r of results) console.log(`${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`Summary: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
