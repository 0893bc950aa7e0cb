/** Electron hardening: one place for every guard the official checklist asks for. */
import { app, session, shell, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../shared/contentSecurityPolicy';

/** Opens http(s) links in the user's browser; every other scheme is dropped. */
export function openExternalSafely(rawUrl: string): void {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') void shell.openExternal(url.href);
}

function isAppUrl(rawUrl: string, appUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    const base = new URL(appUrl);
    return url.origin === base.origin && url.pathname === base.pathname;
  } catch {
    return false;
  }
}

/** Installs the guards on every web contents the app ever creates. */
export function installSecurityGuards(getAppUrl: () => string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url, getAppUrl())) return;
      event.preventDefault();
      openExternalSafely(url);
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}

/** IPC is answered only for our own page, never for a frame that navigated elsewhere. */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl, appUrl);
}
