import { MAX_IMPORT_BYTES } from '../../shared/importLimits';
import type { FolderFile } from './importableFiles';

/**
 * A batch holds at most this many files (the core stores a thousand in one
 * transaction: small calls cost a commit and an index segment each)…
 */
const BATCH_FILES = 1000;
/** …and this many bytes, well inside a request's limit once base64-encoded. */
const BATCH_BYTES = 16 * 1024 * 1024;

/**
 * How long reading sizes may hold the page at a time. The first read of a
 * picked file's size asks the disk (about 0.2 ms a file in Chromium): for a
 * folder of 100,000 files, twenty seconds the window would be frozen.
 */
const SIZES_SLICE_MS = 25;

/** A task later: a message, which a hidden tab does not hold back as it does timers. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The files in the batches they travel in, in order, each batch made as it is
 * asked for; reading the files' sizes yields to the page every SIZES_SLICE_MS.
 */
export async function* batchesOf(items: readonly FolderFile[]): AsyncGenerator<FolderFile[]> {
  let batch: FolderFile[] = [];
  let bytes = 0;
  let sliceStart = performance.now();
  for (const item of items) {
    if (performance.now() - sliceStart > SIZES_SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
    const size = Math.min(item.file.size, MAX_IMPORT_BYTES);
    if (batch.length >= BATCH_FILES || (batch.length > 0 && bytes + size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}
