/** The start of `text`, at most `max` characters (never half a surrogate pair), with "…" when cut. */
export function shorten(text: string, max = 60): string {
  const characters = Array.from(text.trim());
  if (characters.length <= max) return characters.join('');
  return `${characters.slice(0, max).join('').trimEnd()}…`;
}
