import os from 'node:os';
import path from 'node:path';

/** The app's folder name; Electron derives app.getPath('userData') from the same name. */
const APP_FOLDER = 'Dossier';
const DATABASE_FILE = 'dossier.db';

/**
 * The one notebook file shared by the CLI and the desktop app: `$DOSSIER_DB`
 * when set, else `dossier.db` in the folder Electron uses as userData for an
 * app named "Dossier", so both open the same notebook.
 */
export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.DOSSIER_DB) return env.DOSSIER_DB;
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER, DATABASE_FILE);
  }
  const userData =
    platform === 'darwin'
      ? path.join(home, 'Library', 'Application Support')
      : env.XDG_CONFIG_HOME || path.join(home, '.config');
  return path.join(userData, APP_FOLDER, DATABASE_FILE);
}
