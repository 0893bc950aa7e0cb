import { Worker } from 'node:worker_threads';

/**
 * What a worker is sent when it must end: its file ends itself on receiving
 * it (`process.exit`), between two of its tasks.
 */
export const STOP_MESSAGE = { stop: true } as const;

/** Past this, a worker asked to stop is terminated: it is held in code that never yields. */
const STOP_GRACE_MS = 1_000;

/** The worker lent to one job until the job hands it back. */
export interface WorkerLease {
  readonly worker: Worker;
  /**
   * Ends the job. A `reusable` worker serves the next job; any other (a limit
   * reached, a crash, anything that may have left it in a bad state) is
   * terminated, and the next job gets a fresh one.
   */
  release(reusable: boolean): void;
}

/**
 * One worker thread that serves job after job, one at a time in the order
 * they ask, so starting it (and whatever it loads) is paid once rather than
 * per job. Its heap limit is fixed when it starts: a job asking for another
 * limit gets a fresh worker. Between jobs it does not keep the process alive,
 * and after `idleMs` without a job it ends.
 */
export class ReusableWorker {
  private current: { worker: Worker; heapMb: number } | undefined;
  private busy = false;
  /** Jobs waiting for their turn, first come first served. */
  private readonly waiting: (() => void)[] = [];
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly idleMs: number,
  ) {}

  /** Waits for the worker to be free and lends it; null when `signal` aborts first. */
  async acquire(heapMb: number, signal?: AbortSignal): Promise<WorkerLease | null> {
    if (!(await this.turn(signal))) return null;
    let worker: Worker;
    try {
      worker = this.workerWith(heapMb);
    } catch (error) {
      // The jobs behind this one still get their turn.
      this.passTurn();
      throw error;
    }
    worker.ref();
    let released = false;
    return {
      worker,
      release: (reusable) => {
        if (released) return;
        released = true;
        if (!reusable) this.end(worker);
        this.passTurn();
      },
    };
  }

  private turn(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const start = () => {
        signal?.removeEventListener('abort', giveUp);
        resolve(true);
      };
      const giveUp = () => {
        this.waiting.splice(this.waiting.indexOf(start), 1);
        resolve(false);
      };
      this.waiting.push(start);
      signal?.addEventListener('abort', giveUp, { once: true });
    });
  }

  private passTurn(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
    } else {
      this.busy = false;
      this.idle();
    }
  }

  private workerWith(heapMb: number): Worker {
    clearTimeout(this.idleTimer);
    if (this.current && this.current.heapMb !== heapMb) this.end(this.current.worker);
    if (!this.current) {
      const worker = new Worker(this.file, {
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
      });
      // A running job hears of errors through its own listener; between jobs
      // there is no one to tell, and the exit that follows forgets the worker.
      worker.on('error', () => {});
      worker.on('exit', () => {
        if (this.current?.worker === worker) this.current = undefined;
      });
      this.current = { worker, heapMb };
    }
    return this.current.worker;
  }

  private idle(): void {
    if (!this.current) return;
    const { worker } = this.current;
    worker.unref();
    this.idleTimer = setTimeout(() => this.end(worker), this.idleMs).unref();
  }

  /**
   * Asks the worker to end itself, and terminates it only when it has not
   * after STOP_GRACE_MS. Node 20 aborts the whole process when a thread is
   * terminated while it sets up a zlib stream, which pdf.js does for the
   * compressed streams of a PDF (a hostile file may hold thousands of them);
   * a worker ending itself does so between tasks, never inside one.
   */
  private end(worker: Worker): void {
    if (this.current?.worker === worker) this.current = undefined;
    // An exited worker's threadId is -1 (a crash, or its own exit over the memory limit).
    if (worker.threadId === -1) return;
    const timer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS).unref();
    worker.once('exit', () => clearTimeout(timer));
    worker.postMessage(STOP_MESSAGE);
  }
}
