/**
 * Revision cases generated from any page of text: pick sentences, quote them as an
 * analyst would (describeQuote), revise the text with one kind of edit, and know the
 * truth — where each quoted passage is in the new version, or that it is gone.
 * The same generator drives the unit tests and `npm run bench -- anchoring`.
 *
 * Nothing here knows how the re-anchoring engine works: edits are the ones news
 * articles go through (paragraphs added or moved, words changed, sentences cut,
 * typography redone), plus the traps (a lookalike sentence, a phrase said twice).
 */
import type { AnchoredPassage } from '../../../src/core/anchoring/reanchor';
import { describeQuote } from '../../../src/core/passages/describeQuote';
import { seededRandom, type Random } from '../support/seededRandom';

export const EDIT_KINDS = [
  'insert-before',
  'insert-after',
  'edit-inside',
  'edit-inside-twice',
  'edit-around',
  'typography',
  'reorder',
  'reorder-block',
  'move-and-edit',
  'delete-sentence',
  'delete-paragraph',
  'replace-sentence',
  'lookalike-deleted',
  'lookalike-kept',
  'same-phrase-kept',
  'same-phrase-deleted',
  'span-paragraphs',
  'edits-elsewhere',
  'heavy-revision',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** Where a passage is in the new text (`changed`: its text was edited), or null: gone. */
export type Truth = { start: number; end: number; changed: boolean } | null;

export interface RevisionCase {
  id: string;
  kind: EditKind;
  oldText: string;
  newText: string;
  /** The first passage is the one the edit aims at; the others are controls elsewhere. */
  passages: AnchoredPassage[];
  truths: Truth[];
}

export interface GeneratorOptions {
  /** Different seeds pick different sentences and edits. */
  seed?: number;
  /** Paragraphs from other texts, inserted as new material. */
  fillers?: readonly string[];
  /** Control passages per case, besides the target. */
  controls?: number;
}

/** One case per edit kind that the page allows. */
export function generateRevisionCases(
  pageId: string,
  text: string,
  options: GeneratorOptions = {},
): RevisionCase[] {
  const cases: RevisionCase[] = [];
  for (const kind of EDIT_KINDS) {
    const random = seededRandom(hash(`${pageId}/${kind}/${options.seed ?? 0}`));
    const page = pageOf(text);
    if (page.sentences.length < 4) break;
    const built = BUILDERS[kind](page, random, options.fillers ?? []);
    if (!built) continue;
    const controls = built.controls ?? options.controls ?? 2;
    const made = finish(`${pageId}/${kind}`, kind, built, random, controls);
    if (made) cases.push(made);
  }
  return cases;
}

// ---------------------------------------------------------------------------
// Outcomes

export type Outcome =
  /** Attached where the passage is (the very range when its text is unchanged). */
  | 'correct'
  /** Orphaned, and the passage is indeed gone. */
  | 'orphaned-gone'
  /** Attached over the passage, but with ends off. */
  | 'imprecise'
  /** Attached to text that is not the passage, or attached when it is gone. */
  | 'wrong'
  /** Orphaned although the passage is still there. */
  | 'orphaned-present';

export function judgeOutcome(
  result: { status: string; start: number | null; end: number | null },
  truth: Truth,
): Outcome {
  const attached = result.status !== 'orphaned' && result.start !== null && result.end !== null;
  if (!truth) return attached ? 'wrong' : 'orphaned-gone';
  if (!attached) return 'orphaned-present';
  const start = result.start ?? 0;
  const end = result.end ?? 0;
  if (!truth.changed) {
    if (start === truth.start && end === truth.end) return 'correct';
  } else {
    const overlap = Math.max(0, Math.min(end, truth.end) - Math.max(start, truth.start));
    const union = Math.max(end, truth.end) - Math.min(start, truth.start);
    if (overlap / union >= 0.8) return 'correct';
  }
  const overlaps = start < truth.end && truth.start < end;
  return overlaps ? 'imprecise' : 'wrong';
}

// ---------------------------------------------------------------------------
// Building cases

interface Built {
  /** The old text, with the target passage's range in it. */
  oldText: string;
  target: [number, number];
  /** Makes the new text from a draft of the old one (tracking passages). */
  revise: (draft: Draft) => void;
  /** Old ranges a control passage must not touch (the edit's area). */
  keepOut: Array<[number, number]>;
  /** How many control passages (default: the generator's option). */
  controls?: number;
}

type Builder = (page: Page, random: Random, fillers: readonly string[]) => Built | null;

const BUILDERS: Record<EditKind, Builder> = {
  'insert-before': (page, random, fillers) => {
    const sentence = page.pickPassage(random);
    const paragraph = page.paragraphOf(sentence);
    const filler = pickFiller(page, random, fillers);
    return {
      oldText: page.text,
      target: [sentence.start, sentence.end],
      revise: (draft) => draft.replace(paragraph.start, paragraph.start, `${filler}\n\n`),
      keepOut: [],
    };
  },

  'insert-after': (page, random, fillers) => {
    const sentence = page.pickPassage(random);
    const paragraph = page.paragraphOf(sentence);
    const filler = pickFiller(page, random, fillers);
    return {
      oldText: page.text,
      target: [sentence.start, sentence.end],
      revise: (draft) => draft.replace(paragraph.end, paragraph.end, `\n\n${filler}`),
      keepOut: [],
    };
  },

  'edit-inside': (page, random) => editInside(page, random, 1),
  'edit-inside-twice': (page, random) => editInside(page, random, 2),

  'edit-around': (page, random) => {
    const sentence = page.pickPassage(random);
    // The nearest word before the quote and after it, within its 32 characters of context.
    const before = page.words.findLast(
      (w) => w.end < sentence.start && w.start >= sentence.start - 32,
    );
    const after = page.words.find((w) => w.start > sentence.end && w.end <= sentence.end + 32);
    const edits = [before, after].filter((w): w is Span => w !== undefined);
    if (edits.length === 0) return null;
    return {
      oldText: page.text,
      target: [sentence.start, sentence.end],
      revise: (draft) => {
        for (const word of [...edits].reverse()) {
          draft.replace(word.start, word.end, page.otherWord(random, word.text));
        }
      },
      keepOut: [],
    };
  },

  typography: (page, random) => {
    const sentence = page.pickPassage(random);
    return {
      oldText: page.text,
      target: [sentence.start, sentence.end],
      revise: (draft) => retypeset(draft, random),
      keepOut: [],
    };
  },

  reorder: (page, random) => {
    const sentence = page.pickPassage(random);
    const paragraph = page.paragraphOf(sentence);
    const others = page.paragraphs.filter(
      (p) => Math.abs(p.index - paragraph.index) >= 2 && p.end - p.start > 20 && page.isUnique(p),
    );
    if (!page.isUnique(paragraph)) return null;
    const other = pick(random, others);
    if (!other) return null;
    return {
      oldText: page.text,
      target: [sentence.start, sentence.end],
      revise: (draft) => moveParagraph(draft, paragraph, other),
      keepOut: [],
    };
  },

  'reorder-block': (page, random) => {
    const sentence = page.pickPassage(random);
    const paragraph = page.paragraphOf(sentence);
    // Reverse the order of a block of up to five paragraphs around the target.
    const first = Math.max(0, paragraph.index - Math.floor(random() * 3));
    const block = page.paragraphs.slice(first, first + 5);
    if (block.length < 3 || !block.every((p) => page.isUnique(p))) return null;
    return {
      oldText: page.text,
      target: [sentence.start, sentence.end],
      revise: (draft) => {
        // Each paragraph in turn goes to the front of the block.
        for (let i = 1; i < block.length; i++) {
          moveParagraph(draft, block[i] as Span, block[i - 1] as Span);
        }
      },
      keepOut: [],
    };
  },

  'move-and-edit': (page, random) => {
    const built = editInside(page, random, 1);
    if (!built) return null;
    const sentence = page.sentenceAt(built.target[0]);
    if (!sentence) return null;
    const paragraph = page.paragraphOf(sentence);
    const others = page.paragraphs.filter(
      (p) => Math.abs(p.index - paragraph.index) >= 2 && p.end - p.start > 20 && page.isUnique(p),
    );
    const other = pick(random, others);
    if (!other || !page.isUnique(paragraph)) return null;
    return {
      ...built,
      revise: (draft) => {
        built.revise(draft);
        moveParagraph(draft, paragraph, other);
      },
    };
  },

  'delete-sentence': (page, random) => {
    const sentence = page.pickPassage(random);
    return {
      oldText: page.text,
      target: [sentence.start, sentence.end],
      revise: (draft) => removeSentence(draft, [sentence.start, sentence.end]),
      keepOut: [],
    };
  },

  'delete-paragraph': (page, random) => {
    const sentence = page.pickPassage(random);
    const paragraph = page.paragraphOf(sentence);
    return {
      oldText: page.text,
      target: [sentence.start, sentence.end],
      revise: (draft) => draft.replace(paragraph.start, paragraph.end + 2, ''),
      keepOut: [],
    };
  },

  'replace-sentence': (page, random, fillers) => {
    const sentence = page.pickSentence(random);
    const replacement = firstSentence(pickFiller(page, random, fillers));
    return {
      oldText: page.text,
      target: [sentence.start, sentence.end],
      revise: (draft) => draft.replace(sentence.start, sentence.end, replacement),
      keepOut: [],
    };
  },

  'lookalike-deleted': (page, random) => lookalike(page, random, true),
  'lookalike-kept': (page, random) => lookalike(page, random, false),
  'same-phrase-kept': (page, random) => samePhrase(page, random, false),
  'same-phrase-deleted': (page, random) => samePhrase(page, random, true),

  'span-paragraphs': (page, random, fillers) => {
    const pairs = page.paragraphs.filter((p) => {
      const next = page.paragraphs[p.index + 1];
      return next && next.start === p.end + 2 && page.sentencesIn(p).length > 0;
    });
    const paragraph = pick(random, pairs);
    const next = paragraph && page.paragraphs[paragraph.index + 1];
    if (!paragraph || !next) return null;
    const last = page.sentencesIn(paragraph).at(-1);
    const first = page.sentencesIn(next)[0] ?? next;
    if (!last) return null;
    const filler = pickFiller(page, random, fillers);
    const at = page.paragraphs[Math.floor(random() * paragraph.index)]?.start ?? 0;
    return {
      oldText: page.text,
      target: [last.start, first.end],
      revise: (draft) => draft.replace(at, at, `${filler}\n\n`),
      keepOut: [],
    };
  },

  'edits-elsewhere': (page, random, fillers) => {
    const sentence = page.pickPassage(random);
    const paragraph = page.paragraphOf(sentence);
    const far = page.sentences.filter(
      (s) => s.end < paragraph.start - 1 || s.start > paragraph.end + 1,
    );
    if (far.length < 3) return null;
    const chosen = shuffle(random, far)
      .slice(0, 5)
      .sort((a, b) => b.start - a.start);
    const fillerText = firstSentence(pickFiller(page, random, fillers));
    return {
      oldText: page.text,
      target: [sentence.start, sentence.end],
      revise: (draft) => {
        chosen.forEach((s, i) => {
          const range = draft.tracked(s);
          if (!range) return;
          if (i % 3 === 0) draft.replace(range.start, range.end, '');
          else if (i % 3 === 1) draft.replace(range.end, range.end, ` ${fillerText}`);
          else {
            const word = page.words.find((w) => w.start >= s.start && w.end <= s.end);
            if (word) {
              const at = range.start + (word.start - s.start);
              draft.replace(at, at + word.text.length, page.otherWord(random, word.text));
            }
          }
        });
      },
      keepOut: chosen.map((s) => [s.start, s.end]),
    };
  },

  'heavy-revision': (page, random, fillers) => heavyRevision(page, random, fillers, 1 / 6, 8),
};

/**
 * Many edits at once: a share of the other sentences deleted, extended or given a
 * new word, and a few paragraphs moved; `controls` passages to follow.
 */
function heavyRevision(
  page: Page,
  random: Random,
  fillers: readonly string[],
  share: number,
  controls: number,
): Built {
  const target = page.pickPassage(random);
  const others = page.sentences.filter((s) => s.end < target.start || s.start > target.end);
  const edited = shuffle(random, others).slice(0, Math.max(3, Math.floor(others.length * share)));
  const moved = shuffle(
    random,
    page.paragraphs.filter((p) => page.isUnique(p) && p.end - p.start > 20),
  ).slice(0, 4);
  const filler = firstSentence(pickFiller(page, random, fillers));
  return {
    oldText: page.text,
    target: [target.start, target.end],
    controls,
    revise: (draft) => {
      // From the end of the text backwards, so earlier edits do not move later sentences.
      const byPlace = [...edited].sort((a, b) => b.start - a.start);
      byPlace.forEach((sentence, i) => {
        const range = draft.tracked(sentence);
        if (!range) return;
        if (i % 4 === 0) draft.replace(range.start, range.end, '');
        else if (i % 4 === 1) draft.replace(range.end, range.end, ` ${filler}`);
        else {
          const word = pick(random, page.wordsIn(sentence));
          if (!word) return;
          const at = range.start + (word.start - sentence.start);
          draft.replace(at, at + word.text.length, page.otherWord(random, word.text));
        }
      });
      for (let i = 0; i + 1 < moved.length; i += 2) {
        moveParagraph(draft, moved[i] as Span, moved[i + 1] as Span);
      }
    },
    keepOut: [],
  };
}

/**
 * One long text revised many times over, with `passages` passages in it: the timing
 * case (a thousand passages on a long article).
 */
export function generateLargeRevision(
  text: string,
  options: { passages: number; seed?: number; fillers?: readonly string[] },
): RevisionCase | null {
  const random = seededRandom(hash(`large/${options.seed ?? 0}`));
  const page = new Page(text);
  const built = heavyRevision(page, random, options.fillers ?? [], 0.02, options.passages - 1);
  return finish('large/heavy-revision', 'heavy-revision', built, random, options.passages - 1, 20);
}

function editInside(page: Page, random: Random, count: number): Built | null {
  const sentences = page.sentences.filter((s) => page.wordsIn(s).length >= 6 + 2 * count);
  const sentence = pick(random, sentences);
  if (!sentence) return null;
  // Mostly not the first or last word (a quote with a changed end is fuzzier still).
  const words = page.wordsIn(sentence);
  const inner = random() < 0.7 ? words.slice(1, -1) : words;
  const chosen = shuffle(random, inner)
    .slice(0, count)
    .sort((a, b) => b.start - a.start);
  return {
    oldText: page.text,
    target: [sentence.start, sentence.end],
    revise: (draft) => {
      for (const word of chosen)
        draft.replace(word.start, word.end, page.otherWord(random, word.text));
    },
    keepOut: [],
  };
}

/**
 * The old text holds the target and a lookalike (the target with one or two words
 * changed, as "Team Alpha won …" and "Team Beta won …"); the new one loses the
 * target (`deleted`) or keeps both.
 */
function lookalike(page: Page, random: Random, deleted: boolean): Built | null {
  const sentences = page.sentences.filter((s) => page.wordsIn(s).length >= 5);
  const sentence = pick(random, sentences);
  if (!sentence) return null;
  const words = page.wordsIn(sentence);
  const changes = shuffle(random, words).slice(0, words.length >= 10 ? 2 : 1);
  let copy = sentence.text;
  for (const word of [...changes].sort((a, b) => b.start - a.start)) {
    const at = word.start - sentence.start;
    copy =
      copy.slice(0, at) + page.otherWord(random, word.text) + copy.slice(at + word.text.length);
  }
  // The lookalike right after the target, or as a paragraph of its own elsewhere.
  const nearby = random() < 0.5;
  const elsewhere = pick(random, page.paragraphs) ?? page.paragraphOf(sentence);
  const insertAt = nearby ? sentence.end : elsewhere.end;
  const inserted = nearby ? ` ${copy}` : `\n\n${copy}`;
  const base = new Draft(page.text, [[sentence.start, sentence.end]]);
  base.replace(insertAt, insertAt, inserted);
  const placed = base.ranges[0];
  if (!placed) return null;
  const target: [number, number] = [placed.start, placed.end];
  const lookalikeStart = insertAt + inserted.length - copy.length;
  const lookalikeEnd = lookalikeStart + copy.length;
  return {
    oldText: base.text,
    target,
    revise: (draft) => {
      if (deleted) removeSentence(draft, target);
      else {
        // Something else changes, away from both sentences.
        const far = new Page(base.text).paragraphs.find(
          (p) => p.end < Math.min(target[0], lookalikeStart) - 2 && p.end - p.start > 20,
        );
        if (far) draft.replace(far.start, far.start, 'Updated: ');
      }
    },
    keepOut: [[lookalikeStart, lookalikeEnd]],
  };
}

/**
 * The old text says the target sentence twice, in two paragraphs; the passage quotes
 * one of the two. The new text loses the other (`deleted` false) or the quoted one.
 */
function samePhrase(page: Page, random: Random, deleted: boolean): Built | null {
  const sentence = page.pickPassage(random);
  const paragraph = page.paragraphOf(sentence);
  // Not next to each other: "A A" losing one A is the same edit whichever A goes.
  const others = page.paragraphs.filter(
    (p) => Math.abs(p.index - paragraph.index) >= 2 && p.end - p.start > 20,
  );
  const other = pick(random, others);
  if (!other) return null;
  // The same sentence again, at the end of another paragraph.
  const base = new Draft(page.text, [[sentence.start, sentence.end]]);
  base.replace(other.end, other.end, ` ${sentence.text}`);
  const placed = base.ranges[0];
  if (!placed) return null;
  const original: [number, number] = [placed.start, placed.end];
  const copyStart = other.end + 1;
  const copy: [number, number] = [copyStart, copyStart + sentence.text.length];
  const [target, twin] = random() < 0.5 ? [copy, original] : [original, copy];
  return {
    oldText: base.text,
    target,
    revise: (draft) => removeSentence(draft, deleted ? target : twin),
    keepOut: [twin],
  };
}

/** Deletes a sentence with the space after it (or before it, at the end of a paragraph). */
function removeSentence(draft: Draft, [start, end]: [number, number]): void {
  const after = draft.text.slice(end).match(/^[ \t]*/)?.[0].length ?? 0;
  const before = after === 0 && draft.text.charAt(start - 1) === ' ' ? 1 : 0;
  draft.replace(start - before, end + after, '');
}

/** Typography redone: curly quotes, dashes, doubled spaces, a soft hyphen here and there. */
function retypeset(draft: Draft, random: Random): void {
  const text = draft.text;
  const edits: Array<[number, number, string]> = [];
  let open = true;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '"') {
      edits.push([i, i + 1, open ? '\u201c' : '\u201d']);
      open = !open;
    } else if (char === "'") edits.push([i, i + 1, '\u2019']);
    else if (char === '\u2019' || char === '\u2018') edits.push([i, i + 1, "'"]);
    else if (char === '\u201c' || char === '\u201d') edits.push([i, i + 1, '"']);
    else if (char === '-' && text.charAt(i - 1) === ' ' && text.charAt(i + 1) === ' ') {
      edits.push([i, i + 1, '\u2014']);
    } else if (char === ' ' && random() < 0.05) edits.push([i, i + 1, '  ']);
    else if (char === ' ' && random() < 0.02) edits.push([i, i + 1, '\u00a0']);
    else if (/\p{L}/u.test(char) && /\p{L}/u.test(text.charAt(i + 1)) && random() < 0.003) {
      edits.push([i + 1, i + 1, '\u00ad']);
    }
  }
  draft.replaceAll(edits.reverse());
}

/** Moves a paragraph (found by its text) next to another: after it when that one is later, else before. */
function moveParagraph(draft: Draft, paragraph: Span, other: Span): void {
  const moving = draft.tracked(paragraph);
  if (!moving) return;
  const lifted = draft.lift(moving.start, moving.end);
  // Close the gap the paragraph leaves.
  if (draft.text.startsWith('\n\n', moving.start))
    draft.replace(moving.start, moving.start + 2, '');
  else if (draft.text.endsWith('\n\n', moving.start))
    draft.replace(moving.start - 2, moving.start, '');
  const target = draft.tracked(other);
  if (!target) return;
  if (other.start > paragraph.start) draft.drop(target.end, lifted, '\n\n', '');
  else draft.drop(target.start, lifted, '', '\n\n');
}

/** Control passages elsewhere, then selectors and truths for all. */
function finish(
  id: string,
  kind: EditKind,
  built: Built,
  random: Random,
  controls: number,
  spacing = 200,
): RevisionCase | null {
  const { oldText } = built;
  // Passages never start or end with whitespace (the reader tidies selections so).
  const target = trimRange(oldText, built.target);
  if (target[1] <= target[0]) return null;
  const page = pageOf(oldText);
  const ranges: Array<[number, number]> = [target];
  const keepOut = [...built.keepOut, target];
  const near = (s: Span) =>
    keepOut.some(([start, end]) => s.start < end + spacing && start - spacing < s.end);
  for (const sentence of shuffle(random, page.sentences)) {
    if (ranges.length > controls) break;
    if (near(sentence)) continue;
    ranges.push([sentence.start, sentence.end]);
    keepOut.push([sentence.start, sentence.end]);
  }
  const draft = new Draft(oldText, ranges);
  built.revise(draft);
  if (draft.text === oldText) return null;
  const passages: AnchoredPassage[] = [];
  const truths: Truth[] = [];
  // A range the edit cut into is no fair test (neither here nor gone): left out.
  if (draft.ranges[0] === undefined) return null;
  draft.ranges.forEach((truth, i) => {
    const range = ranges[i];
    if (truth === undefined || !range) return;
    passages.push({
      start: range[0],
      end: range[1],
      ...describeQuote(oldText, range[0], range[1]),
    });
    truths.push(truth);
  });
  return { id, kind, oldText, newText: draft.text, passages, truths };
}

// ---------------------------------------------------------------------------
// A text being revised, tracking where passages go

/** Text lifted out of a draft, with the passages inside it. */
interface Lifted {
  text: string;
  /** Ranges inside it, relative to its start (undefined for the others). */
  carried: Array<Truth | undefined>;
}

class Draft {
  /** null: the passage was deleted; undefined: the edit cut into it, so no truth is known. */
  ranges: Array<Truth | undefined>;

  constructor(
    public text: string,
    ranges: Array<[number, number]>,
  ) {
    this.ranges = ranges.map(([start, end]) => ({ start, end, changed: false }));
  }

  /** Where a span of the old text is now: the occurrence of its text nearest its old place. */
  tracked(span: Span): { start: number; end: number } | null {
    let best = -1;
    for (let i = this.text.indexOf(span.text); i !== -1; i = this.text.indexOf(span.text, i + 1)) {
      if (best === -1 || Math.abs(i - span.start) < Math.abs(best - span.start)) best = i;
    }
    return best === -1 ? null : { start: best, end: best + span.text.length };
  }

  replace(start: number, end: number, insert: string): void {
    this.replaceAll([[start, end, insert]]);
  }

  /** Several replacements at once, given from the last to the first (none overlapping). */
  replaceAll(edits: ReadonlyArray<readonly [number, number, string]>): void {
    const pieces: string[] = [];
    let rest = this.text.length;
    for (const [start, end, insert] of edits) {
      pieces.push(this.text.slice(end, rest), insert);
      rest = start;
      const delta = insert.length - (end - start);
      this.ranges = this.ranges.map((range) => {
        if (!range) return range;
        // Inserting right at a passage's start puts the text before it, at its end after it.
        if (end <= range.start) {
          return { ...range, start: range.start + delta, end: range.end + delta };
        }
        if (start >= range.end) return range;
        // Replacing the whole passage deletes it, even with text of the same length.
        if (start <= range.start && end >= range.end) return null;
        if (start >= range.start && end <= range.end) {
          return { ...range, end: range.end + delta, changed: true };
        }
        return undefined;
      });
    }
    pieces.push(this.text.slice(0, rest));
    this.text = pieces.reverse().join('');
  }

  /** Takes text[start, end) out, with the passages inside it. */
  lift(start: number, end: number): Lifted {
    const carried = this.ranges.map((range) =>
      range && range.start >= start && range.end <= end
        ? { ...range, start: range.start - start, end: range.end - start }
        : undefined,
    );
    const text = this.text.slice(start, end);
    this.ranges = this.ranges.map((range, i) => (carried[i] ? null : range));
    this.replace(start, end, '');
    this.ranges = this.ranges.map((range, i) => (carried[i] ? undefined : range));
    return { text, carried };
  }

  /** Puts lifted text back at `at`, between `before` and `after`. */
  drop(at: number, lifted: Lifted, before: string, after: string): void {
    this.replace(at, at, before + lifted.text + after);
    const offset = at + before.length;
    this.ranges = this.ranges.map((range, i) => {
      const moved = lifted.carried[i];
      return moved ? { ...moved, start: moved.start + offset, end: moved.end + offset } : range;
    });
  }
}

// ---------------------------------------------------------------------------
// Pages: paragraphs, sentences, words

interface Span {
  start: number;
  end: number;
  text: string;
}

interface Paragraph extends Span {
  index: number;
}

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;

/** The page of a text, remembered for the next call with the same text. */
let lastPage: Page | undefined;
function pageOf(text: string): Page {
  if (lastPage?.text !== text) lastPage = new Page(text);
  return lastPage;
}

class Page {
  readonly paragraphs: Paragraph[] = [];
  readonly sentences: Span[];
  readonly words: Span[] = [];
  private readonly vocabulary: string[];

  /** How often each paragraph and each sentence occurs (a paragraph may be one sentence). */
  private readonly paragraphCounts = new Map<string, number>();
  private readonly sentenceCounts = new Map<string, number>();

  constructor(readonly text: string) {
    const breaks = /\n\n+/g;
    let at = 0;
    for (const match of [...text.matchAll(breaks), null]) {
      const end = match ? match.index : text.length;
      if (end > at) {
        this.paragraphs.push({
          start: at,
          end,
          text: text.slice(at, end),
          index: this.paragraphs.length,
        });
      }
      at = match ? match.index + match[0].length : text.length;
    }
    const pieces: Span[] = [];
    for (const paragraph of this.paragraphs) {
      count(this.paragraphCounts, paragraph.text);
      for (const { segment, index } of sentenceSegmenter.segment(paragraph.text)) {
        const trimmed = segment.trimEnd();
        const start = paragraph.start + index + (trimmed.length - trimmed.trimStart().length);
        const end = paragraph.start + index + trimmed.length;
        const sentence = text.slice(start, end);
        const wordCount = sentence.match(wordPattern)?.length ?? 0;
        // A sentence the page says twice has no single truth once paragraphs move: left out.
        if (sentence.length >= 30 && sentence.length <= 400 && wordCount >= 5) {
          pieces.push({ start, end, text: sentence });
        }
        count(this.sentenceCounts, sentence);
      }
    }
    // (Also not inside another sentence: too slow to check on very long texts.)
    const checkSubstrings = text.length < 300_000;
    this.sentences = pieces.filter(
      (s) =>
        this.sentenceCounts.get(s.text) === 1 && (!checkSubstrings || occursOnce(text, s.text)),
    );
    for (const match of text.matchAll(wordPattern)) {
      this.words.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
    }
    this.vocabulary = [...new Set(this.words.map((w) => w.text).filter((w) => w.length >= 4))];
  }

  pickSentence(random: Random): Span {
    return pick(random, this.sentences) as Span;
  }

  /**
   * A passage as analysts mark them: mostly a sentence, sometimes a few words of
   * one, sometimes two sentences in a row.
   */
  pickPassage(random: Random): Span {
    const sentence = this.pickSentence(random);
    const shape = random();
    if (shape < 0.2) {
      const words = this.wordsIn(sentence);
      const first = Math.floor(random() * Math.max(1, words.length - 4));
      const last = Math.min(words.length - 1, first + 3 + Math.floor(random() * 5));
      const start = words[first]?.start ?? sentence.start;
      const end = words[last]?.end ?? sentence.end;
      const text = this.text.slice(start, end);
      if (end - start >= 15 && occursOnce(this.text, text)) return { start, end, text };
    } else if (shape < 0.4) {
      const next = this.sentences.find((s) => s.start > sentence.end);
      const between = next && this.text.slice(sentence.end, next.start);
      if (next && between !== undefined && /^[ \t]+$/.test(between)) {
        return {
          start: sentence.start,
          end: next.end,
          text: this.text.slice(sentence.start, next.end),
        };
      }
    }
    return sentence;
  }

  sentenceAt(start: number): Span | undefined {
    return this.sentences.find((s) => s.start === start);
  }

  paragraphOf(span: { start: number }): Paragraph {
    return (
      this.paragraphs.find((p) => p.start <= span.start && span.start < p.end) ??
      (this.paragraphs[0] as Paragraph)
    );
  }

  /** Whether a paragraph's text occurs once in the page (so a move of it has one truth). */
  isUnique(paragraph: Span): boolean {
    return this.paragraphCounts.get(paragraph.text) === 1;
  }

  sentencesIn(paragraph: Span): Span[] {
    return this.sentences.filter((s) => s.start >= paragraph.start && s.end <= paragraph.end);
  }

  wordsIn(span: Span): Span[] {
    // Words are in order: find the first by bisection.
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.words[middle]?.start ?? 0) < span.start) low = middle + 1;
      else high = middle;
    }
    const found: Span[] = [];
    for (let i = low; i < this.words.length; i++) {
      const word = this.words[i] as Span;
      if (word.end > span.end) break;
      found.push(word);
    }
    return found;
  }

  /** A word of the page unlike `word`, as an editor would put in its place. */
  otherWord(random: Random, word: string): string {
    for (let tries = 0; tries < 20; tries++) {
      const other = pick(random, this.vocabulary);
      if (other && other.toLowerCase() !== word.toLowerCase()) return other;
    }
    return `${word}s`;
  }
}

function trimRange(text: string, [start, end]: [number, number]): [number, number] {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return [start, end];
}

function count(counts: Map<string, number>, part: string): void {
  counts.set(part, (counts.get(part) ?? 0) + 1);
}

function occursOnce(text: string, part: string): boolean {
  const first = text.indexOf(part);
  return first !== -1 && text.indexOf(part, first + 1) === -1;
}

function pickFiller(page: Page, random: Random, fillers: readonly string[]): string {
  // A few tries at a paragraph that is not the page's own.
  for (let tries = 0; tries < 10; tries++) {
    const chosen = pick(random, fillers);
    if (chosen && chosen.length >= 60 && chosen.length <= 800 && !page.text.includes(chosen)) {
      return chosen;
    }
  }
  // No material from elsewhere: the page's own words, shuffled into a paragraph.
  const words = shuffle(random, page.words).slice(0, 25);
  return `${words.map((w) => w.text).join(' ')}.`;
}

function firstSentence(paragraph: string): string {
  for (const { segment } of sentenceSegmenter.segment(paragraph)) {
    if (segment.trim().length >= 20) return segment.trim();
  }
  return paragraph.trim();
}

// ---------------------------------------------------------------------------
// Seeded randomness

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function pick<T>(random: Random, items: readonly T[]): T | undefined {
  return items.length > 0 ? items[Math.floor(random() * items.length)] : undefined;
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
