/**
 * Electron main: lifecycle, the single window, menu, security guards and IPC.
 * All data work happens in src/core, run in utility processes; this file only
 * wires them to the window.
 */
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CoreChannel } from '../coreProcess/channel';
import { registerHolder } from '../core/backups/notebookHolder';
import { useSqliteBinding } from '../core/db/sqliteConnection';
import { defaultDatabasePath } from '../core/paths';
import {
  beforeCloseChannel,
  notebookEventChannel,
  readyToCloseChannel,
} from '../shared/apiMethods';
import { registerIpc } from './ipc';
import { installAppMenu } from './menu';
import { installSecurityGuards } from './security';
import { isAppUrl } from './urlPolicy';
import { startUtilityCore } from './utilityCore';

/** How long a closing window waits for the renderer to flush unsaved notes. */
const FLUSH_BEFORE_CLOSE_MS = 4000;

app.setName('Dossier');

function databaseFileFromArgs(argv: readonly string[]): string {
  const index = argv.indexOf('--db');
  const fromFlag = index === -1 ? undefined : argv[index + 1];
  return fromFlag ?? defaultDatabasePath();
}

/** electron-vite's dev server, during `npm run dev` only. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

function appUrl(): string {
  return devServerUrl ?? pathToFileURL(path.join(__dirname, '../renderer/index.html')).href;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Dossier',
    // out/main -> resources/ (macOS takes the icon from the app bundle instead).
    icon: path.join(__dirname, '../../resources/icon.png'),
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  flushNotesBeforeClose(window);
  void window.loadURL(appUrl());
  return window;
}

/** A note being typed is never lost: the window waits for the renderer's last save. */
function flushNotesBeforeClose(window: BrowserWindow): void {
  let flushed = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    const finish = () => {
      if (flushed) return;
      flushed = true;
      ipcMain.removeListener(readyToCloseChannel, onReady);
      window.close();
    };
    const onReady = (ipcEvent: Electron.IpcMainEvent) => {
      if (ipcEvent.sender === window.webContents) finish();
    };
    ipcMain.on(readyToCloseChannel, onReady);
    setTimeout(finish, FLUSH_BEFORE_CLOSE_MS);
    window.webContents.send(beforeCloseChannel);
  });
}

/** A notebook that cannot be opened (newer version, damaged) is reported and left untouched. */
async function openNotebookOrQuit(): Promise<CoreChannel> {
  const file = databaseFileFromArgs(process.argv);
  try {
    // `npm start` builds a binding for Electron's ABI and names it here; main's own
    // connections (checking a backup before restoring it) use it too.
    const binding = process.env.DOSSIER_SQLITE_BINDING;
    useSqliteBinding(binding);
    const core = await startUtilityCore(file, binding);
    // `dossier restore` refuses while the app holds the notebook; the record goes when the app exits.
    registerHolder(file, { kind: 'app' });
    return core;
  } catch (error) {
    dialog.showErrorBox('Dossier cannot open its notebook', String((error as Error).message));
    app.exit(1);
    throw error;
  }
}

/**
 * Every window hears every change and progress event, whoever caused it, from
 * the moment its page has loaded (told first where long operations under way
 * stand) until it goes.
 */
function sendNotebookEventsToWindows(core: CoreChannel): void {
  app.on('web-contents-created', (_event, contents) => {
    let unsubscribe: (() => void) | undefined;
    contents.on('did-finish-load', () => {
      unsubscribe?.();
      unsubscribe = undefined;
      // Only the app's own page hears what happens in the notebook.
      if (!isAppUrl(contents.getURL(), appUrl())) return;
      unsubscribe = core.subscribe((event) => contents.send(notebookEventChannel, event));
    });
    contents.once('destroyed', () => unsubscribe?.());
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: CoreChannel | undefined;
  let mainWindow: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(async () => {
    installSecurityGuards(appUrl, { devServer: devServerUrl !== undefined });
    installAppMenu();
    core = await openNotebookOrQuit();
    sendNotebookEventsToWindows(core);
    registerIpc(ipcMain, core, appUrl);
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void core?.close());
}
