import { describe, expect, it } from 'vitest';
import { latestLoader, type Settled } from '../../src/renderer/app/latestLoader';

/** A load the test finishes by hand, and what each call was asked to load. */
function controlledLoads() {
  const pending: Array<{ resolve: (value: string) => void; reject: (error: Error) => void }> = [];
  let current = 'v0';
  const settled: Array<Settled<string>> = [];
  const loader = latestLoader(
    () => {
      const loadedKey = current;
      return new Promise<string>((resolve, reject) =>
        pending.push({ resolve: () => resolve(`value of ${loadedKey}`), reject }),
      );
    },
    (outcome) => settled.push(outcome),
  );
  const want = (key: string | null) => {
    if (key !== null) current = key;
    loader.want(key);
  };
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { pending, settled, want, flush };
}

describe('latestLoader', () => {
  it('loads a key asked for while nothing runs', async () => {
    const { pending, settled, want, flush } = controlledLoads();
    want('a');
    expect(pending).toHaveLength(1);
    pending[0]!.resolve('');
    await flush();
    expect(settled).toEqual([{ key: 'a', data: 'value of a' }]);
  });

  it('skips the keys asked for while a load runs, for the latest one', async () => {
    const { pending, settled, want, flush } = controlledLoads();
    want('sources@1');
    for (const version of [2, 3, 4, 5]) want(`sources@${version}`);
    expect(pending).toHaveLength(1);

    pending[0]!.resolve('');
    await flush();
    expect(pending).toHaveLength(2);
    pending[1]!.resolve('');
    await flush();

    expect(settled).toEqual([
      { key: 'sources@1', data: 'value of sources@1' },
      { key: 'sources@5', data: 'value of sources@5' },
    ]);
  });

  it('loads nothing more once the key asked for comes back to the one running', async () => {
    const { pending, settled, want, flush } = controlledLoads();
    want('a');
    want('b');
    want('a');
    pending[0]!.resolve('');
    await flush();
    expect(pending).toHaveLength(1);
    expect(settled).toEqual([{ key: 'a', data: 'value of a' }]);
  });

  it('lets a running load finish and starts none after it once nothing is wanted', async () => {
    const { pending, settled, want, flush } = controlledLoads();
    want('a');
    want('b');
    want(null);
    pending[0]!.resolve('');
    await flush();
    expect(pending).toHaveLength(1);
    expect(settled).toEqual([{ key: 'a', data: 'value of a' }]);
  });

  it('settles a failed load with its error and still loads the latest key after it', async () => {
    const { pending, settled, want, flush } = controlledLoads();
    want('a');
    want('b');
    const failure = new Error('reader busy');
    pending[0]!.reject(failure);
    await flush();
    pending[1]!.resolve('');
    await flush();
    expect(settled).toEqual([
      { key: 'a', error: failure },
      { key: 'b', data: 'value of b' },
    ]);
  });
});
