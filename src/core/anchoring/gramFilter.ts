/**
 * A filter in front of approximate search over long text: only stretches that share
 * enough three-letter grams with the pattern can hold a match, so only those are
 * searched. It never loses a match (the q-gram lemma: a match of a pattern of
 * length m with at most k edits shares at least m − 2 − 3k of its trigrams with it),
 * it only spares searching the rest. Built once per text, asked once per pattern.
 */

const BUCKETS = 1 << 18;

function gramAt(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  // A separator (U+0000) between stretches is in no gram worth counting.
  if (a === 0 || b === 0 || c === 0) return -1;
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  return (h >>> 0) & (BUCKETS - 1);
}

export class GramFilter {
  /** Positions of each gram bucket: positions[heads[g], heads[g + 1]). */
  private readonly heads = new Int32Array(BUCKETS + 1);
  private readonly positions: Int32Array;

  constructor(private readonly text: string) {
    const count = Math.max(0, text.length - 2);
    const grams = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const gram = gramAt(text, i);
      grams[i] = gram;
      if (gram >= 0) this.heads[gram + 1]!++;
    }
    for (let g = 0; g < BUCKETS; g++) this.heads[g + 1]! += this.heads[g]!;
    this.positions = new Int32Array(this.heads[BUCKETS]!);
    const next = this.heads.slice(0, BUCKETS);
    for (let i = 0; i < count; i++) {
      const gram = grams[i]!;
      if (gram >= 0) this.positions[next[gram]!++] = i;
    }
  }

  /**
   * Stretches of the text that may hold `pattern` with at most `errors` edits, in
   * order and merged; the whole text when the pattern is too short to filter.
   */
  candidates(pattern: string, errors: number): Array<[number, number]> {
    const whole: Array<[number, number]> = [[0, this.text.length]];
    const needed = pattern.length - 2 - 3 * errors;
    if (needed <= 0) return whole;
    const weights = new Map<number, number>();
    for (let i = 0; i + 2 < pattern.length; i++) {
      const gram = gramAt(pattern, i);
      if (gram >= 0) weights.set(gram, (weights.get(gram) ?? 0) + 1);
    }
    // A match spans at most `size` characters, so its grams fall in two bins at most:
    // score each pair of bins by how many of the pattern's grams it holds (a gram
    // counting at most as often as the pattern has it, so "the" everywhere does not
    // make a match).
    const size = pattern.length + errors;
    const pairs = new Int32Array(Math.ceil(this.text.length / size) + 2);
    const counts = new Map<number, number>();
    for (const [gram, weight] of weights) {
      counts.clear();
      for (let p = this.heads[gram]!; p < this.heads[gram + 1]!; p++) {
        const bin = Math.floor(this.positions[p]! / size);
        counts.set(bin, (counts.get(bin) ?? 0) + 1);
      }
      for (const [bin, count] of counts) {
        // Pair `bin` is bins bin and bin + 1; this bin is also the second of pair bin − 1.
        const next = counts.get(bin + 1) ?? 0;
        pairs[bin]! += Math.min(weight, count + next);
        if (bin > 0 && !counts.has(bin - 1)) pairs[bin - 1]! += Math.min(weight, count);
      }
    }
    const stretches: Array<[number, number]> = [];
    for (let bin = 0; bin + 1 < pairs.length; bin++) {
      if (pairs[bin]! < needed) continue;
      const from = Math.max(0, bin * size - errors);
      const to = Math.min(this.text.length, (bin + 2) * size + errors);
      const last = stretches[stretches.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else stretches.push([from, to]);
    }
    return stretches;
  }
}
