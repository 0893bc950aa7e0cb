import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh folder under the system's temp folder for each test, removed after
 * it. `setUp` runs in it before the test; what it returns runs after the test,
 * before the folder goes (closing the databases opened there).
 */
export function useTempFolder(
  prefix: string,
  setUp?: (folder: string) => (() => unknown) | void,
): { readonly path: string } {
  const state = { path: '' };
  let tearDown: (() => unknown) | void;
  beforeEach(() => {
    state.path = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    tearDown = setUp?.(state.path);
  });
  afterEach(async () => {
    await tearDown?.();
    fs.rmSync(state.path, { recursive: true, force: true });
  });
  return state;
}
