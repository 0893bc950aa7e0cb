import type { NoteReference } from '../../../shared/api';
import { truncate } from '../../../shared/text';
import { api } from '../../api/client';
import { useLiveQuery } from '../../app/useLiveQuery';

interface NoteReferencesProps {
  noteId: string;
  onOpenPassage: (sourceId: string, passageId: string) => void;
  onOpenNote: (noteId: string) => void;
}

/** Words of a quote shown in the list: enough to recognise it. */
const QUOTE_LENGTH = 140;

/**
 * Beneath the note: the sources and passages it cites, in the order it cites
 * them, the notes it links to, and the notes that link to it. Read from the
 * saved note, so it follows the text a moment after typing.
 */
export function NoteReferences({ noteId, onOpenPassage, onOpenNote }: NoteReferencesProps) {
  const references = useLiveQuery(
    ['notes', 'passages', 'sources'],
    `note-references:${noteId}`,
    () => api.getNoteReferences({ noteId }),
  );
  const data = references.data;
  if (!data) return null;
  const cited = data.cites.reduce((count, source) => count + source.passages.length, 0);

  return (
    <details className="note-references" data-testid="note-references" open>
      <summary>
        References{' '}
        <span className="note-references-count">
          {cited} cited · {data.linkedFrom.length} linking here
        </span>
      </summary>
      <section aria-label="Cites">
        <h3>Cites</h3>
        {data.cites.length === 0 ? (
          <p className="empty-state">
            No passages yet: select words in an article, then Link in note or Quote in note.
          </p>
        ) : (
          <ol className="note-cites" data-testid="note-cites">
            {data.cites.map((source) => (
              <li key={source.sourceId}>
                <span className="note-cites-source" dir="auto">
                  {source.title}
                  {source.site && <span className="note-cites-site"> · {source.site}</span>}
                  {source.inTrash && <span className="note-cites-flag"> (in the trash)</span>}
                </span>
                <ol>
                  {source.passages.map((passage) => (
                    <li key={passage.passageId}>
                      <button
                        type="button"
                        className="note-reference-button"
                        dir="auto"
                        onClick={() => onOpenPassage(source.sourceId, passage.passageId)}
                      >
                        “{truncate(passage.exact, QUOTE_LENGTH)}”
                      </button>
                      {passage.status === 'orphaned' && (
                        <span className="note-cites-flag"> gone from the current version</span>
                      )}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        )}
      </section>
      <NoteList
        label="Links to"
        testId="note-links-to"
        notes={data.linksTo}
        empty="No links to other notes: type [[ to link one."
        onOpenNote={onOpenNote}
      />
      <NoteList
        label="Linked from"
        testId="note-linked-from"
        notes={data.linkedFrom}
        empty="No note links here yet."
        onOpenNote={onOpenNote}
      />
    </details>
  );
}

function NoteList({
  label,
  testId,
  notes,
  empty,
  onOpenNote,
}: {
  label: string;
  testId: string;
  notes: readonly NoteReference[];
  empty: string;
  onOpenNote: (noteId: string) => void;
}) {
  return (
    <section aria-label={label}>
      <h3>{label}</h3>
      {notes.length === 0 ? (
        <p className="empty-state">{empty}</p>
      ) : (
        <ul className="note-reference-list" data-testid={testId}>
          {notes.map((note) => (
            <li key={note.noteId}>
              <button
                type="button"
                className="note-reference-button"
                dir="auto"
                onClick={() => onOpenNote(note.noteId)}
              >
                {note.title}
              </button>
              {note.inTrash && <span className="note-cites-flag"> (in the trash)</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
