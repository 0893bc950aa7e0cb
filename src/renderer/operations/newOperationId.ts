/** Operations this window shows its own progress for (a folder import's count), kept out of the bar. */
const withOwnProgress = new Set<string>();

/**
 * A fresh name for a long operation this window starts, to follow and cancel
 * it. `ownProgress`: the caller draws its progress, so the operations bar
 * leaves it out rather than show it twice.
 */
export function newOperationId({ ownProgress = false } = {}): string {
  const operationId = `op-${crypto.randomUUID()}`;
  if (ownProgress) withOwnProgress.add(operationId);
  return operationId;
}

export function hasOwnProgress(operationId: string): boolean {
  return withOwnProgress.has(operationId);
}
