/** Electron hardening: one place for every guard the official checklist asks for. */
import { app, session, shell, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../shared/contentSecurityPolicy';
import { externalWebUrl, isAppUrl } from './urlPolicy';

/** Opens http(s) links in the user's browser; every other scheme is dropped. */
export function openExternalSafely(rawUrl: string): void {
  const url = externalWebUrl(rawUrl);
  if (url) void shell.openExternal(url);
}

/** Installs the guards on every web contents the app ever creates. */
export function installSecurityGuards(
  getAppUrl: () => string,
  options: { devServer: boolean },
): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  // The dev server's hot reload needs the relaxed policy of its own index.html;
  // built files get the strict policy as a header on top of their meta tag.
  if (!options.devServer) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [contentSecurityPolicy],
        },
      });
    });
  }

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
