import path from 'node:path';
import { DossierError } from '../../../shared/errors';
import type { PdfContent, PdfInfo, PdfPageText } from './pdfContent';
import { ReusableWorker, type WorkerLease } from './reusableWorker';

/** How long and how much memory reading one PDF may take before it is stopped. */
export interface PdfReadLimits {
  timeMs: number;
  /** The worker's heap, and apart from it the data it decodes. */
  memoryMb: number;
  /** Text items kept in the calling thread for layout; a book of a thousand pages has a few hundred thousand. */
  textItems: number;
}

export const PDF_READ_LIMITS: PdfReadLimits = {
  timeMs: 60_000,
  memoryMb: 512,
  textItems: 1_000_000,
};

/**
 * The worker is a plain ES module found beside this file: the TypeScript
 * source under tsx and Vitest, the copy electron-vite puts beside the core's
 * bundle in the Electron build (see electron.vite.config.ts).
 */
const WORKER_FILE = path.join(__dirname, 'pdfTextWorker.mjs');

/** How long the worker waits for the next PDF: a folder's files follow each other closely. */
const IDLE_MS = 10_000;

const pdfWorker = new ReusableWorker(WORKER_FILE, IDLE_MS);
let lastJob = 0;

/** What the worker says about a job, tagged with the job's number. */
type WorkerMessage = { job: number } & (
  | { kind: 'info'; info: PdfInfo }
  | { kind: 'page'; page: PdfPageText }
  | { kind: 'done' }
  | { kind: 'failed'; reason: 'password' | 'damaged' | 'memory'; detail: string }
);

/**
 * Reads a PDF's text items in a worker thread with its own heap limit and a
 * time limit; stopping it (limit reached, `signal` aborted) answers at once
 * and ends the thread (see `ReusableWorker`'s end). Refuses with a message
 * naming `fileName` what it cannot read: a password, a damaged file, a file
 * over the limits.
 *
 * One worker serves PDF after PDF, one at a time: later calls wait their
 * turn, and each PDF's time limit counts from its own turn. A PDF stopped by
 * a limit, a cancellation or a crash takes its worker down with it, and the
 * next one gets a fresh worker.
 */
export async function readPdfText(
  bytes: Uint8Array,
  fileName: string,
  signal?: AbortSignal,
  limits: PdfReadLimits = PDF_READ_LIMITS,
): Promise<PdfContent> {
  if (signal?.aborted) throw readingCancelled(fileName);
  // A copy of exactly these bytes (a Buffer's slice() would share them), handed over rather than cloned.
  const data = new Uint8Array(bytes);
  const lease = await pdfWorker.acquire(limits.memoryMb, signal);
  if (!lease || signal?.aborted) {
    lease?.release(true);
    throw readingCancelled(fileName);
  }
  return readOn(lease, data, fileName, signal, limits);
}

function readOn(
  lease: WorkerLease,
  data: Uint8Array<ArrayBuffer>,
  fileName: string,
  signal: AbortSignal | undefined,
  limits: PdfReadLimits,
): Promise<PdfContent> {
  const { worker } = lease;
  const job = ++lastJob;

  return new Promise<PdfContent>((resolve, reject) => {
    let info: PdfInfo | undefined;
    const pages: PdfPageText[] = [];
    let items = 0;
    let settled = false;

    /** `reusable`: the worker finished the job itself and is ready for the next. */
    const finish = (reusable: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      lease.release(reusable);
      outcome();
    };
    const fail = (error: unknown) => finish(false, () => reject(error));
    const refuse = (error: unknown) => finish(true, () => reject(error));
    const onAbort = () => fail(readingCancelled(fileName));
    const timer = setTimeout(() => fail(tooSlow(fileName, limits.timeMs)), limits.timeMs);
    signal?.addEventListener('abort', onAbort, { once: true });

    const onMessage = (message: WorkerMessage) => {
      if (message.job !== job) return;
      switch (message.kind) {
        case 'info':
          info = message.info;
          break;
        case 'page':
          pages.push(message.page);
          items += message.page.items.length;
          if (items > limits.textItems) fail(tooMuchText(fileName, limits.textItems));
          break;
        case 'done':
          if (info) finish(true, () => resolve({ info: info!, pages }));
          else fail(new Error('the PDF worker ended without describing the document'));
          break;
        case 'failed':
          if (message.reason === 'memory') fail(tooBig(fileName, limits.memoryMb));
          else if (message.reason === 'password') refuse(passwordProtected(fileName));
          else refuse(damaged(fileName, message.detail));
          break;
      }
    };
    const onError = (error: Error & { code?: string }) =>
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig(fileName, limits.memoryMb) : error);
    const onExit = (code: number) =>
      fail(new Error(`the PDF worker stopped early (exit code ${code})`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);

    try {
      const maxBufferBytes = limits.memoryMb * 1024 * 1024;
      worker.postMessage({ job, bytes: data, maxBufferBytes }, [data.buffer]);
    } catch (error) {
      fail(error);
    }
  });
}

export function readingCancelled(fileName: string): DossierError {
  return new DossierError('cancelled', `Reading ${fileName} was cancelled; nothing was imported.`);
}

function passwordProtected(fileName: string): DossierError {
  return new DossierError(
    'unsupported',
    `${fileName} is password-protected, and Dossier does not open encrypted PDFs. ` +
      'Save a copy without the password (open it in a PDF viewer, then print or export it to a new PDF) and import that.',
  );
}

function damaged(fileName: string, detail: string): DossierError {
  return new DossierError(
    'unsupported',
    `${fileName} could not be read as a PDF (${detail.replace(/\.$/, '')}); it may be damaged or incomplete. ` +
      'Download it again, or open it in a PDF viewer and save a new copy.',
  );
}

function tooSlow(fileName: string, timeMs: number): DossierError {
  return new DossierError(
    'too_large',
    `Reading ${fileName} took longer than ${duration(timeMs)}, so it was stopped; ` +
      'the PDF is too large or too complex to import. Try importing a part of it (a few chapters saved as their own PDF).',
  );
}

function tooBig(fileName: string, memoryMb: number): DossierError {
  return new DossierError(
    'too_large',
    `Reading ${fileName} needed more than ${memoryMb} MB of memory, so it was stopped; ` +
      'the PDF is too large or too complex to import. Try importing a part of it (a few chapters saved as their own PDF).',
  );
}

function tooMuchText(fileName: string, textItems: number): DossierError {
  return new DossierError(
    'too_large',
    `${fileName} holds more text than Dossier imports at once (over ${textItems.toLocaleString('en')} pieces of text). ` +
      'Try importing a part of it (a few chapters saved as their own PDF).',
  );
}

function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`;
}
