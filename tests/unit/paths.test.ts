import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDatabasePath } from '../../src/core/paths';

const home = '/home/ana';

describe('defaultDatabasePath', () => {
  it('prefers $DOSSIER_DB', () => {
    expect(defaultDatabasePath({ DOSSIER_DB: '/data/work.db' }, 'linux', home)).toBe(
      '/data/work.db',
    );
  });

  it('uses the folder Electron gives an app named Dossier as userData', () => {
    expect(defaultDatabasePath({}, 'linux', home)).toBe(
      path.join(home, '.config', 'Dossier', 'dossier.db'),
    );
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/xdg' }, 'linux', home)).toBe(
      path.join('/xdg', 'Dossier', 'dossier.db'),
    );
    expect(defaultDatabasePath({}, 'darwin', home)).toBe(
      path.join(home, 'Library', 'Application Support', 'Dossier', 'dossier.db'),
    );
  });

  it('on Windows uses %APPDATA% with Windows separators', () => {
    expect(
      defaultDatabasePath({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', home),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Dossier\\dossier.db');
  });
});
