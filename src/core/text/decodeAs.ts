/**
 * What bytes 0x80–0x9F are in windows-1252 (the WHATWG index; the five bytes
 * it leaves undefined stay C1 controls).
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes bytes in an encoding TextDecoder knows, replacing what is invalid
 * in it. Node 20.18.3+ and 22.13+ decode windows-1252 (and so "latin1" and
 * "iso-8859-1") as ISO-8859-1, turning curly quotes and € into C1 controls
 * (nodejs/node#60888); those are mapped back here, which stays right once
 * Node is fixed.
 */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c1) => WINDOWS_1252_HIGH[c1.charCodeAt(0) - 0x80]!);
}
