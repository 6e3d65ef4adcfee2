// The failed tests named in Vitest's and Playwright's JSON reports, each with the first
// line of its error, so that the end of `npm test`'s output says what failed, not only how
// many: a CI log is often read from its tail.

interface VitestReport {
  testResults?: {
    name?: string;
    message?: string;
    assertionResults?: { status?: string; fullName?: string; failureMessages?: string[] }[];
  }[];
}

interface PlaywrightSuite {
  file?: string;
  specs?: {
    title?: string;
    line?: number;
    tests?: { status?: string; results?: { error?: { message?: string } }[] }[];
  }[];
  suites?: PlaywrightSuite[];
}

/** Terminal colour codes, which reporters leave in their messages. */
const COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
/** At most this many characters of an error's first line. */
const MESSAGE_CHARS = 200;

function firstLine(message: string | undefined): string {
  // Colour codes and the blank lines some reporters start with say nothing here.
  const line = (message ?? '')
    .replace(COLOURS, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return (line ?? '').slice(0, MESSAGE_CHARS);
}

function relative(file: string | undefined): string {
  const path = file ?? '?';
  const cwd = process.cwd() + '/';
  return path.startsWith(cwd) ? path.slice(cwd.length) : path;
}

export function vitestFailures(report: VitestReport | null): string[] {
  const failed: string[] = [];
  for (const file of report?.testResults ?? []) {
    const tests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of tests) {
      failed.push(
        `${relative(file.name)} › ${t.fullName ?? '?'}: ${firstLine(t.failureMessages?.[0])}`,
      );
    }
    // A file that failed to load has no tests to name, only its own message.
    if (tests.length === 0 && file.message) {
      failed.push(`${relative(file.name)}: ${firstLine(file.message)}`);
    }
  }
  return failed;
}

export function playwrightFailures(report: { suites?: PlaywrightSuite[] } | null): string[] {
  const failed: string[] = [];
  const visit = (suite: PlaywrightSuite, file: string | undefined) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = test.results?.find((r) => r.error)?.error?.message;
        failed.push(
          `${suite.file ?? file ?? '?'}:${spec.line ?? '?'} › ${spec.title ?? '?'}: ${firstLine(error)}`,
        );
      }
    }
    for (const child of suite.suites ?? []) visit(child, suite.file ?? file);
  };
  for (const suite of report?.suites ?? []) visit(suite, undefined);
  return failed;
}
