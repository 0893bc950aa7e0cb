/** The two kinds of items that carry tags, and how the SQL reaches each one's tags. */
export interface TaggedKind {
  /** For messages: "No source with id 7". */
  noun: 'source' | 'note';
  items: 'sources' | 'notes';
  links: 'source_tags' | 'note_tags';
  itemColumn: 'source_id' | 'note_id';
}

export const taggedSources: TaggedKind = {
  noun: 'source',
  items: 'sources',
  links: 'source_tags',
  itemColumn: 'source_id',
};

export const taggedNotes: TaggedKind = {
  noun: 'note',
  items: 'notes',
  links: 'note_tags',
  itemColumn: 'note_id',
};

/**
 * A scalar subquery: the JSON array of the tag names of the item whose id is
 * `itemIdSql` (a column like `s.id`, or `?`), sorted ignoring case.
 */
export function tagNamesJsonSql(kind: TaggedKind, itemIdSql: string): string {
  return `(SELECT json_group_array(name) FROM (
            SELECT t.name FROM ${kind.links} l JOIN tags t ON t.id = l.tag_id
            WHERE l.${kind.itemColumn} = ${itemIdSql}
            ORDER BY t.name COLLATE NOCASE, t.name))`;
}

export function parseTagNames(json: string): string[] {
  return JSON.parse(json) as string[];
}
