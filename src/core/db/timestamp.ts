let last = 0;

/**
 * The time to store on a row, as an ISO 8601 string in UTC. Strictly increasing
 * within the process, so rows written in the same millisecond still sort in
 * the order they were written ("newest first" lists, revisions).
 */
export function timestamp(): string {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
}
