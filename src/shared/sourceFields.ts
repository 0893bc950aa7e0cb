/**
 * What the analyst may write into a source's own fields (`editSource`): a
 * title, one-line byline and site, a web address, a date, a language tag and
 * a text direction. Each check answers with a message that says what to write.
 */
import { z } from 'zod';

export const MAX_SOURCE_TITLE_LENGTH = 200;
export const MAX_SOURCE_FIELD_LENGTH = 200;
const MAX_URL_LENGTH = 8000;

const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
/** A BCP 47-like language tag: `en`, `fa-IR`, `zh-Hant-TW`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** Characters as the analyst counts them (code points), not UTF-16 units. */
const characterCount = (text: string) => [...text].length;

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** `YYYY-MM-DD`, or a date and time with its offset (`2024-03-26T14:05:00Z`), on a day that exists. */
export function isPublishedDate(text: string): boolean {
  const parts = DAY.exec(text) ?? DATE_TIME.exec(text);
  return parts !== null && isRealDay(Number(parts[1]), Number(parts[2]), Number(parts[3]));
}

export function isWebAddress(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'http:' || protocol === 'https:';
}

/** An empty (or blank) value clears the field. */
const cleared = (text: string) => (text === '' ? null : text);

const oneLine = (what: string, max: number) =>
  z
    .string()
    .trim()
    .refine((text) => !LINE_BREAK.test(text), `${what} must be one line`)
    .refine((text) => characterCount(text) <= max, `${what} has at most ${max} characters`);

export const sourceTitle = oneLine('a title', MAX_SOURCE_TITLE_LENGTH).refine(
  (text) => text !== '',
  'a title cannot be empty',
);

export const sourceByline = oneLine('an author', MAX_SOURCE_FIELD_LENGTH)
  .transform(cleared)
  .nullable();

export const sourceSiteName = oneLine('a site name', MAX_SOURCE_FIELD_LENGTH)
  .transform(cleared)
  .nullable();

/** Kept as the URL standard writes it (`https://Example.com` → `https://example.com/`). */
export const sourceUrl = z
  .string()
  .trim()
  .max(MAX_URL_LENGTH, `an address has at most ${MAX_URL_LENGTH} characters`)
  .refine(
    (text) => text === '' || isWebAddress(text),
    'must be an absolute http or https address, like https://example.com/article',
  )
  .transform((text) => (text === '' ? null : new URL(text).href))
  .nullable();

export const sourcePublishedAt = z
  .string()
  .trim()
  .refine(
    (text) => text === '' || isPublishedDate(text),
    'must be a real day written YYYY-MM-DD (like 2024-03-26) or a date and time like 2024-03-26T14:05:00Z',
  )
  .transform(cleared)
  .nullable();

export const sourceLang = z
  .string()
  .trim()
  .refine(
    (text) => text === '' || LANGUAGE_TAG.test(text),
    'must be a language tag like en, fa or zh-Hant',
  )
  .transform(cleared)
  .nullable();

export const sourceDir = z.enum(['ltr', 'rtl'], 'must be ltr or rtl').nullable();
