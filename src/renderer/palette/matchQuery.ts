/** Lower case without accents or diacritics, so "cafe" finds "Café" and Persian text matches with or without its short vowels. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether every word of `query` appears in `text`, in any order. */
export function matchesQuery(text: string, query: string): boolean {
  const folded = fold(text);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => folded.includes(word));
}
