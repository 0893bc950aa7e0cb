/**
 * Which URLs the window may show and which may leave for the system browser.
 * Kept free of Electron so the rules are unit-tested under Node.
 */

/** The app's own page (same origin and path); anything else is a navigation away. */
export function isAppUrl(rawUrl: string, appUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    const base = new URL(appUrl);
    return (
      url.origin === base.origin && url.pathname === base.pathname && url.protocol === base.protocol
    );
  } catch {
    return false;
  }
}

/**
 * The normalised address to hand to the system browser, or undefined: only
 * http(s) ever leaves the app (no file:, javascript:, smb:, custom schemes).
 */
export function externalWebUrl(rawUrl: string): string | undefined {
  try {
    const url = new URL(rawUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
