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

/** What main knows of the frame an IPC message came from (Electron's `event.senderFrame`). */
export interface IpcSenderFrame {
  /** The frame's current URL; undefined once the frame is gone. */
  url: string | undefined;
  /** True for a window's top frame; an iframe has a parent. */
  isTopFrame: boolean;
}

/**
 * IPC is answered only for the app's own page in a window's top frame: never
 * for a page that navigated elsewhere, a foreign page given the preload, or
 * an iframe (even one showing the app's own address).
 */
export function isTrustedIpcSender(frame: IpcSenderFrame | undefined, appUrl: string): boolean {
  return (
    frame !== undefined &&
    frame.isTopFrame &&
    frame.url !== undefined &&
    isAppUrl(frame.url, appUrl)
  );
}
