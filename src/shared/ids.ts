/**
 * Sources, passages and notes are SQLite rowids, and they cross every boundary
 * (the contract, note bodies, the DOM) as decimal strings: a positive integer
 * without leading zeros, short enough to come back from a JavaScript number.
 */
export const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
