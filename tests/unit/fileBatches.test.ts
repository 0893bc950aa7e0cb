/**
 * A folder import sends its files in batches. Making them reads every file's
 * size, which for files picked in Chromium asks the disk the first time: the
 * batches are made one at a time, and the reading yields to the page.
 */
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/shared/importLimits';
import { batchesOf } from '../../src/renderer/import/fileBatches';
import type { FolderFile } from '../../src/renderer/import/importableFiles';

/** A picked file whose size, like Chromium's the first time, takes `sizeMs` to read. */
class PickedFile extends File {
  constructor(
    name: string,
    private readonly byteCount: number,
    private readonly sizeMs = 0,
  ) {
    super([], name);
  }

  override get size(): number {
    const until = performance.now() + this.sizeMs;
    while (performance.now() < until);
    return this.byteCount;
  }
}

function folder(count: number, bytes: (index: number) => number, sizeMs = 0): FolderFile[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `report-${index}.txt`;
    return { file: new PickedFile(name, bytes(index), sizeMs), path: `reports/${name}` };
  });
}

async function batchSizes(items: readonly FolderFile[]): Promise<number[]> {
  const sizes: number[] = [];
  for await (const batch of batchesOf(items)) sizes.push(batch.length);
  return sizes;
}

describe('batchesOf', () => {
  it('puts at most a thousand files and 16 MiB in a batch, in order', async () => {
    expect(await batchSizes(folder(2500, () => 2_000))).toEqual([1000, 1000, 500]);

    const MiB = 1024 * 1024;
    // 5 MiB each: three fit in 16 MiB, a fourth does not.
    expect(await batchSizes(folder(7, () => 5 * MiB))).toEqual([3, 3, 1]);
    // A file over the import limit (refused later, never read) counts as the limit.
    const huge = folder(3, (index) => (index === 1 ? 4 * MAX_IMPORT_BYTES : 1_000));
    expect(await batchSizes(huge)).toEqual([1, 1, 1]);

    const items = folder(1200, () => 10);
    const batched: FolderFile[] = [];
    for await (const batch of batchesOf(items)) batched.push(...batch);
    expect(batched).toEqual(items);
  });

  it('lets the page run while it reads the sizes of a large folder', async () => {
    // 300 files whose sizes take 1 ms each: 300 ms of reading.
    const items = folder(300, () => 1_000, 1);
    // Tasks the page has waiting (a click, a progress event): each one queues the next.
    let tasksRun = 0;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      tasksRun++;
      channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
    try {
      expect(await batchSizes(items)).toEqual([300]);
    } finally {
      channel.port1.close();
    }
    // Read in one go, no task would run until the end; in slices of 25 ms, about a dozen do.
    expect(tasksRun).toBeGreaterThanOrEqual(5);
  });
});
