/** An imported file's content arrives as base64: anything else is refused, wrapped lines are not. */
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/core/sources/importSource';
import { expectDossierError } from './support/tempCore';

const bytes = Buffer.from('Harbour log\n\nThe ferry left at dawn. ☕ ✓', 'utf8');
const encoded = bytes.toString('base64');

describe('decodeBase64', () => {
  it('decodes base64 as written, wrapped in lines, or without its padding', () => {
    expect(decodeBase64(encoded, 'a.txt')).toEqual(bytes);
    const wrapped = encoded.replace(/(.{16})/g, '$1\r\n');
    expect(decodeBase64(wrapped, 'a.txt')).toEqual(bytes);
    const unpadded = Buffer.from('ab').toString('base64').replace(/=+$/, '');
    expect(decodeBase64(unpadded, 'a.txt')).toEqual(Buffer.from('ab'));
    expect(decodeBase64('', 'empty.txt')).toEqual(Buffer.alloc(0));
  });

  it('refuses what is not base64, naming the file', () => {
    for (const text of [
      'not base64!',
      `${encoded.slice(0, 8)}*${encoded.slice(8)}`,
      'ab-_',
      'YQ===',
    ]) {
      const refused = expectDossierError(() => decodeBase64(text, 'x.txt'), 'invalid_argument');
      expect(refused.message, text).toContain('x.txt is not valid base64');
    }
  });
});
