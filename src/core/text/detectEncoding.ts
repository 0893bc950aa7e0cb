import chardet from 'chardet';

/** How much the detector reads: plenty for its statistics, and quick on a 20 MiB file. */
const DETECTION_SAMPLE_BYTES = 64 * 1024;
/** How much of a page is searched for that much text outside its markup (scripts can be long). */
const MARKUP_SCAN_BYTES = 1024 * 1024;
/** Scripts, styles, comments and tags: ASCII that would outweigh a page's words for the detector. */
const MARKUP =
  /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<[^>]*>/gi;

/**
 * chardet's confidence (0–100) below which its guess is not used. Measured on
 * the fixtures: one sentence of prose in a legacy encoding scores 40 or more
 * (Russian ~45, CJK 100), while random bytes and programs score under 10 and
 * a few words often score 20-odd for the wrong encoding.
 */
const MIN_DETECTION_CONFIDENCE = 30;

/**
 * Which encoding bytes of text are in, as a name TextDecoder knows: a byte
 * order mark wins; then the first declaration (an HTTP header, a page's
 * `<meta charset>`) the bytes are valid in, since servers often declare
 * UTF-8 for whatever they serve; then UTF-8 when the bytes are valid UTF-8;
 * then the detector's guess when it is confident and the bytes are valid in
 * it (for a page, `markup`, the detector reads its text without the tags).
 * Null when nothing fits: the caller refuses or falls back.
 */
export function chooseEncoding(
  bytes: Uint8Array,
  declarations: ReadonlyArray<string | null | undefined> = [],
  { markup = false }: { markup?: boolean } = {},
): string | null {
  const bom = encodingOfBom(bytes);
  if (bom) return bom;
  for (const label of declarations) {
    const declared = usableEncoding(label);
    if (declared && decodesCleanly(bytes, declared)) return declared;
  }
  if (decodesCleanly(bytes, 'utf-8')) return 'utf-8';
  return detectLegacyEncoding(bytes, markup ? withoutMarkup(bytes) : bytes);
}

export function encodingOfBom(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** An encoding label as TextDecoder's canonical name, or null when it knows no such encoding. */
export function usableEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The detector's most confident guess, from `text`, among the encodings TextDecoder has and the bytes are valid in. */
function detectLegacyEncoding(bytes: Uint8Array, text: Uint8Array): string | null {
  for (const { name, confidence } of chardet.analyse(text.subarray(0, DETECTION_SAMPLE_BYTES))) {
    if (confidence < MIN_DETECTION_CONFIDENCE) break; // guesses come most confident first
    const encoding = usableEncoding(name);
    if (encoding && decodesCleanly(bytes, encoding)) return encoding;
  }
  return null;
}

/**
 * A page's bytes without its markup. Tags are found in the bytes read as
 * Latin-1, which is safe for the encodings pages use: none has `<` or `>` as
 * the second byte of a character.
 */
function withoutMarkup(bytes: Uint8Array): Uint8Array {
  const page = Buffer.from(bytes.subarray(0, MARKUP_SCAN_BYTES)).toString('latin1');
  return Buffer.from(page.replace(MARKUP, ' '), 'latin1');
}

function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
