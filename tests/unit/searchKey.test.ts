import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from './support/tempFolder';
import { openDatabase, type WritableDB } from '../../src/core/db/openDatabase';
import { indexSource, sourceKeys } from '../../src/core/search/searchIndex';
import { keyTokens, queryTokens, searchKey } from '../../src/core/search/searchKey';
import { corpusPageNames, corpusPageText, hasCorpus } from './support/corpusPages';

/** Each key token as the stretch of original text it came from. */
function originals(text: string): string[] {
  return keyTokens(text).map((token) => text.slice(token.start, token.end));
}

describe('searchKey', () => {
  it('writes folded words one space apart, punctuation dropped', () => {
    expect(searchKey("  Iran's e-mail: CAFÉ, naïve…  ")).toBe('iran s e mail cafe naive');
    expect(searchKey('كَتَبَ می‌شود')).toBe('كتب ميشود');
  });

  it('keys lines that fold to their lower case exactly as folding them would', () => {
    const mixed = [
      'Plain English line, with “quotes” – and 3.14 numbers.\nLe système est installé.',
      'apt-get install\u00a0squid • done…\n\n人工智能 and ASCII\r\nتثبيت الخدمات',
      "Don't_split? e-mail; x86_64 / 2024-05-01 ‹a› «b»\n\tİstanbul ǅ ß ﬁ",
    ];
    for (const text of mixed) {
      expect(searchKey(text)).toBe(
        keyTokens(text)
          .map((token) => token.term)
          .join(' '),
      );
    }
  });

  it('indexes unspaced scripts as pairs plus the last character of each run', () => {
    expect(searchKey('人工智能')).toBe('人工 工智 智能 能');
    expect(searchKey('DeepMind新电脑')).toBe('deepmind 新电 电脑 脑');
    expect(searchKey('パッケージ。安装')).toBe('パッ ッケ ケー ージ ジ 安装 装');
    expect(searchKey('한국어를')).toBe('한국 국어 어를 를');
  });

  it('leaves Thai marks out of the pairs but inside their ranges', () => {
    expect(searchKey('กินข้าว')).toBe('กน นข ขา าว ว');
    expect(originals('กินข้าว')).toEqual(['กิน', 'นข้', 'ข้า', 'าว', 'ว']);
  });

  it('splits words at marks elsewhere, as unicode61 does', () => {
    expect(searchKey('हिंदी')).toBe('ह द');
  });

  it('maps every token back to the original text', () => {
    expect(originals('The CAFÉ’s “crème brûlée”')).toEqual(['The', 'CAFÉ', 's', 'crème', 'brûlée']);
    expect(originals('Straße 软件包')).toEqual(['Straße', '软件', '件包', '包']);
  });
});

describe('queryTokens', () => {
  const terms = (text: string, prefix = false) =>
    queryTokens(text, prefix).map((token) => token.term + (token.prefix ? '*' : ''));

  it('folds words like the text they are matched against', () => {
    expect(terms('CAFÉ-Crème')).toEqual(['cafe', 'creme']);
    expect(terms('Hamas lead', true)).toEqual(['hamas', 'lead*']);
  });

  it('asks for the pairs of a final run, so the text may go on after it', () => {
    expect(terms('智能')).toEqual(['智能']);
    expect(terms('人工智能')).toEqual(['人工', '工智', '智能']);
    expect(terms('人工智', true)).toEqual(['人工', '工智*']);
  });

  it('asks for a lone character as the start of a pair', () => {
    expect(terms('书')).toEqual(['书*']);
    expect(terms('กิ')).toEqual(['ก*']);
  });

  it('keeps the last character of a run that ends inside the phrase', () => {
    expect(terms('智能deepmind')).toEqual(['智能', '能', 'deepmind']);
    expect(terms('2014年收购')).toEqual(['2014', '年收', '收购']);
  });
});

describe('search keys in FTS5', () => {
  let db: WritableDB;
  useTempFolder('dossier-searchkey-', (folder) => {
    db = openDatabase(path.join(folder, 'dossier.db'));
    db.exec(`CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, sources_fts, 'instance')`);
    return () => db.close();
  });

  /** The tokens FTS5 stored for a text indexed as a source's body. */
  function fts5Tokens(id: number, text: string): string[] {
    indexSource(db, id, sourceKeys('title', text));
    return db
      .prepare(`SELECT term FROM temp.terms WHERE doc = ? AND col = 'body' ORDER BY offset`)
      .pluck()
      .all(id) as string[];
  }

  it('are cut by unicode61 into exactly the key tokens', () => {
    const texts = [
      'ł ø đ æ ı ħ þ ð œ ŀ ŧ ƀ ɨ ß ĳ ǆ ŉ ſ ﬁ ｆｕｌｌ ① ² ₂ ǿ ḃ 𝔘𝔫𝔦 𝟘',
      'שָׁלוֹם כְּתָב ספר־תורה',
      'كَتَبَ الطالبُ ﷺ ـــ می‌شود ۱۲۳',
      'हिंदी भाषा தமிழ் ไทย กินข้าว ລາວ ខ្មែរ မြန်မာ',
      'ｶﾞｷﾞ が か\u3099 한국어 ᄀ가 人工智能 𠀀𠀁',
      'emoji 😀👍🏽 and\u200dzwj a\ue000b',
    ];
    texts.forEach((text, i) => {
      expect(fts5Tokens(i + 1, text)).toEqual(searchKey(text).split(' '));
    });
  });

  it.skipIf(!hasCorpus)(
    'are cut into the key tokens on every corpus page (skipped: ../shared absent)',
    () => {
      const disagreeing = corpusPageNames().filter((name, i) => {
        const text = corpusPageText(name);
        const key = searchKey(text);
        return fts5Tokens(i + 1, text).join(' ') !== key;
      });
      expect(disagreeing).toEqual([]);
    },
  );
});
