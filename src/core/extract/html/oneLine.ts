/** Longest byline, site name, title or image description kept: a page may hold anything in its tags. */
const MAX_FIELD = 500;
/** An excerpt is a paragraph or two. */
export const MAX_EXCERPT = 2000;

/** Text of an attribute or a meta tag as one clean line: NFC, controls and runs of whitespace as one space, trimmed. */
export function oneLine(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}

/** `oneLine`, at most `max` characters (cut with an ellipsis); null when empty. */
export function cleanField(value: string | null | undefined, max = MAX_FIELD): string | null {
  const cleaned = oneLine(value);
  if (cleaned === '') return null;
  return cleaned.length > max ? `${cleaned.slice(0, max - 1).trimEnd()}…` : cleaned;
}
