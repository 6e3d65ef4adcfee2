import { describe, expect, it } from 'vitest';
import { playwrightFailures, vitestFailures } from './test-failures.ts';

describe('the failed tests named at the end of npm test', () => {
  it('names each failed Vitest test with its file and the first line of its error', () => {
    const report = {
      testResults: [
        {
          name: `${process.cwd()}/workers/relay/src/a.test.ts`,
          assertionResults: [
            { status: 'passed', fullName: 'ok' },
            {
              status: 'failed',
              fullName: 'backups keeps the old one',
              failureMessages: [
                '\n\u001b[31mAssertionError: expected 404 to be 200\u001b[39m\n  at x',
              ],
            },
          ],
        },
        { name: '/elsewhere/b.test.ts', message: 'SyntaxError: nope\nmore', assertionResults: [] },
      ],
    };
    expect(vitestFailures(report)).toEqual([
      'workers/relay/src/a.test.ts › backups keeps the old one: AssertionError: expected 404 to be 200',
      '/elsewhere/b.test.ts: SyntaxError: nope',
    ]);
  });

  it('names each unexpected Playwright result, in nested suites too, and no passed or flaky one', () => {
    const report = {
      suites: [
        {
          file: 'withheld.spec.ts',
          specs: [
            {
              title: 'declared none',
              line: 67,
              tests: [
                {
                  status: 'unexpected',
                  results: [{ error: { message: 'Error: not checked\nLocator' } }],
                },
              ],
            },
            { title: 'fine', line: 9, tests: [{ status: 'expected' }, { status: 'flaky' }] },
          ],
          suites: [
            {
              specs: [
                { title: 'in English', line: 12, tests: [{ status: 'unexpected', results: [] }] },
              ],
            },
          ],
        },
      ],
    };
    expect(playwrightFailures(report)).toEqual([
      'withheld.spec.ts:67 › declared none: Error: not checked',
      'withheld.spec.ts:12 › in English: ',
    ]);
  });

  it('names nothing when a report is missing', () => {
    expect(vitestFailures(null)).toEqual([]);
    expect(playwrightFailures(null)).toEqual([]);
  });
});
