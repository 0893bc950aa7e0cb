/**
 * exportSources: sources as Markdown files in a folder, one per source: its
 * details as YAML front matter, its text with its structure and its passages
 * highlighted, then its passages with their comments and the notes citing
 * them. Files only, never over an existing one; a failed or cancelled export
 * removes what it wrote.
 */
import type {
  ExportedSources,
  OperationContext,
  PassageView,
  SourceDetail,
  ValidArgs,
} from '../../shared/api';
import type { ReadableDB } from '../db/openDatabase';
import { quietOperation, stopIfCancelled, yieldToHost } from '../operations';
import { getSource } from '../sources/sourceQueries';
import { noteToMarkdown } from './lexicalToMarkdown';
import { exportFolder, NewFilesFolder } from './newFile';
import type { Inline } from './noteDocument';
import { requireExisting } from './requireExisting';
import { safeFileStem } from './safeFileName';
import { readSourceDocument } from './sourceDocument';

const CANCELLED = 'The export was cancelled; the files it had written were removed.';

export async function exportSources(
  db: ReadableDB,
  args: ValidArgs<'exportSources'>,
  { signal, progress }: OperationContext = quietOperation,
): Promise<ExportedSources> {
  const sourceIds = args.sourceIds
    ? requireExisting(db, 'sources', args.sourceIds)
    : librarySources(db);
  const out = new NewFilesFolder(exportFolder(args.destination));
  const noteTitle = db.prepare('SELECT title FROM notes WHERE id = ?').pluck();
  // Loaded here, not with the command: YAML is only ever written by this export.
  const { stringify } = await import('yaml');
  try {
    const sources: ExportedSources['sources'] = [];
    for (const [index, sourceId] of sourceIds.entries()) {
      stopIfCancelled(signal, CANCELLED);
      const source = getSource(db, sourceId);
      const citedBy = (passage: PassageView) =>
        passage.noteIds.map((id) => String(noteTitle.get(Number(id)) ?? `note ${id}`));
      const markdown = frontMatter(source, stringify) + sourceToMarkdown(source, citedBy);
      sources.push({
        sourceId: source.id,
        file: out.write(safeFileStem(source.title), '.md', markdown),
      });
      progress(index + 1, sourceIds.length);
      await yieldToHost();
    }
    return { folder: out.folder, sources };
  } catch (error) {
    out.removeWritten();
    throw error;
  }
}

function sourceToMarkdown(
  source: SourceDetail,
  citedBy: (passage: PassageView) => string[],
): string {
  const placed = source.passages.flatMap((passage) =>
    passage.start === null || passage.end === null
      ? []
      : [{ start: passage.start, end: passage.end }],
  );
  const blocks = readSourceDocument(source.text, source.blocks, placed);
  if (source.passages.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, inlines: [plain('Passages')] },
      {
        kind: 'list',
        listType: 'number',
        start: 1,
        items: source.passages.map((passage) => ({
          inlines: passageLines(passage, citedBy(passage)),
          checked: false,
          sublists: [],
        })),
      },
    );
  }
  return noteToMarkdown(source.title, blocks, []);
}

/** The quote, then a line each for its comment, colour and standing, and the notes citing it. */
function passageLines(passage: PassageView, notes: readonly string[]): Inline[] {
  const lines = [
    `“${passage.exact}”`,
    passage.comment && `Comment: ${passage.comment}`,
    `Colour: ${passage.color}${passage.status === 'orphaned' ? '; no longer in the current text' : ''}`,
    notes.length > 0 && `Cited by: ${notes.join('; ')}`,
  ].filter((line): line is string => typeof line === 'string' && line !== '');
  return lines.flatMap((line, index): Inline[] =>
    index === 0 ? [plain(line)] : [{ kind: 'linebreak' }, plain(line)],
  );
}

function plain(text: string): Inline {
  return { kind: 'text', text, format: 0 };
}

/** The source's details, for tools that read front matter (Obsidian, Pandoc, static site generators). */
function frontMatter(source: SourceDetail, stringify: (value: unknown) => string): string {
  const details = {
    title: source.title,
    author: source.byline,
    site: source.siteName,
    url: source.url,
    published: source.publishedAt,
    saved: source.capturedAt,
    language: source.lang,
    direction: source.dir,
    version: source.versionNumber,
    tags: source.tags.length > 0 ? source.tags : null,
    original: source.original && {
      file: source.original.fileName,
      type: source.original.mediaType,
      bytes: source.original.byteCount,
      sha256: source.original.sha256,
    },
    dossier_source_id: source.id,
  };
  const present = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== null));
  return `---\n${stringify(present)}---\n\n`;
}

function librarySources(db: ReadableDB): number[] {
  return db
    .prepare('SELECT id FROM sources WHERE deleted_at IS NULL ORDER BY id')
    .pluck()
    .all() as number[];
}
