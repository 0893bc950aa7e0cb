import type { ParsedQuery, QueryTerm } from './parseQuery';
import { queryTokens, type QueryToken } from './searchKey';

/** The words of a parsed query, ready for FTS5 and for highlighting. */
export interface TextQuery {
  /** FTS5 expression a result must match; null when the query only excludes or filters. */
  match: string | null;
  /** FTS5 expression a result must not match; null when nothing is excluded. */
  exclude: string | null;
  /** The token sequences a result may contain, for snippets and highlights. */
  phrases: QueryToken[][];
}

/**
 * Turns the words of a parsed query into FTS5 expressions over search keys. Every
 * token is a quoted string, so nothing the user types can be read as FTS5 syntax;
 * terms that fold to nothing (punctuation alone) are dropped.
 */
export function toTextQuery(parsed: ParsedQuery): TextQuery {
  const required = parsed.required
    .map((group) => group.map(tokensOf).filter((tokens) => tokens.length > 0))
    .filter((group) => group.length > 0);
  const excluded = parsed.excluded.map(tokensOf).filter((tokens) => tokens.length > 0);
  return {
    match: required.length > 0 ? required.map(alternatives).join(' AND ') : null,
    exclude: excluded.length > 0 ? alternatives(excluded) : null,
    phrases: required.flat(),
  };
}

function tokensOf(term: QueryTerm): QueryToken[] {
  return queryTokens(term.text, term.prefix);
}

function alternatives(phrases: QueryToken[][]): string {
  const expressions = phrases.map(phrase);
  return expressions.length === 1 ? (expressions[0] ?? '') : `(${expressions.join(' OR ')})`;
}

/** FTS5's phrase syntax: `"a" + "b"*` matches `a` followed by a token starting with `b`. */
function phrase(tokens: QueryToken[]): string {
  // Tokens hold only letters and digits; doubling quotes keeps it so if that ever changes.
  const quoted = (token: QueryToken) => `"${token.term.replaceAll('"', '""')}"`;
  return tokens.map((token) => `${quoted(token)}${token.prefix ? '*' : ''}`).join(' + ');
}
