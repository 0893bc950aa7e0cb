/**
 * What a successful call changed, as every open window hears it: the topics
 * its method declares and, for 'sources', which sources' library entries it
 * touched (`ChangedEvent.sources`): a large library then reads those entries
 * again, not all of them. A method not listed here that changes 'sources'
 * says nothing, and windows read the whole list (emptying the trash, a
 * collection deleted, a notebook imported).
 */
import type { ApiMethod, ApiResults, FileImportOutcome, ImportedSource, ValidArgs } from './api';
import { apiMethods } from './apiMethods';
import type { ChangedEvent } from './notebookEvents';

type TouchedBy<M extends ApiMethod> = (args: ValidArgs<M>, result: ApiResults[M]) => string[];

const imported = (_args: unknown, result: ImportedSource) => [result.sourceId];
const named = ({ sourceId }: { sourceId: string }) => [sourceId];
const collected = ({ sourceIds = [] }: { sourceIds?: string[] }) => sourceIds;

const touchedBy: { [M in ApiMethod]?: TouchedBy<M> } = {
  importFile: imported,
  importText: imported,
  importUrl: imported,
  importFiles: (_args, outcomes) => outcomes.flatMap(sourceOf),
  deleteSource: named,
  restoreSource: named,
  editSource: named,
  setSourceTags: named,
  addToCollection: collected,
  removeFromCollection: collected,
};

function sourceOf(outcome: FileImportOutcome): string[] {
  return outcome.status === 'error' ? [] : [outcome.sourceId];
}

/**
 * The sources a call of `method` touched, or undefined when it cannot say.
 * Only for a call that succeeded: its arguments passed the contract's checks.
 */
function touchedSources(method: ApiMethod, args: unknown, result: unknown): string[] | undefined {
  const touched = touchedBy[method] as ((args: unknown, result: unknown) => string[]) | undefined;
  return touched?.(args, result);
}

/** What a successful call changed, for every open window: its topics and the sources it touched. */
export function changedEvent(
  method: ApiMethod,
  args: unknown,
  result: unknown,
): ChangedEvent | null {
  const changed = [...apiMethods[method].changes];
  if (changed.length === 0) return null;
  const sources = changed.includes('sources') ? touchedSources(method, args, result) : undefined;
  return { type: 'changed', changed, ...(sources ? { sources } : {}) };
}
