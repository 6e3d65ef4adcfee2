/* eslint-disable no-console -- this is the relay's one logger. */

/** Where log lines go: `console` unless a test swaps it. */
export type LogSink = (level: 'info' | 'warn', line: string) => void;

const toConsole: LogSink = (level, line) => {
  if (level === 'warn') console.warn(line);
  else console.log(line);
};
let sink: LogSink = toConsole;

/**
 * The relay's logger. SECURITY: callers pass fixed messages and counts only; never a JWE,
 * passcode, token, full share id, recipient name or client address. `redactId` keeps a
 * short prefix for correlating log lines without making the line a key to the share.
 */
export const log = {
  info(message: string): void {
    sink('info', `[relay] ${message}`);
  },
  warn(message: string): void {
    sink('warn', `[relay] ${message}`);
  },
};

/** Sends log lines elsewhere (tests keep their output quiet); `null` restores the console. */
export function setLogSink(next: LogSink | null): void {
  sink = next ?? toConsole;
}

/** Shortens a share id to a prefix that cannot be used to open the share. */
export function redactId(id: string): string {
  return `${id.slice(0, 6)}…`;
}
