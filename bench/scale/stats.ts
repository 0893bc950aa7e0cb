/** Timing and summary figures for the scale bench. */

export function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

export async function timeAsync<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await action();
  return { ms: elapsedMs(start), value };
}

export function time<T>(action: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = action();
  return { ms: elapsedMs(start), value };
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

export const MB = 1e6;
