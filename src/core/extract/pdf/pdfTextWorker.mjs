// Reads a PDF's text with pdf.js inside a worker thread, so a hostile or huge
// file can be stopped (time, memory) without harming the thread that asked.
// Plain JavaScript on purpose: every host (tsx, Vitest, the Electron bundle)
// starts it by path with no transpiler. It only reads: nothing in the file is
// run, drawn or fetched. Layout is left to the caller (pdfLayout*.ts).
//
// One thread serves PDF after PDF, one at a time: the caller sends a job
// {job, bytes, maxBufferBytes} only once the previous one has ended. Each
// document is destroyed before its job ends, so nothing of one file is kept
// for the next. Messages out, each tagged with the job's number: {kind:'info',
// info}, then {kind:'page', page} per page, then {kind:'done'}; or
// {kind:'failed', reason:'password'|'damaged'|'memory', detail}. After a
// 'memory' failure the thread exits; after the others it waits for the next job.
// Sent {stop: true} (reusableWorker.ts's STOP_MESSAGE), it exits at once.
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { getDocument, Util, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdf.js runs its parser in this same thread instead of loading another worker.
globalThis.pdfjsWorker = pdfjsWorker;

// Decoded streams are ArrayBuffers, outside the heap that the thread's resourceLimits cap: a
// small file can inflate to gigabytes. pdf.js yields between chunks of work, so a timer sees them grow.
function watchDecodedData(maxBufferBytes, post) {
  return setInterval(() => {
    if (process.memoryUsage().arrayBuffers > maxBufferBytes) {
      post({ kind: 'failed', reason: 'memory', detail: 'decoded data over the limit' });
      process.exit(1);
    }
  }, 100);
}

/** pdf.js's own character maps (local files), which CJK fonts without a mapping of their own need. */
const CMAP_DIR = fileURLToPath(
  new URL('../../cmaps/', import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs')),
).replace(/[\\/]?$/, '/');

/** Posts the document's description, then its pages; destroys the document whatever happens. */
async function read(bytes, post) {
  const loading = getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    enableXfa: false,
    // Keep going past damaged objects: an import wants whatever text can be read.
    stopAtErrors: false,
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const document = await loading.promise;
    post({ kind: 'info', info: await documentInfo(document) });
    for (let number = 1; number <= document.numPages; number++) {
      post({ kind: 'page', page: await pageText(document, number) });
    }
  } finally {
    // A document left behind would stay in memory for every later file: end the thread instead.
    await loading.destroy().catch(() => process.exit(1));
  }
}

async function documentInfo(document) {
  const { info, metadata } = await document.getMetadata().catch(() => ({}));
  const text = (value) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  return {
    pageCount: document.numPages,
    title: text(info?.Title) ?? text(metadata?.get('dc:title')),
    author: text(info?.Author) ?? text(metadata?.get('dc:creator')?.join?.(', ')),
    creationDate: text(info?.CreationDate),
    lang: text(info?.Language),
  };
}

/** A page's text items with their transforms in page coordinates (origin top left, y down). */
async function pageText(document, number) {
  try {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ disableNormalization: true });
    const items = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      items.push({
        str: item.str,
        transform: Util.transform(viewport.transform, item.transform),
        width: item.width,
        dir: item.dir,
        // pdf.js numbers fonts after the documents the thread has opened (g_d7_f2): without that
        // number a font's name depends on this file alone, not on the files read before it.
        fontName: item.fontName.replace(/^g_d\d+_/, 'g_'),
      });
    }
    page.cleanup();
    return { number, width: viewport.width, height: viewport.height, items };
  } catch (error) {
    return { number, width: 0, height: 0, items: [], unreadable: String(error?.message ?? error) };
  }
}

parentPort.on('message', async (message) => {
  // Asked to end (a limit reached, a cancel): here, between tasks, never from outside inside one.
  if (message.stop) process.exit(0);
  const { job, bytes, maxBufferBytes } = message;
  const post = (message) => parentPort.postMessage({ job, ...message });
  const watch = watchDecodedData(maxBufferBytes, post);
  try {
    await read(bytes, post);
    post({ kind: 'done' });
  } catch (error) {
    const reason = error?.name === 'PasswordException' ? 'password' : 'damaged';
    post({ kind: 'failed', reason, detail: String(error?.message ?? error) });
  } finally {
    clearInterval(watch);
  }
});
