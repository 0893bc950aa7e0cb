import fs from 'node:fs';
import path from 'node:path';

import { corpusDir } from '../../support/sharedData';

export { corpusDir, hasCorpus } from '../../support/sharedData';

export function corpusPageNames(): string[] {
  return fs
    .readdirSync(corpusDir)
    .filter((name) => fs.existsSync(path.join(corpusDir, name, 'expected.html')))
    .sort();
}

/** A page's article (Readability's expected output) as rough plain text, one line per element. */
export function corpusPageText(name: string): string {
  return htmlToRoughText(fs.readFileSync(path.join(corpusDir, name, 'expected.html'), 'utf8'));
}

/** Tags become line breaks, entities are decoded; good enough for test and bench material. */
export function htmlToRoughText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, entity: string) => {
      const named: Record<string, string> = {
        amp: '&',
        lt: '<',
        gt: '>',
        quot: '"',
        apos: "'",
        nbsp: '\u00a0',
      };
      if (!entity.startsWith('#')) return named[entity.toLowerCase()] ?? '';
      const hex = entity[1] === 'x' || entity[1] === 'X';
      return String.fromCodePoint(parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10));
    })
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
}
