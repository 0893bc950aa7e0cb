/** Small helpers over the many items and lines of a long document (no spreading into arguments). */

export function groupBy<T, K>(values: Iterable<T>, keyOf: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

export function lowest(values: Iterable<number>): number {
  let result = Infinity;
  for (const value of values) if (value < result) result = value;
  return result;
}

export function highest(values: Iterable<number>): number {
  let result = -Infinity;
  for (const value of values) if (value > result) result = value;
  return result;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
