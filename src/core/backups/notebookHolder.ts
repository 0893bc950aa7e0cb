/**
 * Who holds a notebook open for long: `dossier serve` and the app write
 * `NOTEBOOK.holder.json` when they open it and remove it when they end, so a
 * command that must not run beside them (restore) can say which one to stop.
 * A holder whose process is gone (it crashed) is stale and ignored.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface NotebookHolder {
  pid: number;
  kind: 'server' | 'app';
  /** Browser mode's address (without its access token). */
  url?: string;
  startedAt: string;
}

export function holderFileOf(dbFile: string): string {
  return `${path.resolve(dbFile)}.holder.json`;
}

/** Records this process as the notebook's holder; the returned function removes the record. */
export function registerHolder(
  dbFile: string,
  holder: Pick<NotebookHolder, 'kind' | 'url'>,
): () => void {
  const file = holderFileOf(dbFile);
  const record: NotebookHolder = {
    pid: process.pid,
    ...holder,
    startedAt: new Date().toISOString(),
  };
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
  const release = () => {
    process.removeListener('exit', release);
    // Another holder may have taken over since (this one was thought stale): leave its record.
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.once('exit', release);
  return release;
}

/** The process holding the notebook open now, or null (none, or only a stale record). */
export function liveHolder(dbFile: string): NotebookHolder | null {
  const holder = readHolder(holderFileOf(dbFile));
  return holder !== null && isRunning(holder.pid) ? holder : null;
}

/** "the Dossier app (pid 812)", "a Dossier server (pid 812) at http://127.0.0.1:5000/". */
export function describeHolder(holder: NotebookHolder): string {
  return holder.kind === 'app'
    ? `the Dossier app (pid ${holder.pid})`
    : `a Dossier server (pid ${holder.pid})${holder.url ? ` at ${holder.url}` : ''}`;
}

function readHolder(file: string): NotebookHolder | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<NotebookHolder>;
    if (typeof value.pid !== 'number' || (value.kind !== 'server' && value.kind !== 'app')) {
      return null;
    }
    return value as NotebookHolder;
  } catch {
    return null; // None, or one half-written by hand: neither holds anything.
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another account.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
