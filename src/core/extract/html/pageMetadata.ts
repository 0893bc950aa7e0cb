/**
 * What a web page says about itself outside its text: `<html lang dir>`,
 * `<base>`, `<link rel=canonical>`, Open Graph and article meta tags, JSON-LD
 * and `<time datetime>`. Read-only; every value is cleaned and may be null.
 */
import type { DocumentMetadata } from '../../../shared/documentModel';
import { cleanField, MAX_EXCERPT } from './oneLine';
import { webAddress } from './safeUrls';

export interface PageMetadata extends DocumentMetadata {
  /** The headline the page's metadata gives (JSON-LD, Open Graph, Twitter), not its `<title>`. */
  headline: string | null;
  /** What relative addresses on the page are resolved against: its `<base>`, its address, its canonical address. */
  baseUrl: string | null;
}

/** schema.org's article types: Article, NewsArticle, BlogPosting, SocialMediaPosting, Report… */
const ARTICLE_TYPE = /(?:Article|Posting|Report)$/;

export function readPageMetadata(document: Document, pageUrl?: string | null): PageMetadata {
  const meta = metaValues(document);
  const jsonLd = readJsonLd(document);
  const root = document.documentElement;
  const address = webAddress(pageUrl, null);
  // As in a browser, the page's <base> (itself relative to the page's address) wins.
  const base =
    webAddress(document.querySelector('base[href]')?.getAttribute('href'), address) ?? address;
  const canonicalUrl =
    webAddress(canonicalHref(document), base) ?? webAddress(meta.get('og:url'), base);

  return {
    headline: cleanField(jsonLd.headline ?? meta.get('og:title') ?? meta.get('twitter:title')),
    byline: cleanField(
      jsonLd.author ??
        meta.get('author') ??
        notAnAddress(meta.get('article:author')) ??
        meta.get('dc.creator') ??
        meta.get('parsely-author'),
    ),
    siteName: cleanField(
      meta.get('og:site_name') ?? jsonLd.publisher ?? meta.get('application-name'),
    ),
    publishedAt:
      [
        jsonLd.datePublished,
        meta.get('article:published_time'),
        meta.get('datepublished'),
        meta.get('dc.date.issued'),
        meta.get('dcterms.created'),
        meta.get('dc.date'),
        meta.get('date'),
        meta.get('pubdate'),
        meta.get('citation_publication_date'),
        timeDatetime(document),
      ]
        .map(isoDate)
        .find((date) => date !== null) ?? null,
    lang:
      languageTag(root?.getAttribute('lang') ?? root?.getAttribute('xml:lang')) ??
      languageTag(meta.get('content-language')) ??
      languageTag(meta.get('og:locale')) ??
      languageTag(jsonLd.inLanguage),
    dir: direction(root?.getAttribute('dir')) ?? direction(document.body?.getAttribute('dir')),
    canonicalUrl: canonicalUrl ?? address,
    excerpt: cleanField(
      meta.get('og:description') ??
        meta.get('description') ??
        meta.get('twitter:description') ??
        jsonLd.description,
      MAX_EXCERPT,
    ),
    baseUrl: base ?? canonicalUrl,
  };
}

/** Meta tags by `property`, `name`, `itemprop` or `http-equiv` (lower case); the first of each wins. */
function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const tag of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = tag.getAttribute('content')!;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = tag.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !values.has(key)) values.set(key, content);
    }
  }
  return values;
}

function canonicalHref(document: Document): string | null {
  for (const link of Array.from(document.querySelectorAll('link[rel][href]'))) {
    const rel = link.getAttribute('rel')!.toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return link.getAttribute('href');
  }
  return null;
}

/** A publication date in the text: a `<time pubdate>`, an `itemprop=datePublished`, else the first `<time>`. */
function timeDatetime(document: Document): string | null {
  const marked =
    document.querySelector('time[pubdate][datetime]') ??
    document.querySelector('[itemprop="datePublished"][datetime]') ??
    document.querySelector('time[datetime]');
  return marked?.getAttribute('datetime') ?? null;
}

interface JsonLdArticle {
  headline: string | null;
  author: string | null;
  publisher: string | null;
  datePublished: string | null;
  description: string | null;
  inLanguage: string | null;
}

/** The page's JSON-LD description of its article (the first object of an article type, else one with a date). */
function readJsonLd(document: Document): Partial<JsonLdArticle> {
  const candidates: Record<string, unknown>[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type]'))) {
    if (script.getAttribute('type')!.trim().toLowerCase() !== 'application/ld+json') continue;
    const source = (script.textContent ?? '').replace(
      /^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g,
      '',
    );
    try {
      collectObjects(JSON.parse(source), candidates);
    } catch {
      // A broken JSON-LD block says nothing.
    }
  }
  const article =
    candidates.find((candidate) => typesOf(candidate).some((type) => ARTICLE_TYPE.test(type))) ??
    candidates.find((candidate) => typeof candidate.datePublished === 'string');
  if (!article) return {};
  return {
    headline: stringValue(article.headline) ?? stringValue(article.name),
    author: names(article.author),
    publisher: names(article.publisher),
    datePublished: stringValue(article.datePublished),
    description: stringValue(article.description),
    inLanguage: stringValue(article.inLanguage),
  };
}

/** How many values of a page's JSON-LD are looked at: a description is a few objects, a page may hold anything. */
const MAX_JSON_LD_VALUES = 10_000;

/** The objects of a JSON-LD value, its arrays and `@graph`s opened (with a queue: nesting cannot overflow the stack). */
function collectObjects(value: unknown, into: Record<string, unknown>[]): void {
  const pending = [value];
  for (let index = 0; index < pending.length && index < MAX_JSON_LD_VALUES; index++) {
    const item = pending[index];
    if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (item && typeof item === 'object') {
      const object = item as Record<string, unknown>;
      into.push(object);
      if (object['@graph']) pending.push(object['@graph']);
    }
  }
}

function typesOf(object: Record<string, unknown>): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter(
    (item): item is string => typeof item === 'string',
  );
}

function stringValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A person or organisation as JSON-LD gives it: a name, an object with a name, or a list of them. */
function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((item) =>
      typeof item === 'string' ? item : stringValue((item as { name?: unknown } | null)?.name),
    )
    .map((name) => notAnAddress(name))
    .filter((name): name is string => !!name && name.trim() !== '');
  return list.length > 0 ? list.join(', ') : null;
}

/** Some pages give an author's profile address where the name belongs. */
function notAnAddress(value: string | null | undefined): string | null {
  return value && !/^https?:\/\//i.test(value.trim()) ? value : null;
}

/** A BCP 47 tag in its canonical form (`en_US` → `en-US`), or null when it is not one. */
export function languageTag(value: string | null | undefined): string | null {
  const candidate = value?.trim().replace(/_/g, '-');
  if (!candidate || !/^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i.test(candidate)) return null;
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? null;
  } catch {
    return null;
  }
}

export function direction(value: string | null | undefined): 'ltr' | 'rtl' | null {
  const lower = value?.trim().toLowerCase();
  return lower === 'ltr' || lower === 'rtl' ? lower : null;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const NUMERIC_DATE = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;

/**
 * A date as ISO 8601: kept as written when it already is (a date, or a date
 * and time), a written date without a time as that day, anything else that
 * parses as the UTC instant it names; null when it is no date.
 */
export function isoDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) {
    const normalised = text.replace(' ', 'T').replace(',', '.');
    const checked = iso[4] === undefined ? `${normalised}T00:00:00Z` : normalised;
    return plausible(Date.parse(checked)) ? normalised : null;
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    return dateOnly(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  }
  const time = Date.parse(text);
  if (!plausible(time)) return null;
  if (/\d:\d\d/.test(text)) return new Date(time).toISOString();
  // Without a time, the engine reads the day at local midnight: keep that day.
  const day = new Date(time);
  return dateOnly(day.getFullYear(), day.getMonth() + 1, day.getDate());
}

function dateOnly(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || !plausible(date.getTime())) return null;
  return date.toISOString().slice(0, 10);
}

/** Years 1000–9999: what ISO 8601's four digits can say, and nothing a page means by a stray number. */
function plausible(time: number): boolean {
  if (!Number.isFinite(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= 1000 && year <= 9999;
}
