import { useState } from 'react';
import type { CollectionSummary, ExportedNotes, NoteSummary } from '../../shared/api';
import { plural } from '../../shared/text';
import { api } from '../api/client';
import { useLiveQuery } from '../app/useLiveQuery';
import { isolate } from '../ui/bidi';
import { DialogButtons } from '../ui/DialogButtons';
import { ModalDialog } from '../ui/ModalDialog';
import { useNotesExport } from './useNotesExport';

interface ExportNotesDialogProps {
  /** The note open in the editor, offered as "this note". */
  openNoteId: string | null;
  /** The collection the library is narrowed to, offered first. */
  collectionId: string | null;
  onClose: () => void;
}

type Format = 'md' | 'html';
type Scope = 'note' | 'all' | 'collection';

const formatLabels: Record<Format, string> = { md: 'Markdown', html: 'HTML (standalone pages)' };

/** Names listed in the result before "and N more". */
const namesShown = 5;

/**
 * Notes written out as Markdown or HTML files into a folder on this computer
 * (typed, as browser mode has no folder picker): the open note, every note,
 * or a collection's. Shows its progress (with Cancel), then what it wrote
 * where, or why it could not. Mount it only while it is shown.
 */
export function ExportNotesDialog({ openNoteId, collectionId, onClose }: ExportNotesDialogProps) {
  const notes = useLiveQuery(['notes'], 'export-notes:notes', () => api.listNotes({}));
  const collections = useLiveQuery(['collections'], 'export-notes:collections', () =>
    api.listCollections({}),
  );
  const exporter = useNotesExport();
  const [format, setFormat] = useState<Format>('md');
  const [scope, setScope] = useState<Scope>(
    openNoteId ? 'note' : collectionId ? 'collection' : 'all',
  );
  const [chosenCollection, setChosenCollection] = useState(collectionId ?? '');
  const [destination, setDestination] = useState('');

  const allNotes = notes.data ?? [];
  const openNote = allNotes.find((note) => note.id === openNoteId);
  const collectionList = collections.data ?? [];
  const collection = collectionList.find(({ id }) => id === chosenCollection) ?? collectionList[0];
  const chosen = notesInScope(scope, allNotes, openNote, collection);
  const { state } = exporter;
  const running = state.phase === 'running';

  const submit = () => {
    if (!chosen || chosen.length === 0 || destination.trim() === '') return;
    const noteIds = scope === 'all' ? undefined : chosen.map((note) => note.id);
    void exporter.start({ format, destination: destination.trim(), noteIds }, chosen.length);
  };
  const close = () => {
    exporter.cancel();
    onClose();
  };

  return (
    <ModalDialog
      heading="Export notes"
      onClose={close}
      className="export-notes"
      testId="export-notes-dialog"
    >
      {state.phase === 'finished' ? (
        <ExportResult exported={state.exported} onClose={close} />
      ) : (
        <form
          method="dialog"
          className="export-notes-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <fieldset disabled={running}>
            <legend>Format</legend>
            {(['md', 'html'] as const).map((value) => (
              <label key={value} className="export-choice">
                <input
                  type="radio"
                  name="export-format"
                  value={value}
                  checked={format === value}
                  onChange={() => setFormat(value)}
                />
                {formatLabels[value]}
              </label>
            ))}
          </fieldset>
          <fieldset disabled={running}>
            <legend>Notes</legend>
            <label className="export-choice">
              <input
                type="radio"
                name="export-scope"
                checked={scope === 'note'}
                disabled={!openNote}
                onChange={() => setScope('note')}
              />
              {openNote ? <>This note: {isolate(openNote.title)}</> : 'This note (none is open)'}
            </label>
            <label className="export-choice">
              <input
                type="radio"
                name="export-scope"
                checked={scope === 'all'}
                onChange={() => setScope('all')}
              />
              All notes ({allNotes.length})
            </label>
            <label className="export-choice">
              <input
                type="radio"
                name="export-scope"
                checked={scope === 'collection'}
                disabled={collectionList.length === 0}
                onChange={() => setScope('collection')}
              />
              The notes in a collection
            </label>
            {scope === 'collection' && collection && (
              <select
                className="export-collection"
                aria-label="Collection"
                dir="auto"
                value={collection.id}
                onChange={(event) => setChosenCollection(event.target.value)}
              >
                {collectionList.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name} ({plural(item.noteCount, 'note')})
                  </option>
                ))}
              </select>
            )}
          </fieldset>
          <label className="field">
            <span>Into a folder on this computer (created if it does not exist)</span>
            <input
              dir="auto"
              data-testid="export-destination"
              placeholder="/path/to/exported-notes"
              value={destination}
              disabled={running}
              onChange={(event) => setDestination(event.target.value)}
            />
          </label>
          {chosen?.length === 0 && (
            <p className="dialog-message" role="status">
              There are no notes to export here.
            </p>
          )}
          {state.phase === 'failed' && (
            <p className="dialog-message" role="alert" data-testid="export-error">
              Could not export the notes: {state.message}
            </p>
          )}
          {running ? (
            <div className="export-progress" role="status">
              <progress value={state.done} max={state.total} />
              <span>
                Exported {state.done} of {plural(state.total, 'note')}…
              </span>
              <button type="button" className="button" onClick={exporter.cancel}>
                Cancel
              </button>
            </div>
          ) : (
            <DialogButtons
              onCancel={close}
              disabled={!chosen || chosen.length === 0 || destination.trim() === ''}
              submitTestId="export-notes-submit"
            >
              Export {chosen ? plural(chosen.length, 'note') : 'notes'}
            </DialogButtons>
          )}
        </form>
      )}
    </ModalDialog>
  );
}

/** The notes a choice covers; undefined while they are not known yet. */
function notesInScope(
  scope: Scope,
  notes: NoteSummary[],
  openNote: NoteSummary | undefined,
  collection: CollectionSummary | undefined,
): NoteSummary[] | undefined {
  switch (scope) {
    case 'note':
      return openNote && [openNote];
    case 'all':
      return notes;
    case 'collection':
      return collection && notes.filter((note) => note.collectionIds.includes(collection.id));
  }
}

function ExportResult({ exported, onClose }: { exported: ExportedNotes; onClose: () => void }) {
  const names = exported.notes.map(({ file }) => baseName(file));
  const more = names.length - namesShown;
  return (
    <div className="export-result" role="status" data-testid="export-result">
      <p>
        Wrote {plural(names.length, 'note')} to <span dir="auto">{exported.folder}</span>:
      </p>
      <ul className="export-files">
        {names.slice(0, namesShown).map((name) => (
          <li key={name} dir="auto">
            {name}
          </li>
        ))}
        {more > 0 && <li>and {more} more</li>}
      </ul>
      <p>
        With {baseName(exported.sourcesFile)} ({plural(exported.sourceCount, 'source')} cited, for
        Zotero and Pandoc) and {baseName(exported.annotationsFile)} (
        {plural(exported.passageCount, 'passage')} as Web Annotations).
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** The file's name without its folder (the core writes either separator's paths). */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
