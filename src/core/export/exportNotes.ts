/**
 * exportNotes: notes as Markdown or HTML files in a folder, with the sources
 * they cite (CSL-JSON) and the passages they cite (Web Annotations) beside
 * them. It writes files only: the notebook is read, never changed. A file is
 * never written over; a failed or cancelled export removes what it wrote.
 */
import type { ExportedNotes, OperationContext, ValidArgs } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { ReadableDB } from '../db/openDatabase';
import { timestamp } from '../db/timestamp';
import { quietOperation, stopIfCancelled, yieldToHost } from '../operations';
import { readCitedPassages, type CitedPassage } from './citedPassages';
import { cslItem } from './cslJson';
import { numberFootnotes } from './footnotes';
import { noteToHtml } from './lexicalToHtml';
import { noteToMarkdown } from './lexicalToMarkdown';
import { exportFolder, NewFilesFolder } from './newFile';
import { linkedPassageIds, readNoteDocument } from './noteDocument';
import { annotationCollection } from './webAnnotation';
import { requireExisting } from './requireExisting';
import { safeFileStem } from './safeFileName';

const WRITERS = {
  md: { extension: '.md', write: noteToMarkdown },
  html: { extension: '.html', write: noteToHtml },
} as const;

const CANCELLED = 'The export was cancelled; the files it had written were removed.';

export async function exportNotes(
  db: ReadableDB,
  args: ValidArgs<'exportNotes'>,
  { signal, progress }: OperationContext = quietOperation,
): Promise<ExportedNotes> {
  const noteIds = args.noteIds ? requireExisting(db, 'notes', args.noteIds) : notesOutsideTrash(db);
  const out = new NewFilesFolder(exportFolder(args.destination));
  const { extension, write } = WRITERS[args.format];
  // Every passage cited, in the order of its first citation.
  const cited = new Map<string, CitedPassage>();
  try {
    const notes: ExportedNotes['notes'] = [];
    for (const [index, noteId] of noteIds.entries()) {
      stopIfCancelled(signal, CANCELLED);
      const note = readNote(db, noteId);
      const blocks = readNoteDocument(note.body_json);
      const passageIds = linkedPassageIds(blocks);
      const passages = readCitedPassages(db, passageIds);
      for (const passage of passages.values()) cited.set(passage.id, passage);
      const text = write(note.title, blocks, numberFootnotes(passageIds, passages));
      notes.push({
        noteId: String(noteId),
        file: out.write(safeFileStem(note.title), extension, text),
      });
      progress(index + 1, noteIds.length);
      await yieldToHost();
    }
    const passages = [...cited.values()];
    const sources = new Map(passages.map(({ source }) => [source.id, source]));
    const sourcesFile = out.write('sources', '.csl.json', json([...sources.values()].map(cslItem)));
    const annotations = annotationCollection(passages, timestamp());
    const annotationsFile = out.write('annotations', '.jsonld', json(annotations));
    return {
      folder: out.folder,
      notes,
      sourcesFile,
      annotationsFile,
      sourceCount: sources.size,
      passageCount: passages.length,
    };
  } catch (error) {
    out.removeWritten();
    throw error;
  }
}

function notesOutsideTrash(db: ReadableDB): number[] {
  return db
    .prepare('SELECT id FROM notes WHERE deleted_at IS NULL ORDER BY id')
    .pluck()
    .all() as number[];
}

/** The notes asked for, once each, in the order asked; not_found names those that do not exist. */
function readNote(db: ReadableDB, noteId: number): { title: string; body_json: string } {
  const note = db.prepare('SELECT title, body_json FROM notes WHERE id = ?').get(noteId) as
    | { title: string; body_json: string }
    | undefined;
  // Deleted for good by another window while the export ran.
  if (!note)
    throw new DossierError('not_found', `No note with id ${noteId}; nothing was exported.`);
  return note;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
