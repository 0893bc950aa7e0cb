/** A W3C TextQuoteSelector: the quote with enough context to find it again. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

const CONTEXT_STEP = 32;

/**
 * Describes text.slice(start, end) with 32 characters of context on each side,
 * grown 32 at a time until prefix + exact + suffix occurs only once in the text
 * (Apache Annotator's describe-text-quote idea), so a repeated phrase stays
 * tied to the right occurrence.
 */
export function describeQuote(text: string, start: number, end: number): TextQuote {
  for (let context = CONTEXT_STEP; ; context += CONTEXT_STEP) {
    const quote = quoteWithContext(text, start, end, context);
    const wholeText = quote.prefix.length === start && end + quote.suffix.length === text.length;
    if (wholeText || occursOnce(text, quote.prefix + quote.exact + quote.suffix)) return quote;
  }
}

/**
 * text.slice(start, end) with `context` characters on each side (fewer at the
 * ends of the text, one more rather than half a surrogate pair). Without the
 * search for a unique context, it costs nothing however long the text: for a
 * selector whose position is known too (re-anchoring passes both).
 */
export function quoteWithContext(
  text: string,
  start: number,
  end: number,
  context = CONTEXT_STEP,
): TextQuote {
  const prefixStart = notInsidePair(text, Math.max(0, start - context), -1);
  const suffixEnd = notInsidePair(text, Math.min(text.length, end + context), +1);
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

function occursOnce(text: string, needle: string): boolean {
  const first = text.indexOf(needle);
  return first !== -1 && text.indexOf(needle, first + 1) === -1;
}

/** Moves a cut that would split a surrogate pair one code unit outwards. */
function notInsidePair(text: string, index: number, direction: -1 | 1): number {
  const splitsPair =
    /[\uDC00-\uDFFF]/.test(text.charAt(index)) && /[\uD800-\uDBFF]/.test(text.charAt(index - 1));
  return splitsPair ? index + direction : index;
}
