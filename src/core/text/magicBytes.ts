/**
 * Telling files by their first bytes (a PDF, a zip, a PNG…), whatever their
 * name says: a pattern is a list of byte values, `null` matching any byte.
 */
export type BytePattern = ReadonlyArray<number | null>;

export function startsWithBytes(bytes: Uint8Array, pattern: BytePattern): boolean {
  return (
    bytes.length >= pattern.length &&
    pattern.every((byte, index) => byte === null || bytes[index] === byte)
  );
}

/** The bytes of an ASCII string, to write patterns as text. */
export function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}
