/**
 * Re-anchoring: where each passage of an old version of a text lies in the new
 * version, or an honest "not found".
 *
 * For each passage, in order:
 * 1. its old offsets are mapped through the diff of the two versions (computed once
 *    per call) and the quote is checked there;
 * 2. else the folded quote is looked for exactly, and
 * 3. else approximately, where the passage can be: around where the diff puts it,
 *    and in text the new version added (a moved paragraph is deleted in one place
 *    and inserted in another). Everywhere else the new text is old text carried
 *    over from elsewhere, which never takes a passage: an unchanged lookalike
 *    sentence, or another occurrence of the same phrase.
 * Candidates are scored and judged by score.ts. Matching runs on folded text
 * (src/core/text/fold.ts) mapped back to the real text; ends snap to grapheme
 * clusters. Offsets are UTF-16 code units.
 */
import { DiffMap } from './diffMap';
import { GraphemeSnapper } from './graphemes';
import {
  contextSimilarity,
  editDistance,
  hasContext,
  isOwn,
  judge,
  RULES,
  weightedScore,
  type Candidate,
} from './score';
import { foldKey, MAX_SEARCH_ERRORS, SearchSpace, type Hit } from './searchSpace';
import { commonRuns } from './textDiff';

export interface AnchoredPassage {
  /** Where the passage sits in oldText now (UTF-16 code units), and its quote selector. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export type ReanchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface Reanchored {
  status: ReanchorStatus;
  /** 0..1; 1 for exact and moved. For an orphan, the best rejected candidate's score (or 0). */
  score: number;
  /** Offsets into newText; null when orphaned. Ends on grapheme boundaries. */
  start: number | null;
  end: number | null;
  /** Orphans only: the best candidate the rules refused, for the analyst to accept or not. */
  suggestion?: { start: number; end: number; score: number };
}

/** Search this far (in folded characters) around where the diff puts a passage, beyond a quarter of its length. */
const WINDOW_PAD = 32;
/** Inserted text is searched with this much of the old text around it. */
const INSERTED_PAD = 16;
/** Contexts grown long (to tell a repeated quote apart) are compared on this much nearest the quote. */
const CONTEXT_LIMIT = 256;
/** Beyond this many steps, the edit distance of a long quote is estimated from the diff. */
const MAX_DISTANCE_STEPS = 4_000_000;
/** Suggestions for an orphan are looked for this far around where it was. */
const SUGGESTION_RADIUS = 8_000;

/**
 * Re-anchors each passage of oldText on newText; results in the same order.
 *
 * `exact` is the same quote at the same offsets; `moved` the same quote elsewhere
 * (the same folded text: whitespace, quote marks, dashes, case or accents may
 * differ); `fuzzy` a quote changed a little and still found, with its score;
 * `orphaned` not found with confidence (with the best refused candidate, if any).
 */
export function reanchorPassages(
  oldText: string,
  newText: string,
  passages: readonly AnchoredPassage[],
): Reanchored[] {
  if (passages.length === 0) return [];
  const anchoring = new Reanchoring(oldText, newText);
  return passages.map((passage) => anchoring.reanchor(passage));
}

interface Quote {
  passage: AnchoredPassage;
  /** The folded quote, prefix and suffix. */
  key: string;
  prefixKey: string;
  suffixKey: string;
  /** Where the passage was in the old text. */
  oldStart: number;
  oldEnd: number;
  /** Where the diff puts it in the new text (possibly empty). */
  hint: number;
}

/** One call's shared work: the diff, the inserted text, grapheme boundaries. */
class Reanchoring {
  private readonly map: DiffMap;
  private readonly graphemes: GraphemeSnapper;
  private inserted: SearchSpace | undefined;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
  ) {
    this.map = new DiffMap(commonRuns(oldText, newText));
    this.graphemes = new GraphemeSnapper(newText);
  }

  reanchor(passage: AnchoredPassage): Reanchored {
    const key = foldKey(passage.exact).trim();
    if (!key) return orphaned();
    const [oldStart, oldEnd] = this.locateOld(passage);
    const mappedStart = this.map.mapOld(oldStart, 'start');
    const mappedEnd = Math.max(mappedStart, this.map.mapOld(oldEnd, 'end'));

    const quote: Quote = {
      passage,
      key,
      prefixKey: foldKey(passage.prefix).slice(-CONTEXT_LIMIT),
      suffixKey: foldKey(passage.suffix).slice(0, CONTEXT_LIMIT),
      oldStart,
      oldEnd,
      hint: mappedStart,
    };
    // 1. The quote where the diff puts it (for a phrase the old text had twice, with
    // its context: the diff may have paired it with the other occurrence).
    if (mappedEnd > mappedStart) {
      const here = this.newText.slice(mappedStart, mappedEnd);
      if (here === passage.exact || foldKey(here).trim() === key) {
        const [start, end] = this.tidy(mappedStart, mappedEnd);
        if (hasContext(this.context(quote, start, end)) || !this.repeatedInOld(passage.exact)) {
          return this.same(passage, oldStart, oldEnd, start, end);
        }
      }
    }

    // 2. The quote as it is, 3. else approximately: around the diff's place, in new text.
    const pad = WINDOW_PAD + Math.ceil(key.length / 2);
    const window = new SearchSpace(this.newText, [
      [Math.max(0, mappedStart - pad), Math.min(this.newText.length, mappedEnd + pad)],
    ]);
    const inserted = this.insertedText();
    let candidates = [
      ...this.mappedCandidate(quote, mappedStart, mappedEnd),
      ...this.evaluate(quote, [...window.exactHits(key), ...inserted.exactHits(key)]),
    ];
    let judged = this.judge(quote, candidates);
    // Approximately: first around the diff's place. A candidate made of the passage's
    // own old text competes only with others like it, so when one takes the passage,
    // searching the new text is not needed (and a long revision stays fast).
    if (!judged.accepted) {
      const approximate = window.approxHits(key, Math.floor(key.length / 2), 3);
      candidates = [...candidates, ...this.evaluate(quote, approximate)];
      judged = this.judge(quote, candidates);
    }
    if (!judged.accepted || !isOwn(judged.accepted)) {
      const approximate = inserted.approxHits(key, Math.floor(key.length / 4), 3);
      candidates = [...candidates, ...this.evaluate(quote, approximate)];
      judged = this.judge(quote, candidates);
    }
    if (judged.accepted) {
      const { start, end, same, score } = judged.accepted;
      return same
        ? this.same(passage, oldStart, oldEnd, start, end)
        : { status: 'fuzzy', score: round(score), start, end };
    }
    const suggestion = judged.suggestion ?? this.lookFarther(quote);
    return orphaned(suggestion);
  }

  /** The passage's old range: its offsets, or where its quote is nearest them when they disagree. */
  private locateOld(passage: AnchoredPassage): [number, number] {
    const { exact } = passage;
    const start = clamp(passage.start, 0, this.oldText.length);
    const end = clamp(passage.end, start, this.oldText.length);
    if (this.oldText.slice(start, end) === exact) return [start, end];
    let nearest = -1;
    for (
      let at = this.oldText.indexOf(exact);
      at !== -1;
      at = this.oldText.indexOf(exact, at + 1)
    ) {
      if (nearest === -1 || Math.abs(at - start) < Math.abs(nearest - start)) nearest = at;
      if (at > start) break;
    }
    return nearest === -1 ? [start, end] : [nearest, nearest + exact.length];
  }

  private insertedText(): SearchSpace {
    if (!this.inserted) {
      const ranges: Array<[number, number]> = [];
      for (const [from, to] of this.map.insertedRegions()) {
        const start = Math.max(0, from - INSERTED_PAD);
        const end = Math.min(this.newText.length, to + INSERTED_PAD);
        const last = ranges[ranges.length - 1];
        if (last && start <= last[1]) last[1] = Math.max(last[1], end);
        else ranges.push([start, end]);
      }
      this.inserted = new SearchSpace(this.newText, ranges, true);
    }
    return this.inserted;
  }

  /** The range the diff maps the passage to, as a candidate when it is still like the quote. */
  private mappedCandidate(quote: Quote, mappedStart: number, mappedEnd: number): Candidate[] {
    if (mappedEnd <= mappedStart) return [];
    const [start, end] = this.tidy(mappedStart, mappedEnd);
    if (end <= start) return [];
    const limit = Math.floor(quote.key.length / 2);
    const here = foldKey(this.newText.slice(start, end)).trim();
    // A very long quote: the diff says how much of it is still there, which spares
    // an edit distance of millions of steps.
    const errors =
      quote.key.length * limit <= MAX_DISTANCE_STEPS
        ? editDistance(quote.key, here, limit)
        : Math.round(
            Math.max(quote.key.length, here.length) -
              this.map.provenance(start, end, quote.oldStart, quote.oldEnd).own,
          );
    return errors > limit ? [] : [this.candidate(quote, start, end, errors, true)];
  }

  /** Scores hits (duplicates removed). */
  private evaluate(quote: Quote, hits: Hit[]): Candidate[] {
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    for (const hit of hits) {
      const [start, end] = this.tidy(hit.start, hit.end);
      if (end <= start || seen.has(`${start}:${end}`)) continue;
      seen.add(`${start}:${end}`);
      candidates.push(this.candidate(quote, start, end, hit.errors));
    }
    return candidates;
  }

  /** How well the text around new [start, end) matches the passage's prefix and suffix. */
  private context(quote: Quote, start: number, end: number) {
    const { prefixKey, suffixKey, passage } = quote;
    const reach = (context: string) => Math.min(context.length, 2 * CONTEXT_LIMIT) + 16;
    const before = this.newText.slice(Math.max(0, start - reach(passage.prefix)), start);
    const after = this.newText.slice(end, end + reach(passage.suffix));
    return {
      prefix: contextSimilarity(
        prefixKey,
        foldKey(before).slice(-(prefixKey.length + 8)),
        'before',
      ),
      suffix: contextSimilarity(suffixKey, foldKey(after).slice(0, suffixKey.length + 8), 'after'),
    };
  }

  private candidate(
    quote: Quote,
    start: number,
    end: number,
    errors: number,
    mapped = false,
  ): Candidate {
    const { key } = quote;
    const text = this.newText.slice(start, end);
    const same = errors === 0 && foldKey(text).trim() === key;
    const quoteSimilarity = same ? 1 : Math.max(0, 1 - Math.max(errors, 1) / key.length);
    const { prefix, suffix } = this.context(quote, start, end);
    const position = 1 - Math.abs(start - quote.hint) / Math.max(1, this.newText.length);
    // Old text right beside the passage counts as its own: a changed quote's best
    // match may take a letter or two of its context.
    const slack = Math.min(16, 4 + Math.floor(key.length / 8));
    const provenance = this.map.provenance(
      start,
      end,
      quote.oldStart - slack,
      quote.oldEnd + slack,
    );
    return {
      start,
      end,
      quote: quoteSimilarity,
      prefix,
      suffix,
      position,
      score: weightedScore(quoteSimilarity, prefix, suffix, position),
      same,
      provenance,
      existedElsewhere:
        !same && quoteSimilarity >= RULES.minQuoteSimilarity && this.existedElsewhere(text, quote),
      mapped,
    };
  }

  /** Whether the old text had `text` verbatim outside the passage: a lookalike that was already there. */
  private existedElsewhere(text: string, quote: Quote): boolean {
    for (let at = this.oldText.indexOf(text); at !== -1; at = this.oldText.indexOf(text, at + 1)) {
      if (at + text.length <= quote.oldStart || at >= quote.oldEnd) return true;
    }
    return false;
  }

  private judge(quote: Quote, candidates: Candidate[]) {
    let repeated: boolean | undefined;
    return judge(candidates, quote.key.length, () => {
      repeated ??= this.repeatedInOld(quote.passage.exact);
      return repeated;
    });
  }

  /** Whether the quote occurs more than once in the old text. */
  private repeatedInOld(exact: string): boolean {
    const first = this.oldText.indexOf(exact);
    return first !== -1 && this.oldText.indexOf(exact, first + 1) !== -1;
  }

  /** For an orphan with nothing to suggest nearby: the best lookalike around where it was. */
  private lookFarther(quote: Quote): Candidate | undefined {
    const from = Math.max(0, quote.hint - SUGGESTION_RADIUS);
    const to = Math.min(this.newText.length, quote.hint + SUGGESTION_RADIUS);
    const space = new SearchSpace(this.newText, [[from, to]]);
    const errors = Math.min(MAX_SEARCH_ERRORS, Math.floor(quote.key.length / 2));
    const candidates = this.evaluate(quote, space.approxHits(quote.key, errors, 1));
    return judge(candidates, quote.key.length, () => true).suggestion;
  }

  /** An unchanged quote found at [start, end). */
  private same(
    passage: AnchoredPassage,
    oldStart: number,
    oldEnd: number,
    start: number,
    end: number,
  ): Reanchored {
    const unchanged =
      start === oldStart && end === oldEnd && this.newText.slice(start, end) === passage.exact;
    return { status: unchanged ? 'exact' : 'moved', score: 1, start, end };
  }

  /** Whole grapheme clusters, without whitespace at the ends. */
  private tidy(start: number, end: number): [number, number] {
    const text = this.newText;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    return this.graphemes.snap(start, end);
  }
}

function orphaned(suggestion?: Candidate): Reanchored {
  if (!suggestion) return { status: 'orphaned', score: 0, start: null, end: null };
  const score = round(suggestion.score);
  return {
    status: 'orphaned',
    score,
    start: null,
    end: null,
    suggestion: { start: suggestion.start, end: suggestion.end, score },
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.trunc(value)));
}

/** Scores are reported to three decimals. */
function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
