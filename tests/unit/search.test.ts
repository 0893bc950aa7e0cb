import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from './support/tempFolder';
import type { SearchHit } from '../../src/shared/api';
import { openDatabase, type WritableDB } from '../../src/core/db/openDatabase';
import { searchAll } from '../../src/core/search/search';
import {
  indexNote,
  indexPassage,
  indexSource,
  sourceKeys,
  unindexNote,
  unindexPassage,
} from '../../src/core/search/searchIndex';
import { foldString } from '../../src/core/text/fold';
import { insertVersion } from '../../src/core/versions/storeVersion';
import { readVersion } from '../../src/core/versions/versionQueries';
import { corpusPageText, hasCorpus } from './support/corpusPages';
import { expectDossierError, hasSampleArticle, sampleArticleFile } from './support/tempCore';

let db: WritableDB;
useTempFolder('dossier-search-', (folder) => {
  db = openDatabase(path.join(folder, 'dossier.db'));
  return () => db.close();
});

interface SourceFixture {
  title: string;
  text: string;
  site?: string;
  url?: string;
  lang?: string;
  publishedAt?: string;
  capturedAt?: string;
  tags?: string[];
}

/** Stores a source with one version, as an import does, and indexes it. */
function addSource(source: SourceFixture): number {
  const capturedAt = source.capturedAt ?? '2024-05-01T10:00:00.000Z';
  const sourceId = Number(
    db
      .prepare(
        `INSERT INTO sources (title, site, url, lang, published_at, captured_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        source.title,
        source.site ?? null,
        source.url ?? null,
        source.lang ?? null,
        source.publishedAt ?? null,
        capturedAt,
      ).lastInsertRowid,
  );
  const versionId = insertVersion(
    db,
    sourceId,
    1,
    { text: source.text, blocks: [], extractor: 'test' },
    { origin: 'file', fileName: null },
    capturedAt,
  );
  db.prepare('UPDATE sources SET current_version_id = ? WHERE id = ?').run(versionId, sourceId);
  for (const tag of source.tags ?? []) {
    db.prepare(`INSERT INTO source_tags (source_id, tag_id) VALUES (?, ?)`).run(
      sourceId,
      tagId(tag),
    );
  }
  indexSource(db, sourceId, sourceKeys(source.title, source.text));
  return sourceId;
}

function addPassage(sourceId: number, exact: string, createdAt = '2024-05-02T10:00:00.000Z') {
  const version = readVersion(db, sourceId);
  const start = version.text.indexOf(exact);
  const passageId = Number(
    db
      .prepare(
        `INSERT INTO passages (source_id, version_id, exact, prefix, suffix, start_utf16,
           end_utf16, created_at) VALUES (?, ?, ?, '', '', ?, ?, ?)`,
      )
      .run(sourceId, version.id, exact, start, start + exact.length, createdAt).lastInsertRowid,
  );
  indexPassage(db, passageId, exact, null);
  return passageId;
}

function addNote(
  title: string,
  text: string,
  options: { updatedAt?: string; tags?: string[] } = {},
) {
  const updatedAt = options.updatedAt ?? '2024-05-03T10:00:00.000Z';
  const noteId = Number(
    db
      .prepare(
        `INSERT INTO notes (title, body_json, plain_text, created_at, updated_at)
         VALUES (?, '{}', ?, ?, ?)`,
      )
      .run(title, text, updatedAt, updatedAt).lastInsertRowid,
  );
  for (const tag of options.tags ?? []) {
    db.prepare('INSERT INTO note_tags (note_id, tag_id) VALUES (?, ?)').run(noteId, tagId(tag));
  }
  indexNote(db, noteId, title, text);
  return noteId;
}

function tagId(name: string): number {
  db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)').run(name);
  return db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number;
}

const search = (query: string, limit = 50) => searchAll(db, query, limit);
const ids = (hits: SearchHit[]) => hits.map((hit) => `${hit.kind}:${hit.id}`);
const highlighted = (hit: SearchHit | undefined) =>
  hit?.highlights.map(([start, end]) => hit.snippet!.slice(start, end));

describe('searchAll', () => {
  it('finds sources, passages and notes, with what a result list needs', () => {
    const sourceId = addSource({
      title: 'Harbour report',
      text: 'Intro line.\n\nThe harbour froze overnight, said the port.',
    });
    const passageId = addPassage(sourceId, 'The harbour froze overnight');
    const noteId = addNote('Ice', 'Why the harbour froze');

    const hits = search('HARBOUR');
    expect(ids(hits).sort()).toEqual(
      [`note:${noteId}`, `passage:${passageId}`, `source:${sourceId}`].sort(),
    );
    expect(hits.find((hit) => hit.kind === 'source')).toMatchObject({
      id: String(sourceId),
      title: 'Harbour report',
      snippet: 'The harbour froze overnight, said the port.',
      highlights: [[4, 11]],
    });
    expect(hits.find((hit) => hit.kind === 'passage')).toMatchObject({
      sourceId: String(sourceId),
      title: 'Harbour report',
      snippet: 'The harbour froze overnight',
      noteIds: [],
    });
    const note = hits.find((hit) => hit.kind === 'note');
    expect(note).toMatchObject({ title: 'Ice', snippet: 'Why the harbour froze' });
    expect(note).not.toHaveProperty('sourceId');
    // Each is the best of its kind.
    for (const hit of hits) expect(hit.score).toBe(1);
  });

  it('says which notes quote a passage, newest first, leaving out the trash', () => {
    const sourceId = addSource({ title: 'S', text: 'The harbour froze overnight.' });
    const passageId = addPassage(sourceId, 'The harbour froze');
    const quoting = (updatedAt: string) => {
      const noteId = addNote('Quoting', 'see the passage', { updatedAt });
      db.prepare('INSERT INTO note_links (note_id, passage_id) VALUES (?, ?)').run(
        noteId,
        passageId,
      );
      return noteId;
    };
    const older = quoting('2024-05-01T00:00:00.000Z');
    const newer = quoting('2024-06-01T00:00:00.000Z');
    const trashed = quoting('2024-07-01T00:00:00.000Z');
    db.prepare(`UPDATE notes SET deleted_at = '2024-07-02' WHERE id = ?`).run(trashed);

    const [hit] = search('harbour type:passage');
    expect(hit).toMatchObject({
      kind: 'passage',
      sourceId: String(sourceId),
      noteIds: [String(newer), String(older)],
    });
  });

  it('merges the kinds by rank within each, since bm25 scores of different tables do not compare', () => {
    // Shorter passages rank higher; the dates go the other way.
    const lines = [
      'The harbour froze.',
      'The harbour froze and the ships waited.',
      'The harbour froze and the ships waited a week for the thaw.',
    ];
    const filler = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const source = addSource({
      title: 'Port log',
      text: [filler, ...lines, filler].join('\n\n'),
      capturedAt: '2024-05-01T00:00:00.000Z',
    });
    const [best, second, third] = lines.map((line, i) =>
      addPassage(source, line, `2024-05-0${2 + i}T00:00:00.000Z`),
    );
    const note = addNote('Ice', `${filler} harbour ${filler}`, {
      updatedAt: '2024-05-10T00:00:00.000Z',
    });

    const hits = search('harbour');
    // The best of each kind first (newest first among them), then the second best of each…
    expect(ids(hits)).toEqual([
      `note:${note}`,
      `passage:${best}`,
      `source:${source}`,
      `passage:${second}`,
      `passage:${third}`,
    ]);
    expect(hits.map((hit) => hit.score)).toEqual([1, 1, 1, 1 / 2, 1 / 3]);
    // …so every kind gets its share of a short list.
    expect(ids(search('harbour', 3)).sort()).toEqual(
      [`note:${note}`, `passage:${best}`, `source:${source}`].sort(),
    );
  });

  it('ranks a title match above a body match, best first, and honours the limit', () => {
    // Once each: a title's word counts five times a body's (with the weights
    // turned round, the body's match would rank first).
    const inBody = addSource({ title: 'Weather', text: 'Some talk of tehran today.' });
    const inTitle = addSource({ title: 'Tehran', text: 'Some talk of the capital today.' });
    const hits = search('tehran');
    expect(ids(hits)).toEqual([`source:${inTitle}`, `source:${inBody}`]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(ids(search('tehran', 1))).toEqual([`source:${inTitle}`]);
  });

  it('matches phrases in order, prefixes, exclusions and OR', () => {
    const a = addSource({ title: 'A', text: 'The supreme leader met the minister.' });
    const b = addSource({ title: 'B', text: 'A leader, supreme in his field.' });
    const c = addSource({ title: 'C', text: 'Ministers met in Tehran.' });
    expect(ids(search('"supreme leader"'))).toEqual([`source:${a}`]);
    expect(ids(search('supreme leader')).sort()).toEqual([`source:${a}`, `source:${b}`].sort());
    expect(ids(search('minister*')).sort()).toEqual([`source:${a}`, `source:${c}`].sort());
    expect(ids(search('leader -field'))).toEqual([`source:${a}`]);
    expect(ids(search('field OR tehran')).sort()).toEqual([`source:${b}`, `source:${c}`].sort());
    expect(highlighted(search('minister*').find((hit) => hit.id === String(c)))).toEqual([
      'Ministers',
    ]);
  });

  it('finds Arabic whatever its harakat, alef, yeh and teh marbuta', () => {
    const id = addSource({ title: 'عربي', text: 'كَتَبَ الطالبُ رسالةً إلى المدرسة في القاهرة.' });
    for (const query of ['كتب', 'الى المدرسه', 'رِسالة', 'القاهره']) {
      expect(ids(search(query)), query).toEqual([`source:${id}`]);
    }
    expect(highlighted(search('كتب')[0])).toEqual(['كَتَبَ']);
  });

  it('finds Persian across ZWNJ and Arabic or Persian yeh and kaf', () => {
    const id = addSource({ title: 'فارسی', text: 'این کتاب خوانده می‌شود و ایران زیباست.' });
    for (const query of ['میشود', 'می‌شود', 'كتاب', 'ايران']) {
      expect(ids(search(query)), query).toEqual([`source:${id}`]);
    }
    expect(highlighted(search('میشود')[0])).toEqual(['می‌شود']);
  });

  it('finds Hebrew with or without niqqud', () => {
    const id = addSource({ title: 'עברית', text: 'שָׁלוֹם עֲלֵיכֶם' });
    expect(ids(search('שלום'))).toEqual([`source:${id}`]);
  });

  it('finds words inside Chinese, Japanese and Thai text written without spaces', () => {
    const zh = addSource({ title: 'zh', text: '使用软件包安装程序很简单。' });
    const ja = addSource({ title: 'ja', text: 'このパッケージをインストールしてください。' });
    const th = addSource({ title: 'th', text: 'ฉันกินข้าวแล้ว' });
    expect(ids(search('安装'))).toEqual([`source:${zh}`]);
    expect(ids(search('软件包'))).toEqual([`source:${zh}`]);
    expect(ids(search('装'))).toEqual([`source:${zh}`]);
    expect(ids(search('パッケージ'))).toEqual([`source:${ja}`]);
    expect(ids(search('ข้าว'))).toEqual([`source:${th}`]);
    expect(search('装置')).toEqual([]);
    expect(highlighted(search('软件包')[0])).toEqual(['软件包']);
    expect(highlighted(search('パッケージ')[0])).toEqual(['パッケージ']);
  });

  it('filters by type, tag, site and language', () => {
    const tagged = addSource({
      title: 'Gaza talks',
      text: 'talks resumed',
      site: 'Example News',
      url: 'https://www.example.com/world/1',
      lang: 'en-GB',
      tags: ['Middle East'],
    });
    const other = addSource({ title: 'Other talks', text: 'talks stalled', lang: 'fr' });
    const passage = addPassage(tagged, 'talks resumed');
    const note = addNote('My talks', 'talks notes', { tags: ['middle east'] });

    expect(ids(search('talks type:note'))).toEqual([`note:${note}`]);
    expect(ids(search('talks type:note type:passage')).sort()).toEqual(
      [`note:${note}`, `passage:${passage}`].sort(),
    );
    expect(ids(search('talks -type:source -type:note'))).toEqual([`passage:${passage}`]);
    expect(ids(search('talks tag:"MIDDLE EAST"')).sort()).toEqual(
      [`note:${note}`, `passage:${passage}`, `source:${tagged}`].sort(),
    );
    expect(ids(search('talks -tag:"middle east"'))).toEqual([`source:${other}`]);
    expect(ids(search('talks site:example.com type:source'))).toEqual([`source:${tagged}`]);
    expect(ids(search('talks site:"example news" type:source'))).toEqual([`source:${tagged}`]);
    expect(ids(search('talks site:ample.com'))).toEqual([]);
    expect(ids(search('talks lang:en')).sort()).toEqual(
      [`passage:${passage}`, `source:${tagged}`].sort(),
    );
    // A source without a language is not in lang:fr, so it is in -lang:fr; notes too.
    expect(ids(search('talks -lang:fr type:source'))).toEqual([`source:${tagged}`]);
    expect(ids(search('talks -lang:fr type:note'))).toEqual([`note:${note}`]);
  });

  it('filters by date at the precision written', () => {
    const old = addSource({ title: 'old', text: 'budget', publishedAt: '2023-12-31' });
    const march = addSource({
      title: 'march',
      text: 'budget',
      capturedAt: '2024-03-15T09:00:00.000Z',
    });
    const april = addSource({ title: 'april', text: 'budget', publishedAt: '2024-04-01' });
    const dated = (query: string) => ids(search(`budget ${query}`)).sort();
    expect(dated('before:2024')).toEqual([`source:${old}`]);
    expect(dated('after:2023')).toEqual([`source:${april}`, `source:${march}`].sort());
    expect(dated('before:2024-03')).toEqual([`source:${old}`]);
    expect(dated('after:2024-03')).toEqual([`source:${april}`]);
    expect(dated('after:2024-03-14 before:2024-03-16')).toEqual([`source:${march}`]);
    expect(dated('-before:2024-04')).toEqual([`source:${april}`]);
  });

  it('lists what filters alone select, newest first', () => {
    const first = addNote('First', 'alpha', { updatedAt: '2024-01-01T00:00:00.000Z' });
    const second = addNote('Second', 'beta', { updatedAt: '2024-02-01T00:00:00.000Z' });
    addSource({ title: 'A source', text: 'gamma' });
    const hits = search('type:note');
    expect(ids(hits)).toEqual([`note:${second}`, `note:${first}`]);
    expect(hits.map((hit) => hit.score)).toEqual([0, 0]);
    expect(hits[0]).toMatchObject({ snippet: 'beta', highlights: [] });
  });

  it('lists what a query of exclusions alone leaves', () => {
    const kept = addNote('Kept', 'alpha');
    addNote('Dropped', 'beta');
    expect(ids(search('-beta type:note'))).toEqual([`note:${kept}`]);
  });

  it('returns nothing for a query with nothing to look for', () => {
    addNote('Any', 'text');
    expect(search('')).toEqual([]);
    expect(search('   ')).toEqual([]);
    expect(search('!!! …')).toEqual([]);
  });

  it('never lets the query reach FTS5 as syntax', () => {
    addNote('Syntax', 'near and or not');
    for (const query of [
      '"',
      'NEAR(a b)',
      'a AND',
      '(',
      '*',
      '^x',
      'col:x',
      '-',
      'a + b',
      "o'neil",
    ]) {
      expect(() => search(query), query).not.toThrow();
    }
    expect(ids(search('NOT AND'))).toHaveLength(1);
  });

  it('refuses a filter it cannot apply', () => {
    expectDossierError(() => search('talks type:article'), 'invalid_argument');
  });

  it('leaves out notes in the trash and passages taken out of the index', () => {
    const source = addSource({ title: 'S', text: 'snow fell' });
    const passage = addPassage(source, 'snow fell');
    const trashed = addNote('Trashed', 'snow');
    db.prepare(`UPDATE notes SET deleted_at = '2024-06-01' WHERE id = ?`).run(trashed);
    // Even while still indexed, a note in the trash is not shown.
    expect(ids(search('snow type:note'))).toEqual([]);
    unindexNote(db, trashed);
    unindexPassage(db, passage);
    expect(ids(search('snow'))).toEqual([`source:${source}`]);
  });

  it('re-indexes a row in place', () => {
    const note = addNote('Draft', 'first words');
    indexNote(db, note, 'Draft', 'second words');
    expect(ids(search('first'))).toEqual([]);
    expect(ids(search('second'))).toEqual([`note:${note}`]);
  });

  it.skipIf(!hasSampleArticle)('searches the sample article (skipped: ../shared absent)', () => {
    const text = fs.readFileSync(sampleArticleFile, 'utf8');
    const id = addSource({ title: text.split('\n')[0]!, text });
    const [hit] = search('haniyeh "biggest donor"');
    expect(hit).toMatchObject({ kind: 'source', id: String(id) });
    expect(highlighted(hit)).toEqual(expect.arrayContaining(['Haniyeh', 'biggest donor']));
    expect(hit!.snippet!.length).toBeLessThanOrEqual(220);
  });

  it.skipIf(!hasCorpus)(
    'finds every Chinese compound of the qq page, highlighted where it is (skipped: ../shared absent)',
    () => {
      const text = corpusPageText('qq');
      const id = addSource({ title: 'qq', text });
      // Compounds of two neighbouring words as a dictionary segmenter cuts them.
      const words = new Intl.Segmenter('zh', { granularity: 'word' });
      const compounds = new Set<string>();
      for (const line of text.split('\n')) {
        const cut = [...words.segment(line)].filter((part) => part.isWordLike);
        cut.slice(1).forEach((part, i) => {
          const compound = cut[i]!.segment + part.segment;
          if (/^\p{scx=Han}+$/u.test(compound) && line.includes(compound)) compounds.add(compound);
        });
      }
      expect(compounds.size).toBeGreaterThan(100);
      const missed = [...compounds].filter((compound) => {
        const [hit] = search(compound);
        const marked = hit?.highlights.map(([s, e]) =>
          foldString(hit.snippet!.slice(s, e), { collapseWhitespace: true }),
        );
        return hit?.id !== String(id) || !marked?.every((part) => part.includes(compound));
      });
      expect(missed).toEqual([]);
    },
  );
});
