import { describe, expect, it } from 'vitest';
import { externalWebUrl, isAppUrl, isTrustedIpcSender } from '../../src/main/urlPolicy';

describe('Electron URL policy', () => {
  const appUrl = 'file:///opt/Dossier/resources/app/out/renderer/index.html';

  it('keeps the window on the app page, with any fragment or query', () => {
    expect(isAppUrl(appUrl, appUrl)).toBe(true);
    expect(isAppUrl(`${appUrl}#note/3`, appUrl)).toBe(true);
    expect(isAppUrl(`${appUrl}?x=1`, appUrl)).toBe(true);
  });

  it('treats every other page as a navigation away', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/Dossier/resources/app/out/renderer/other.html',
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAppUrl(url, appUrl), url).toBe(false);
    }
    expect(isAppUrl('http://localhost:5173/#x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('lets only http(s) links out to the system browser', () => {
    expect(externalWebUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(externalWebUrl('http://example.com')).toBe('http://example.com/');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'data:text/html,<script>1</script>',
      '//example.com',
      '',
    ]) {
      expect(externalWebUrl(url), url).toBeUndefined();
    }
  });

  it('answers IPC only from the app page in a top frame', () => {
    expect(isTrustedIpcSender({ url: appUrl, isTopFrame: true }, appUrl)).toBe(true);
    expect(isTrustedIpcSender({ url: `${appUrl}#note/3`, isTopFrame: true }, appUrl)).toBe(true);
  });

  it('refuses IPC from any other sender', () => {
    const refused = [
      // The app's own address inside an iframe.
      { url: appUrl, isTopFrame: false },
      // A window that navigated away, or a foreign page given the preload.
      { url: 'https://example.org/', isTopFrame: true },
      { url: 'file:///tmp/elsewhere.html', isTopFrame: true },
      { url: 'data:text/html,<title>Stranger</title>', isTopFrame: true },
      { url: 'about:blank', isTopFrame: true },
      // A frame that is gone.
      { url: undefined, isTopFrame: true },
    ];
    for (const frame of refused) {
      expect(isTrustedIpcSender(frame, appUrl), JSON.stringify(frame)).toBe(false);
    }
    expect(isTrustedIpcSender(undefined, appUrl)).toBe(false);
  });
});
