/**
 * What a tag is, shared by the contract (which normalises what callers send)
 * and the UI (which shows the same list before the core answers).
 */

export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS_PER_ITEM = 50;

/** Commas separate tags in the editor and line breaks end them, so neither can be inside one. */
export const TAG_SEPARATORS = /[,\r\n\u2028\u2029]/;

/** Trimmed and in NFC, so the same word typed on two keyboards is one tag. */
export function normalizeTag(raw: string): string {
  return raw.trim().normalize('NFC');
}

/** Length in characters (code points), so a tag in any script gets the same room. */
export function tagLength(tag: string): number {
  return [...tag].length;
}

/** Two spellings of one tag compare equal: the list keeps the first, as typed. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The order the core lists tags in: SQLite's NOCASE (ASCII letters ignore case), then spelling. */
export function sortTags(tags: readonly string[]): string[] {
  const asciiLower = (tag: string) => tag.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...tags].sort((a, b) => compare(asciiLower(a), asciiLower(b)) || compare(a, b));
}
