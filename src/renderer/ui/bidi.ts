/**
 * Quotes a user's text (a title, a query) inside a message and isolates its
 * direction (FSI … PDI), so a Persian title in an English sentence, or the
 * reverse, neither reorders the sentence nor swaps the quotation marks.
 */
export function isolate(text: string): string {
  return `“\u2068${text}\u2069”`;
}
