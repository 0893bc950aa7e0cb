/**
 * How many times each topic (sources, passages, notes, …) has changed since the
 * window opened, counted from the notebook's events. Queries put the counts of
 * the topics they read into their keys, so they re-run when one moves.
 */
import { useSyncExternalStore } from 'react';
import type { Topic } from '../../shared/apiMethods';
import { Listeners } from '../../shared/listeners';
import { subscribeNotebookEvents } from '../api/client';

const versions = new Map<Topic, number>();
const changes = new Listeners<void>();

subscribeNotebookEvents((event) => {
  if (event.type !== 'changed') return;
  for (const topic of event.changed) versions.set(topic, (versions.get(topic) ?? 0) + 1);
  changes.emit();
});

function subscribe(listener: () => void): () => void {
  return changes.add(listener);
}

/** A string that changes whenever one of `topics` changes. */
export function useTopicsVersion(topics: readonly Topic[]): string {
  return useSyncExternalStore(subscribe, () =>
    topics.map((topic) => versions.get(topic) ?? 0).join('.'),
  );
}
