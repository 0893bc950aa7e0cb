/**
 * The Electron window's hardening, checked in the running app where an
 * Electron binary exists: webPreferences read from the main process, the page's
 * reach, window.open, navigation away, IPC from a foreign page, and the CSP.
 * Elsewhere it is skipped with the reason.
 */
import type { ElectronApplication, Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAppUrl } from '../../src/main/urlPolicy';
import { tryCodeFromStrings } from './support/codeFromStrings';
import { expect, repoRoot, test } from './support/dossierServer';
import { electronBinary, electronSkipReason, launchElectronApp } from './support/electronApp';

test.skip(!electronBinary, electronSkipReason);
if (!electronBinary) console.log(`electronSecurity.spec: skipped: ${electronSkipReason}`);
test.describe.configure({ mode: 'serial' });

/** What main records for these checks, on its global object. */
interface Recorded {
  openedExternally: string[];
  navigationsTried: string[];
}

let folder: string;
let app: ElectronApplication;
let page: Page;
let appUrl: string;

test.beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-electron-security-'));
  app = await launchElectronApp(path.join(folder, 'notebook.db'));
  page = await app.firstWindow();
  await expect(page.getByTestId('search-input')).toBeVisible();
  appUrl = page.url();
  // Links that leave the app go to the system browser: recorded instead of opened,
  // and every navigation the page tries is noted before the guards decide on it.
  await app.evaluate(({ shell, BrowserWindow }) => {
    const recorded: Recorded = { openedExternally: [], navigationsTried: [] };
    (globalThis as { dossierRecorded?: Recorded }).dossierRecorded = recorded;
    shell.openExternal = async (url: string) => {
      recorded.openedExternally.push(url);
    };
    for (const window of BrowserWindow.getAllWindows()) {
      window.webContents.on('will-navigate', (_event, url) => recorded.navigationsTried.push(url));
    }
  });
});

test.afterAll(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

function recorded(): Promise<Recorded> {
  return app.evaluate(() => (globalThis as { dossierRecorded?: Recorded }).dossierRecorded!);
}

test('every window is sandboxed and context-isolated, without Node', async () => {
  const preferences = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => {
      // Electron's own record of the preferences the window was made with (not in its typings).
      const contents = window.webContents as unknown as {
        getLastWebPreferences(): Electron.WebPreferences | null;
      };
      const given = contents.getLastWebPreferences() ?? {};
      return {
        sandbox: given.sandbox,
        contextIsolation: given.contextIsolation,
        nodeIntegration: given.nodeIntegration ?? false,
        nodeIntegrationInSubFrames: given.nodeIntegrationInSubFrames ?? false,
        webviewTag: given.webviewTag ?? false,
      };
    }),
  );
  expect(preferences.length).toBeGreaterThan(0);
  for (const windowPreferences of preferences) {
    expect(windowPreferences).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
  }
});

test('the page reaches neither Node nor raw IPC, only named functions', async () => {
  const reach = await page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>;
    const bridge = scope.dossier as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      ipcRenderer: typeof scope.ipcRenderer,
      electron: typeof scope.electron,
      bridgeKinds: [...new Set(Object.values(bridge).map((value) => typeof value))],
      rawIpcOnBridge: ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on'].filter(
        (name) => name in bridge,
      ),
    };
  });
  expect(reach).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
    bridgeKinds: ['function'],
    rawIpcOnBridge: [],
  });
});

test('window.open is denied: no new window; only http(s) goes to the system browser', async () => {
  const opened = await page.evaluate(() => [
    window.open('https://example.org/') === null,
    window.open('file:///etc/hosts') === null,
    window.open('javascript:alert(1)') === null,
  ]);
  expect(opened).toEqual([true, true, true]);
  await expect
    .poll(async () => (await recorded()).openedExternally)
    .toEqual(['https://example.org/']);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('navigation away is blocked: the window stays on the app page', async () => {
  const localPage = path.join(folder, 'elsewhere.html');
  writeFileSync(localPage, '<!doctype html><title>Elsewhere</title>');
  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
  });
  for (const target of ['https://example.org/', pathToFileURL(localPage).href]) {
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    await expect.poll(async () => (await recorded()).navigationsTried).toContain(target);
    expect(isAppUrl(page.url(), appUrl), page.url()).toBe(true);
    expect(
      await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
    ).toBe(true);
  }
  await expect(page.getByTestId('search-input')).toBeVisible();
  // The web address went to the system browser; the local file went nowhere.
  expect((await recorded()).openedExternally).not.toContain(pathToFileURL(localPage).href);
});

test('IPC from a page that is not the app is refused', async () => {
  // A foreign page given the app's own preload: it has window.dossier, but main must refuse it.
  const strangerPage = path.join(folder, 'stranger.html');
  writeFileSync(strangerPage, '<!doctype html><title>Stranger</title>');
  const stranger = {
    preload: path.join(repoRoot, 'out/preload/index.js'),
    url: pathToFileURL(strangerPage).href,
  };
  const answers = await app.evaluate(async ({ BrowserWindow }, { preload, url }) => {
    const foreignWindow = new BrowserWindow({
      show: false,
      webPreferences: {
        preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      },
    });
    try {
      await foreignWindow.loadURL(url);
      return (await foreignWindow.webContents.executeJavaScript(
        'window.dossier.listSources({})',
      )) as {
        ok: boolean;
        error?: { code: string };
      };
    } finally {
      foreignWindow.destroy();
    }
  }, stranger);
  expect(answers).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  // The app's own page is still answered.
  const own = await page.evaluate(() =>
    (
      window as unknown as { dossier: { listSources(args: object): Promise<{ ok: boolean }> } }
    ).dossier.listSources({}),
  );
  expect(own.ok).toBe(true);
});

test('the CSP refuses eval and new Function in the window', async () => {
  expect(await tryCodeFromStrings(page)).toEqual({ eval: 'EvalError', newFunction: 'EvalError' });
});
