/** Dates, languages and sizes of a source, written the way the reader's own locale writes them. */

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A published date: a bare date stays that day wherever the reader is (it is
 * read as UTC and shown as UTC), a date and time is shown in local time.
 */
export function formatPublishedDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'long',
    ...(dateOnly.test(iso) ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** A moment (when something was captured), with its time. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** A language tag's name in the reader's language (`fa` → "Persian"), or the tag when unknown. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function formatByteCount(bytes: number): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes < 1024) return format(bytes, bytes === 1 ? 'byte' : 'bytes');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
  return format(bytes / 1024 / 1024, 'MB');
}
