/**
 * Loads for a key that keeps changing, one load at a time. A key asked for
 * while a load runs waits for it; then only the latest key asked for is
 * loaded. Listing a library of 100,000 articles takes about a second, and an
 * import changes it every few hundred milliseconds: without this, every
 * change would queue one more full list behind the others (and the searches
 * behind them).
 */
export type Settled<T> = { key: string; data: T } | { key: string; error: unknown };

export interface LatestLoader {
  /** The key wanted now; null: none (what is running finishes, nothing follows). */
  want(key: string | null): void;
}

/**
 * `load` is called for each key loaded (it reads what the key stands for when
 * called); `settle` hears every load's outcome, also one for a key no longer
 * wanted: a newer value than the one shown, while the latest loads.
 */
export function latestLoader<T>(
  load: () => Promise<T>,
  settle: (outcome: Settled<T>) => void,
): LatestLoader {
  let running: string | null = null;
  let wanted: string | null = null;

  const run = (key: string) => {
    running = key;
    load()
      .then(
        (data): Settled<T> => ({ key, data }),
        (error: unknown): Settled<T> => ({ key, error }),
      )
      .then((outcome) => {
        running = null;
        settle(outcome);
        if (wanted !== null && wanted !== key) run(wanted);
      });
  };

  return {
    want(key) {
      wanted = key;
      if (key !== null && running === null) run(key);
    },
  };
}
