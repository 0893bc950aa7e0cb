/**
 * The host's core, able to put a backup in the notebook's place while the app
 * or `dossier serve` runs (restoreBackup, a `host` method): new calls wait,
 * the calls under way finish, the core's threads or processes close the
 * notebook, the backup replaces it (restoreNotebook: checked, the current
 * notebook backed up first, one atomic rename), and a fresh core opens the
 * restored file and answers the calls that waited. Listeners stay subscribed
 * throughout and hear that everything changed.
 *
 * The switch is one rename, so the notebook file is whole at every moment. A
 * `dossier` command that already had the file open when it was renamed goes
 * on with the replaced file (its change is not in the restored notebook);
 * commands started afterwards work on the restored one.
 */
import type { ApiResponse, RestoredNotebook } from '../shared/api';
import { topics } from '../shared/apiMethods';
import { toErrorInfo, type ErrorInfo } from '../shared/errors';
import { NotebookEventHub } from '../shared/notebookEventHub';
import { parseArgs } from '../core/dispatch';
import {
  checkRestoreCandidate,
  refuseWhileHeld,
  restoreNotebook,
} from '../core/backups/restoreNotebook';
import type { CoreChannel } from './channel';

export async function startRestorableCore(
  databaseFile: string,
  start: () => Promise<CoreChannel>,
): Promise<CoreChannel> {
  const events = new NotebookEventHub();
  const forward = (channel: CoreChannel) => channel.subscribe((event) => events.emit(event));

  let inner = await start();
  let unsubscribe = forward(inner);
  /** Set while a restore runs: calls wait for it, then go to the core it leaves open. */
  let restoring: Promise<unknown> | null = null;
  /** Set when no core could be opened again after a restore: every call answers this. */
  let broken: ErrorInfo | null = null;
  const underWay = new Set<Promise<unknown>>();

  async function forwardCall(method: string, args: unknown): Promise<ApiResponse<unknown>> {
    while (restoring) await restoring;
    if (broken) return { ok: false, error: broken };
    const call = inner.call(method, args);
    underWay.add(call);
    try {
      return await call;
    } finally {
      underWay.delete(call);
    }
  }

  async function restore(rawArgs: unknown): Promise<ApiResponse<RestoredNotebook>> {
    const args = parseArgs('restoreBackup', rawArgs);
    if (!args.ok) return args;
    if (restoring) {
      const message = 'A restore is already under way; wait for it to finish.';
      return { ok: false, error: { code: 'conflict', message } };
    }
    if (broken) return { ok: false, error: broken };
    try {
      // What would refuse anyway (a bad file, another holder) does so before the notebook is closed.
      checkRestoreCandidate(args.value.file);
      refuseWhileHeld(databaseFile, { allowThisProcess: true });
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
    const run = replaceNotebook(args.value.file);
    restoring = run;
    try {
      return await run;
    } finally {
      restoring = null;
    }
  }

  async function replaceNotebook(file: string): Promise<ApiResponse<RestoredNotebook>> {
    // The calls already sent finish on the notebook they began on.
    while (underWay.size > 0) await Promise.allSettled([...underWay]);
    unsubscribe();
    await inner.close();
    let answer: ApiResponse<RestoredNotebook>;
    try {
      const restored = await restoreNotebook(databaseFile, file, { allowThisProcess: true });
      answer = { ok: true, value: restored };
    } catch (error) {
      // Nothing was replaced: the notebook as it was opens again below.
      answer = { ok: false, error: toErrorInfo(error) };
    }
    try {
      inner = await start();
      unsubscribe = forward(inner);
    } catch (error) {
      broken = toErrorInfo(error);
      return { ok: false, error: broken };
    }
    if (answer.ok) events.emit({ type: 'changed', changed: [...topics] });
    return answer;
  }

  return {
    call: (method, args) =>
      method === 'restoreBackup' ? restore(args) : forwardCall(method, args),
    subscribe: (listener) => events.subscribe(listener),
    async close() {
      while (restoring) await restoring;
      unsubscribe();
      if (!broken) await inner.close();
    },
  };
}
