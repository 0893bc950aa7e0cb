/**
 * Dossier as a user runs it: `dossier import` calls, and `dossier serve`
 * answering searches over HTTP (the address with its token is the first line
 * the server prints).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { SearchHit } from '../../src/shared/api';
import { repoRoot } from '../../tests/support/sharedData';

const cli = path.join(repoRoot, 'bin/dossier.cjs');

/**
 * Compiles the command first (npm run build:cli), as `npm start` does, so the
 * figures are those of the compiled command; editing a source file during the
 * run would send the command back to tsx.
 */
export function compileCommand(): void {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/buildCli.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm run build:cli failed: ${run.stderr}`);
}

/** `dossier import FOLDER --json`: how many files ended in each status (imported, duplicate, error…). */
export function importFolder(databaseFile: string, folder: string): Record<string, number> {
  const run = spawnSync(process.execPath, [cli, '--db', databaseFile, 'import', folder, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  if (run.status !== 0 && run.stdout.trim() === '') {
    throw new Error(`dossier import ${folder} exited with ${run.status}: ${run.stderr}`);
  }
  const statuses: Record<string, number> = {};
  for (const result of JSON.parse(run.stdout) as Array<{ status: string }>) {
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  }
  return statuses;
}

export class DossierServer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly url: URL,
    private readonly token: string,
    private readonly stderr: () => string,
  ) {}

  /** One connection, kept open between searches. */
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  static start(databaseFile: string): Promise<DossierServer> {
    const child = spawn(process.execPath, [cli, '--db', databaseFile, 'serve', '--port', '0'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', (line) => {
        const url = new URL(line.trim());
        resolve(new DossierServer(child, url, url.hash.replace('#token=', ''), () => stderr));
      });
      child.once('exit', (code) => reject(new Error(`dossier serve exited (${code}): ${stderr}`)));
    });
  }

  /**
   * A search as the app's search panel asks it (see SEARCH_PANEL_REQUEST). Sent
   * with node:http over one kept-alive connection: Node's fetch spends about
   * half a millisecond of its own on each call (a whole one when the bench has
   * just waited for ripgrep), which is the client's time, not Dossier's.
   */
  async search(query: string, request: { limit: number; snippets?: number }): Promise<SearchHit[]> {
    const body = (await this.post('/api/search', { query, ...request }).catch((error: Error) => {
      const exited = this.child.exitCode ?? this.child.signalCode;
      if (exited === null) throw error;
      throw new Error(`dossier serve exited (${exited}) during "${query}": ${this.stderr()}`);
    })) as { ok: boolean; value?: SearchHit[]; error?: unknown };
    if (!body.ok) throw new Error(`search "${query}" failed: ${JSON.stringify(body.error)}`);
    return body.value!;
  }

  private post(pathname: string, value: unknown): Promise<unknown> {
    const body = JSON.stringify(value);
    return new Promise((resolve, reject) => {
      const request = http.request(
        new URL(pathname, this.url),
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            Authorization: `Bearer ${this.token}`,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (error) {
              reject(error as Error);
            }
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  stop(): Promise<void> {
    this.agent.destroy();
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
