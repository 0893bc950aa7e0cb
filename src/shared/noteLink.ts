/**
 * The node type of a link from one note to another in a serialised note body
 * (typed as `[[` in the editor). The editor writes it; the core reads it for
 * backlinks and renames its text when the linked note is renamed.
 */
export const NOTE_LINK_TYPE = 'note-link';

/** The title a note goes by in links and lists: an empty one reads "Untitled note". */
export function noteDisplayTitle(title: string): string {
  return title.trim() || 'Untitled note';
}
