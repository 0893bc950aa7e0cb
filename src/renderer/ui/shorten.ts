import { truncate } from '../../shared/text';

/** A label-sized start of `text`: at most `max` characters, with "…" when cut. */
export function shorten(text: string, max = 60): string {
  return truncate(text.trim(), max);
}
