/**
 * The second SMART Health Links server the viewer tests talk to (foreign-shl-server.ts):
 * another origin than the app's (127.0.0.1 rather than localhost, another port), which
 * playwright.config.ts lets the viewer reach through VIEWER_CONNECT_SRC. Its port is
 * E2E_FOREIGN_PORT, or the app's port (E2E_PORT) plus 1000, so parallel runs on other
 * ports do not meet.
 */
export function foreignOrigin(): string {
  const appPort = Number(process.env.E2E_PORT ?? 8181);
  const port = Number(process.env.E2E_FOREIGN_PORT ?? appPort + 1000);
  return `http://127.0.0.1:${port}`;
}
