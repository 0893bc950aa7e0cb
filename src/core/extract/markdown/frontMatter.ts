import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { NO_METADATA, type DocumentMetadata } from '../../../shared/documentModel';
import { cleanField, MAX_EXCERPT } from '../html/oneLine';
import { direction, isoDate, languageTag } from '../html/pageMetadata';
import { webAddress } from '../html/safeUrls';

export interface FrontMatter {
  /** The front matter's title, if it names one. */
  title: string | null;
  metadata: DocumentMetadata;
  /** The Markdown after the front matter. */
  body: string;
}

/** `---` YAML `---` (or `...`), or `+++` TOML `+++`, on the very first line. */
const YAML_BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const TOML_BLOCK = /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/;

/**
 * Reads the front matter static site generators put at the top of a Markdown
 * file as the document's metadata. A block that does not parse as a mapping
 * is left in the text (nothing the author wrote is dropped unread).
 */
export function readFrontMatter(markdown: string): FrontMatter {
  const block =
    parseBlock(markdown, YAML_BLOCK, parseYamlMapping) ??
    parseBlock(markdown, TOML_BLOCK, parseToml);
  if (!block) return { title: null, metadata: NO_METADATA, body: markdown };
  const field = (...keys: string[]) => keys.map((key) => block.fields[key]).find(isSet);
  return {
    title: text(field('title')),
    body: block.body,
    metadata: {
      ...NO_METADATA,
      byline: names(field('author', 'authors', 'creator')),
      siteName: text(field('site', 'site_name', 'siteName')),
      publishedAt: isoDate(dateText(field('date', 'published', 'pubDate', 'publishDate'))),
      lang: languageTag(text(field('lang', 'language'))),
      dir: direction(text(field('dir'))),
      canonicalUrl: webAddress(
        text(field('canonical_url', 'canonicalUrl', 'canonical', 'url')),
        null,
      ),
      excerpt: cleanField(text(field('description', 'summary', 'excerpt')), MAX_EXCERPT),
    },
  };
}

type Fields = Record<string, unknown>;

function parseBlock(
  markdown: string,
  pattern: RegExp,
  parse: (source: string) => unknown,
): { fields: Fields; body: string } | null {
  const match = pattern.exec(markdown);
  if (!match) return null;
  let parsed: unknown;
  try {
    parsed = parse(match[1]!);
  } catch {
    return null;
  }
  return isMapping(parsed) ? { fields: parsed, body: markdown.slice(match[0].length) } : null;
}

function parseYamlMapping(source: string): unknown {
  // The core schema leaves dates as strings; aliases are capped against "billion laughs".
  return parseYaml(source, { schema: 'core', uniqueKeys: false, maxAliasCount: 100 });
}

function isMapping(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** A scalar as text (cleaned), or null for anything else. */
function text(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? cleanField(String(value)) : null;
}

/** `author: A`, `authors: [A, B]`, or people as `{ name: A }`. */
function names(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const found = list
    .map((person) => (isMapping(person) ? text(person.name) : text(person)))
    .filter((name): name is string => name !== null);
  return found.length > 0 ? found.join(', ') : null;
}

/** TOML's dates arrive as Date objects, which print a local date as the date alone. */
function dateText(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return text(value);
}
