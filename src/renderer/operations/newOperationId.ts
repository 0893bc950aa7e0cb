/** A fresh name for a long operation this window starts, to follow and cancel it. */
export function newOperationId(): string {
  return `op-${crypto.randomUUID()}`;
}
