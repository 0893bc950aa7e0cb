/**
 * File names made from titles the analyst typed (or a web page gave): a name
 * every common file system takes, that names one file inside the chosen
 * folder and nothing else.
 */

/** Room for " (99).html" after the stem within the 255 bytes most file systems allow. */
export const MAX_STEM_BYTES = 120;

const FALLBACK_STEM = 'Untitled';

/**
 * Path separators, characters Windows refuses in names (`<>:"|?*`), C0 and C1
 * controls, and the bidi embeddings, overrides and isolates that can make a
 * name read as another one ("exe.txt" shown for "txt.exe"). Joiners (ZWNJ in
 * Persian) are kept: they are part of how words are spelled.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const UNSAFE_CHARACTERS = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Names Windows gives to devices, with or without an extension ("CON", "com1.md"). */
const RESERVED_STEM = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\s*(?:\..*)?)$/iu;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/**
 * A stem (a name without its extension) made from `title`: runs of white
 * space become one space, unsafe characters "_"; leading dots (hidden files, "..")
 * and trailing dots and spaces (which Windows drops) are removed; a device name
 * gets a "_"; at most MAX_STEM_BYTES bytes of UTF-8, cut between graphemes.
 */
export function safeFileStem(title: string): string {
  let stem = title.normalize('NFC').replace(/\s+/gu, ' ').replace(UNSAFE_CHARACTERS, '_');
  stem = trimEnds(cutToBytes(trimEnds(stem), MAX_STEM_BYTES));
  if (stem === '' || /^_+$/u.test(stem)) return FALLBACK_STEM;
  // "CON_", "con_.txt": Windows reads the part before the first dot.
  return stem.replace(RESERVED_STEM, '$1_$2');
}

/** The name of the `n`th file wanting `stem`: "Title.md", then "Title (2).md", "Title (3).md"… */
export function numberedFileName(stem: string, extension: string, n: number): string {
  return n === 1 ? `${stem}${extension}` : `${stem} (${n})${extension}`;
}

function trimEnds(stem: string): string {
  return stem.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

/** The longest run of whole graphemes from the start of `text` that fits in `maxBytes` of UTF-8. */
function cutToBytes(text: string, maxBytes: number): string {
  if (utf8.encode(text).length <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    bytes += utf8.encode(segment).length;
    if (bytes > maxBytes) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
