/** Runs the real `dossier` command on a notebook in a fresh temp folder per test. */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { repoRoot } from '../../support/sharedData';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliNotebook {
  /** The test's folder (the command's working directory). */
  readonly folder: string;
  readonly databaseFile: string;
  dossier(...args: string[]): CliResult;
  /** The same without blocking this process (for tests that serve something to the command). */
  dossierAsync(...args: string[]): Promise<CliResult>;
  /** Runs with --json, expects success and no stderr, and parses stdout. */
  dossierJson<T>(...args: string[]): T;
}

export function useCliNotebook(): CliNotebook {
  let folder = '';
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const commandLine = (args: readonly string[]) => [
    path.join(repoRoot, 'bin/dossier.cjs'),
    '--db',
    notebook.databaseFile,
    ...args,
  ];
  const notebook: CliNotebook = {
    get folder() {
      return folder;
    },
    get databaseFile() {
      return path.join(folder, 'notebook.db');
    },
    dossier(...args) {
      const result = spawnSync(process.execPath, commandLine(args), {
        encoding: 'utf8',
        cwd: folder,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    dossierAsync(...args) {
      return new Promise((resolve) => {
        execFile(process.execPath, commandLine(args), { cwd: folder }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code, stdout, stderr });
        });
      });
    },
    dossierJson<T>(...args: string[]): T {
      const result = notebook.dossier(...args, '--json');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as T;
    },
  };
  return notebook;
}
