import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DossierError } from '../../../shared/errors';
import type { PdfContent, PdfInfo, PdfPageText } from './pdfContent';

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

type WorkerMessage =
  | { kind: 'info'; info: PdfInfo }
  | { kind: 'page'; page: PdfPageText }
  | { kind: 'done' }
  | { kind: 'failed'; reason: 'password' | 'damaged' | 'memory'; detail: string };

/**
 * Reads a PDF's text items in a worker thread with its own heap limit and a
 * time limit; stopping it (limit reached, `signal` aborted) ends the thread at
 * once, wherever pdf.js was. Refuses with a message naming `fileName` what it
 * cannot read: a password, a damaged file, a file over the limits.
 */
export function readPdfText(
  bytes: Uint8Array,
  fileName: string,
  signal?: AbortSignal,
  limits: PdfReadLimits = PDF_READ_LIMITS,
): Promise<PdfContent> {
  if (signal?.aborted) return Promise.reject(readingCancelled(fileName));
  // A copy of exactly these bytes (a Buffer's slice() would share them), handed over rather than cloned.
  const data = new Uint8Array(bytes);
  const worker = new Worker(WORKER_FILE, {
    workerData: { bytes: data, maxBufferBytes: limits.memoryMb * 1024 * 1024 },
    transferList: [data.buffer],
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
  });

  return new Promise<PdfContent>((resolve, reject) => {
    let info: PdfInfo | undefined;
    const pages: PdfPageText[] = [];
    let items = 0;
    let settled = false;

    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const fail = (error: unknown) => finish(() => reject(error));
    const onAbort = () => fail(readingCancelled(fileName));
    const timer = setTimeout(() => fail(tooSlow(fileName, limits.timeMs)), limits.timeMs);
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: WorkerMessage) => {
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
          if (info) finish(() => resolve({ info: info!, pages }));
          else fail(new Error('the PDF worker ended without describing the document'));
          break;
        case 'failed':
          fail(
            message.reason === 'password'
              ? passwordProtected(fileName)
              : message.reason === 'memory'
                ? tooBig(fileName, limits.memoryMb)
                : damaged(fileName, message.detail),
          );
          break;
      }
    });
    worker.on('error', (error: Error & { code?: string }) =>
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig(fileName, limits.memoryMb) : error),
    );
    worker.on('exit', (code) =>
      fail(new Error(`the PDF worker stopped early (exit code ${code})`)),
    );
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
