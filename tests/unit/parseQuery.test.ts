import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/core/search/parseQuery';
import { toTextQuery } from '../../src/core/search/textQuery';
import { expectDossierError } from './support/tempCore';

const word = (text: string, prefix = false) => ({ text, prefix });

describe('parseQuery', () => {
  it('reads words, phrases and prefixes', () => {
    expect(parseQuery('  iran  "supreme leader" hani* "ali kh"* ')).toEqual({
      required: [
        [word('iran')],
        [word('supreme leader')],
        [word('hani', true)],
        [word('ali kh', true)],
      ],
      excluded: [],
      filters: [],
    });
  });

  it('reads exclusions, of words and phrases', () => {
    expect(parseQuery('hamas -visit -"foreign minister" a-b')).toMatchObject({
      required: [[word('hamas')], [word('a-b')]],
      excluded: [word('visit'), word('foreign minister')],
    });
  });

  it('joins the terms on both sides of OR into one group', () => {
    expect(parseQuery('iran OR tehran OR "islamic republic" hamas').required).toEqual([
      [word('iran'), word('tehran'), word('islamic republic')],
      [word('hamas')],
    ]);
  });

  it('ignores an OR with nothing to join, and reads lower-case or as a word', () => {
    expect(parseQuery('OR iran OR').required).toEqual([[word('iran')]]);
    expect(parseQuery('iran OR -tehran hamas').required).toEqual([[word('iran')], [word('hamas')]]);
    expect(parseQuery('black or white').required).toEqual([
      [word('black')],
      [word('or')],
      [word('white')],
    ]);
  });

  it('runs an unclosed quote to the end', () => {
    expect(parseQuery('"supreme lead').required).toEqual([[word('supreme lead')]]);
  });

  it('reads filters, quoted values and negated filters', () => {
    expect(
      parseQuery(
        'Tag:"middle east" type:notes site:example.com lang:en before:2024-03 after:2023 -tag:draft',
      ).filters,
    ).toEqual([
      { key: 'tag', value: 'middle east', negated: false },
      { key: 'type', kind: 'note', negated: false },
      { key: 'site', value: 'example.com', negated: false },
      { key: 'lang', value: 'en', negated: false },
      { key: 'before', date: '2024-03', negated: false },
      { key: 'after', date: '2023', negated: false },
      { key: 'tag', value: 'draft', negated: true },
    ]);
  });

  it('reads an unknown key:value as text', () => {
    expect(parseQuery('https://example.com note:x')).toMatchObject({
      required: [[word('https://example.com')], [word('note:x')]],
      filters: [],
    });
  });

  it('refuses a filter it cannot apply', () => {
    expectDossierError(() => parseQuery('type:article'), 'invalid_argument');
    expectDossierError(() => parseQuery('before:yesterday'), 'invalid_argument');
    expectDossierError(() => parseQuery('after:2024-3-1'), 'invalid_argument');
  });
});

describe('toTextQuery', () => {
  it('quotes every token, so no input is read as FTS5 syntax', () => {
    expect(toTextQuery(parseQuery('NEAR(a b) col:x ^start "a" AND b*')).match).toBe(
      '"near" + "a" AND "b" AND "col" + "x" AND "start" AND "a" AND "and" AND "b"*',
    );
  });

  it('writes groups as OR, phrases with +, and exclusions apart', () => {
    expect(toTextQuery(parseQuery('iran OR "islamic rep"* -visit -"tehran trip"'))).toEqual({
      match: '("iran" OR "islamic" + "rep"*)',
      exclude: '("visit" OR "tehran" + "trip")',
      phrases: [
        [{ term: 'iran', prefix: false }],
        [
          { term: 'islamic', prefix: false },
          { term: 'rep', prefix: true },
        ],
      ],
    });
  });

  it('drops terms that fold to nothing', () => {
    expect(toTextQuery(parseQuery('!!! -… "" *'))).toEqual({
      match: null,
      exclude: null,
      phrases: [],
    });
  });

  it('matches Chinese as phrases of pairs', () => {
    expect(toTextQuery(parseQuery('软件包 书')).match).toBe('"软件" + "件包" AND "书"*');
  });
});
