/**
 * The one typed contract between the UI and the core.
 *
 * Every operation is named once in `apiArgs` (its argument schema), once in
 * `ApiResults` (its result type) and once in `apiMethods` (query or mutation,
 * what it changes, whether it is long). Electron's IPC handlers, the preload
 * bridge, the browser-mode HTTP routes and the renderer's client are all
 * derived from these, so a method cannot exist on one side only.
 *
 * Ids are strings on the wire (SQLite rowids rendered as decimal).
 */
import { z } from 'zod';
import type { ApiMethodName, LongMethodName } from './apiMethods';
import type { ErrorInfo } from './errors';
import { ID_PATTERN } from './ids';
import type { NotebookEvent } from './notebookEvents';
import {
  MAX_TAG_LENGTH,
  MAX_TAGS_PER_ITEM,
  TAG_SEPARATORS,
  normalizeTag,
  tagLength,
  uniqueTags,
} from './tags';

const id = z.string().regex(ID_PATTERN, 'must be a positive integer id written as a string');
const title = z.string().trim().min(1).max(500);
/** A Lexical editor state, serialised. The core checks its shape, not its meaning. */
const noteBody = z.string().min(2).max(20_000_000);
const tagName = z
  .string()
  .transform(normalizeTag)
  .refine((tag) => tag !== '', 'a tag cannot be empty')
  .refine(
    (tag) => tagLength(tag) <= MAX_TAG_LENGTH,
    `a tag has at most ${MAX_TAG_LENGTH} characters`,
  )
  .refine((tag) => !TAG_SEPARATORS.test(tag), 'a tag cannot contain a comma or a line break');
/** The item's whole set of tags: duplicates (ignoring case) dropped, the first spelling kept. */
const tagList = z
  .array(tagName)
  .max(1000)
  .transform(uniqueTags)
  .refine((tags) => tags.length <= MAX_TAGS_PER_ITEM, `at most ${MAX_TAGS_PER_ITEM} tags`);

const fileToImport = z.object({
  fileName: z.string().min(1).max(1000),
  /** The file's bytes, base64-encoded, so the core can reject binary or badly encoded input. */
  contentBase64: z.string().max(80_000_000),
});
/** Names a long operation so its progress can be followed and it can be cancelled. */
const operationId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');

export const apiArgs = {
  importFile: fileToImport,
  importText: z.object({
    text: z.string().max(60_000_000),
    title: title.optional(),
  }),
  /** Several files at once; each file's outcome is reported apart, and a bad file stops nothing. */
  importFiles: z.object({
    files: z.array(fileToImport).min(1).max(10_000),
    operationId: operationId.optional(),
  }),
  listSources: z.object({}),
  getSource: z.object({ sourceId: id }),
  markPassage: z.union([
    z.object({
      sourceId: id,
      /** Offsets into the current version's text, in UTF-16 code units. */
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
    }),
    z.object({
      sourceId: id,
      quote: z.string().min(1).max(100_000),
      /** 1-based; required when the quote occurs more than once. */
      occurrence: z.number().int().positive().optional(),
    }),
  ]),
  deletePassage: z.object({ passageId: id }),
  getPassage: z.object({ passageId: id }),
  /** A source's passages in reading order, each with its backlinks. */
  listPassages: z.object({ sourceId: id }),
  listNotes: z.object({}),
  getNote: z.object({ noteId: id }),
  createNote: z.object({
    title: title,
    /** Plain text, one paragraph per line; used when `body` is absent. */
    text: z.string().max(10_000_000).optional(),
    /** Passages to link, each appended as its own paragraph with the quote as link text. */
    passageIds: z.array(id).max(1000).optional(),
    body: noteBody.optional(),
  }),
  saveNote: z.object({ noteId: id, title: title, body: noteBody }),
  deleteNote: z.object({ noteId: id }),
  restoreNote: z.object({ noteId: id }),
  setSourceTags: z.object({ sourceId: id, tags: tagList }),
  setNoteTags: z.object({ noteId: id, tags: tagList }),
  listTags: z.object({}),
  search: z.object({
    query: z.string().max(2000),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  /** Copies the notebook to a new file on this computer (never over an existing one). */
  backupNotebook: z.object({
    destination: z.string().min(1).max(4096),
    operationId: operationId.optional(),
  }),
  checkNotebook: z.object({ operationId: operationId.optional() }),
  rebuildSearchIndex: z.object({ operationId: operationId.optional() }),
  cancelOperation: z.object({ operationId }),
} as const;

export type ApiMethod = keyof typeof apiArgs;
/** Arguments as a caller writes them. */
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;
/** Arguments after validation, as the core receives them. */
export type ValidArgs<M extends ApiMethod> = z.output<(typeof apiArgs)[M]>;

/** A file or text that was imported, or found already saved (`duplicate`: the same text). */
export interface ImportedSource {
  status: 'imported' | 'duplicate';
  sourceId: string;
  title: string;
}

/** One file of a batch import: what became of it. */
export type FileImportOutcome =
  | (ImportedSource & { fileName: string })
  | { status: 'error'; fileName: string; error: ErrorInfo };

export interface SourceSummary {
  id: string;
  title: string;
  kind: 'text';
  lang: string | null;
  capturedAt: string;
  passageCount: number;
  charCount: number;
  /** Sorted ignoring case. */
  tags: string[];
}

export type BlockKind = 'title' | 'paragraph';
/** A block of the version text: `text.slice(start, end)`, UTF-16 code units. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';
export interface PassageView {
  id: string;
  sourceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets into the source's current version text, UTF-16 code units. */
  start: number;
  end: number;
  status: AnchorStatus;
  createdAt: string;
  /** Notes whose body links to this passage (backlinks), newest first. */
  noteIds: string[];
}

export interface SourceDetail extends SourceSummary {
  versionId: string;
  /** The current version's full text: NFC, blocks separated by a blank line. */
  text: string;
  blocks: Block[];
  passages: PassageView[];
}

export interface MarkedPassage {
  passageId: string;
  start: number;
  end: number;
}

export interface NoteSummary {
  id: string;
  title: string;
  /** Plain text of the body, for previews and search. */
  text: string;
  passageIds: string[];
  /** Sorted ignoring case. */
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface NoteDetail extends NoteSummary {
  /** Serialised Lexical editor state. */
  body: string;
}

export interface TagSummary {
  name: string;
  sourceCount: number;
  /** Notes not in the trash. */
  noteCount: number;
}

/** A search result: a source, a passage or a note, told apart by `kind`. */
export type SearchHit = SourceHit | PassageHit | NoteHit;
export type SearchHitKind = SearchHit['kind'];

interface SearchHitFields {
  /** The id of the source, passage or note. */
  id: string;
  /** The source's or note's title; for a passage, its source's. */
  title: string;
  /** Plain text around the best match, taken from the original (unfolded) text. */
  snippet: string;
  /** Ranges of `snippet` that matched the query, UTF-16 code units, end exclusive. */
  highlights: Array<[number, number]>;
  /**
   * Higher is better, and comparable only within one list of results. For a query
   * with words, 1 / the hit's rank among the results of its kind (bm25 order), so
   * the best source, passage and note each score 1; hits of equal score come
   * newest first. For a query of filters or exclusions alone, 0 (newest first).
   */
  score: number;
}

export interface SourceHit extends SearchHitFields {
  kind: 'source';
}

export interface PassageHit extends SearchHitFields {
  kind: 'passage';
  /** The source the passage was marked in. */
  sourceId: string;
  /** The notes (not in the trash) that link to (quote) the passage, newest first. */
  noteIds: string[];
}

export interface NoteHit extends SearchHitFields {
  kind: 'note';
}

export interface BackupResult {
  file: string;
  bytes: number;
  schemaVersion: number;
}

export interface CheckReport {
  ok: boolean;
  /** One readable line per problem found. */
  problems: string[];
  counts: { sources: number; passages: number; notes: number };
}

/** How many rows the rebuilt search index holds. */
export interface SearchIndexCounts {
  sources: number;
  passages: number;
  notes: number;
}

export interface ApiResults {
  importFile: ImportedSource;
  importText: ImportedSource;
  importFiles: FileImportOutcome[];
  listSources: SourceSummary[];
  getSource: SourceDetail;
  markPassage: MarkedPassage;
  deletePassage: { deleted: true };
  getPassage: PassageView;
  listPassages: PassageView[];
  listNotes: NoteSummary[];
  getNote: NoteDetail;
  createNote: { noteId: string };
  saveNote: { updatedAt: string };
  deleteNote: { deleted: true };
  restoreNote: { restored: true };
  setSourceTags: { tags: string[] };
  setNoteTags: { tags: string[] };
  listTags: TagSummary[];
  search: SearchHit[];
  backupNotebook: BackupResult;
  checkNotebook: CheckReport;
  rebuildSearchIndex: SearchIndexCounts;
  /** False when no operation of that id runs here (it finished, or never began). */
  cancelOperation: { cancelled: boolean };
}

/** Compile-time checks that the argument map, the result map and the name list agree. */
type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : never
  : never;
export const contractIsComplete: SameKeys<typeof apiArgs, ApiResults> = true;
export const methodNamesAreComplete: SameKeys<
  Record<ApiMethodName, true>,
  Record<ApiMethod, true>
> = true;

/** What the renderer (and any other client) calls: every method, async. */
export type DossierApi = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResults[M]>;
};

/** What a long method is given: a way to report progress and a signal that says stop. */
export interface OperationContext {
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

/**
 * What the core implements, with already-validated arguments: synchronous
 * (better-sqlite3), except long methods, which yield between steps so that
 * their host can hear a cancel.
 */
export type CoreApi = {
  [M in ApiMethod]: M extends LongMethodName
    ? (args: ValidArgs<M>, operation?: OperationContext) => Promise<ApiResults[M]>
    : (args: ValidArgs<M>) => ApiResults[M];
};

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/**
 * What the Electron preload exposes as `window.dossier`: every contract method,
 * answering with an ApiResponse (errors keep their code across the bridge),
 * the notebook's events, and the one lifecycle hook the window needs.
 */
export type DossierBridge = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResponse<ApiResults[M]>>;
} & {
  /** Calls `listener` for every change and progress event; returns the unsubscribe. */
  onNotebookEvent(listener: (event: NotebookEvent) => void): () => void;
  /** Registers the renderer's flush (pending note saves) that main awaits before the window closes. */
  onBeforeClose(flush: () => Promise<void>): void;
};
