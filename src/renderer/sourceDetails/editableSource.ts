import type { ApiArgs, SourceDetail } from '../../shared/api';

/** What the "Edit details" dialog shows and changes of a source. */
export type EditableSource = Pick<
  SourceDetail,
  'id' | 'title' | 'byline' | 'siteName' | 'url' | 'publishedAt' | 'lang' | 'dir'
>;

/** The dialog's fields as typed (an empty field means "not known"). */
export interface SourceForm {
  title: string;
  byline: string;
  siteName: string;
  url: string;
  /** YYYY-MM-DD, what a date input holds. */
  publishedDate: string;
  lang: string;
  dir: '' | 'ltr' | 'rtl';
}

type SourceChanges = Omit<ApiArgs<'editSource'>, 'sourceId'>;

export function formFields(source: EditableSource): SourceForm {
  return {
    title: source.title,
    byline: source.byline ?? '',
    siteName: source.siteName ?? '',
    url: source.url ?? '',
    publishedDate: source.publishedAt?.slice(0, 10) ?? '',
    lang: source.lang ?? '',
    dir: source.dir ?? '',
  };
}

/**
 * Only the fields that differ from the source: an unchanged date keeps its
 * time of day, and a cleared field is sent as null.
 */
export function changedFields(source: EditableSource, form: SourceForm): SourceChanges {
  const before = formFields(source);
  const changes: SourceChanges = {};
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  if (form.title.trim() !== before.title.trim()) changes.title = form.title.trim();
  if (form.byline !== before.byline) changes.byline = orNull(form.byline);
  if (form.siteName !== before.siteName) changes.siteName = orNull(form.siteName);
  if (form.url !== before.url) changes.url = orNull(form.url);
  if (form.publishedDate !== before.publishedDate) changes.publishedAt = orNull(form.publishedDate);
  if (form.lang !== before.lang) changes.lang = orNull(form.lang);
  if (form.dir !== before.dir) changes.dir = form.dir === '' ? null : form.dir;
  return changes;
}
