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
import type { ApiMethodName, CoreMethodName, LongMethodName } from './apiMethods';
import type { ErrorInfo } from './errors';
import { ID_PATTERN } from './ids';
import { MOST_SEARCH_RESULTS } from './searchPanel';
import {
  sourceByline,
  sourceDir,
  sourceLang,
  sourcePublishedAt,
  sourceSiteName,
  sourceTitle,
  sourceUrl,
} from './sourceFields';
import type { Block, SourceKind } from './documentModel';
import { highlightColors, type HighlightColor } from './passages';
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
/** The analyst's comment on a passage; an empty one clears it. */
const passageComment = z
  .string()
  .max(20_000)
  .transform((comment) => comment.trim())
  .nullable();
const highlightColor = z.enum(highlightColors);
/** What a passage may carry besides its words. */
const passageAnnotation = {
  color: highlightColor.optional(),
  comment: passageComment.optional(),
};
const collectionName = z.string().trim().min(1).max(200);
/** Sources and notes to put in (or take out of) a collection. */
const collectionItems = z
  .object({
    collectionId: id,
    sourceIds: z.array(id).max(10_000).optional(),
    noteIds: z.array(id).max(10_000).optional(),
  })
  .refine(
    ({ sourceIds = [], noteIds = [] }) => sourceIds.length + noteIds.length > 0,
    'name at least one source or note',
  );

/** Names a long operation so its progress can be followed and it can be cancelled. */
const operationId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');

/**
 * The source this text is a new version of. Its passages are re-anchored on the new
 * version; text identical to one of its versions is a `duplicate` of that source.
 */
const revisionOf = id.optional();

export const apiArgs = {
  /** Any supported file (text, HTML, MHTML, Markdown, PDF, EPUB, Word): the core tells the type from the bytes and the name. */
  importFile: fileToImport.extend({ revisionOf, operationId: operationId.optional() }),
  importText: z.object({
    text: z.string().max(60_000_000),
    /** The clipboard's HTML, when there was some: imported through the web page pipeline instead of `text`. */
    html: z.string().max(60_000_000).optional(),
    title: title.optional(),
    revisionOf,
    operationId: operationId.optional(),
  }),
  /**
   * Fetches a web page (http or https; no cookies; size and time limits) and
   * imports it. The same canonical address as a saved source with other text
   * makes a new version of that source.
   */
  importUrl: z.object({
    url: z.string().trim().min(1).max(8000),
    revisionOf,
    operationId: operationId.optional(),
  }),
  /** The bytes a version was made from, as they came in (the current version's when no number is given). */
  getOriginal: z.object({
    sourceId: id,
    versionNumber: z.number().int().positive().optional(),
  }),
  /** Several files at once; each file's outcome is reported apart, and a bad file stops nothing. */
  importFiles: z.object({
    files: z.array(fileToImport).min(1).max(10_000),
    operationId: operationId.optional(),
  }),
  listSources: z.object({
    /**
     * Only the `newest` saved (the library's first order): a window paints them
     * before a large library is listed whole.
     */
    newest: z.number().int().min(1).max(1000).optional(),
  }),
  listPassageCounts: z.object({}),
  /**
   * The summaries of these sources, those outside the trash only: a library
   * told which sources a change touched reads them alone, not the whole list.
   */
  getSourceSummaries: z.object({ sourceIds: z.array(id).max(10_000) }),
  getSource: z.object({
    sourceId: id,
    /** An older version to read (1 is the first); the current one when absent. */
    versionNumber: z.number().int().positive().optional(),
  }),
  /** The report written when a version came in (the latest version's when no number is given). */
  getRevisionReport: z.object({
    sourceId: id,
    versionNumber: z.number().int().positive().optional(),
  }),
  markPassage: z.union([
    z.object({
      sourceId: id,
      /** Offsets into the current version's text, in UTF-16 code units. */
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      ...passageAnnotation,
    }),
    z.object({
      sourceId: id,
      quote: z.string().min(1).max(100_000),
      /** 1-based; required when the quote occurs more than once. */
      occurrence: z.number().int().positive().optional(),
      ...passageAnnotation,
    }),
  ]),
  /** Sets a passage's colour or comment (a field left out stays; a null or empty comment clears it). */
  annotatePassage: z.object({ passageId: id, ...passageAnnotation }),
  deletePassage: z.object({ passageId: id }),
  /**
   * Attaches a passage (an orphan, or any other) to a range of its source's current
   * version, chosen by the analyst (or a suggestion accepted): it becomes exact
   * there with score 1 and its quote is re-described on those words.
   */
  reattachPassage: z.object({
    passageId: id,
    /** Offsets into the current version's text, in UTF-16 code units. */
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  }),
  /**
   * The analyst's verdict on a fuzzy attachment: `confirm` keeps it (marked
   * confirmed), `reject` makes the passage an orphan that suggests that place.
   */
  reviewPassage: z.object({ passageId: id, decision: z.enum(['confirm', 'reject']) }),
  getPassage: z.object({ passageId: id }),
  /** A source's passages in reading order, each with its backlinks. */
  listPassages: z.object({ sourceId: id }),
  /**
   * What changed between two versions of a source, word by word. `from` defaults
   * to the version before `to`, `to` to the current version.
   */
  diffVersions: z.object({
    sourceId: id,
    from: z.number().int().positive().optional(),
    to: z.number().int().positive().optional(),
  }),
  listNotes: z.object({}),
  getNote: z.object({ noteId: id }),
  getNoteReferences: z.object({ noteId: id }),
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
  /** The note's earlier states, newest first (see src/core/notes/noteHistory.ts for which are kept). */
  listNoteRevisions: z.object({ noteId: id }),
  getNoteRevision: z.object({ revisionId: id }),
  /**
   * Keeps the note as it is now as a revision (the analyst left the note, or is
   * about to restore an earlier state), unless the newest revision is the same.
   */
  checkpointNote: z.object({ noteId: id }),
  /** What is in the trash (sources and notes), newest deletion first. */
  listTrash: z.object({}),
  /**
   * Moves a source to the trash: out of the library and search; its passages
   * stay for the notes that cite them until the trash is emptied.
   */
  deleteSource: z.object({ sourceId: id }),
  restoreSource: z.object({ sourceId: id }),
  /**
   * Deletes for good the notes and sources in the trash, except a source a note
   * outside the trash still cites (it stays, and is reported).
   */
  emptyTrash: z.object({}),
  /** Every highlight colour with the name the analyst gave it (null when unnamed). */
  listHighlightColors: z.object({}),
  /** Names a colour ("claim", "evidence", …); an empty label clears the name. */
  setHighlightColorLabel: z.object({
    color: highlightColor,
    label: z.string().trim().max(60),
  }),
  /** Every collection, by name, with how many sources and notes (outside the trash) it holds. */
  listCollections: z.object({}),
  createCollection: z.object({ name: collectionName }),
  renameCollection: z.object({ collectionId: id, name: collectionName }),
  /** Deletes the collection only: its sources and notes stay where else they are. */
  deleteCollection: z.object({ collectionId: id }),
  addToCollection: collectionItems,
  removeFromCollection: collectionItems,
  /**
   * Renames a source or corrects its metadata. A field left out stays as it is;
   * null (or an empty string) clears it. The versions' texts never change: the
   * title the document gives itself stays in its text.
   */
  editSource: z.object({
    sourceId: id,
    title: sourceTitle.optional(),
    byline: sourceByline.optional(),
    siteName: sourceSiteName.optional(),
    url: sourceUrl.optional(),
    publishedAt: sourcePublishedAt.optional(),
    lang: sourceLang.optional(),
    dir: sourceDir.optional(),
  }),
  setSourceTags: z.object({ sourceId: id, tags: tagList }),
  setNoteTags: z.object({ noteId: id, tags: tagList }),
  listTags: z.object({}),
  search: z.object({
    query: z.string().max(2000),
    limit: z.number().int().min(1).max(MOST_SEARCH_RESULTS).optional(),
    /**
     * Snippets are cut for the best `snippets` hits of each kind (every hit when
     * absent); the others come with a null snippet, cut with `cutSnippets` once shown.
     */
    snippets: z.number().int().min(0).max(500).optional(),
  }),
  /** The snippets of hits that `search` returned without one, in their order, for the same query. */
  cutSnippets: z.object({
    query: z.string().max(2000),
    hits: z
      .array(
        z.object({
          kind: z.enum(['source', 'passage', 'note']),
          id,
          versionNumber: z.number().int().min(1).optional(),
        }),
      )
      .max(500),
  }),
  /** Copies the notebook to a new file on this computer (never over an existing one). */
  backupNotebook: z.object({
    destination: z.string().min(1).max(4096),
    operationId: operationId.optional(),
  }),
  /** The backups kept beside the notebook (its `.backups` folder), newest first, each checked. */
  listBackups: z.object({}),
  /** Makes a backup now into the backups folder (verified, then older ones rotated out). */
  backUpNow: z.object({ operationId: operationId.optional() }),
  /**
   * Writes notes as files into a folder (created when absent), one per note,
   * never over an existing file: Markdown or standalone HTML, each linked
   * passage a footnote; beside them `sources.csl.json` (the cited sources) and
   * `annotations.jsonld` (the cited passages as W3C Web Annotations).
   */
  exportNotes: z.object({
    format: z.enum(['md', 'html']),
    destination: z.string().min(1).max(4096),
    /** All notes outside the trash when absent. */
    noteIds: z.array(id).min(1).max(100_000).optional(),
    operationId: operationId.optional(),
  }),
  /** Sources as Markdown files (front matter, text, passages), never over existing files. */
  exportSources: z.object({
    destination: z.string().min(1).max(4096),
    /** Every source outside the trash when absent. */
    sourceIds: z.array(id).min(1).max(1_000_000).optional(),
    operationId: operationId.optional(),
  }),
  /** Writes the whole notebook to a new JSON file (docs/notebook-export.md), never over an existing one. */
  exportNotebook: z.object({
    destination: z.string().min(1).max(4096),
    operationId: operationId.optional(),
  }),
  /**
   * Reads a notebook written by exportNotebook into this notebook, which must
   * be empty: everything, with the same ids, in one transaction, or nothing.
   */
  importNotebook: z.object({
    file: z.string().min(1).max(4096),
    operationId: operationId.optional(),
  }),
  checkNotebook: z.object({ operationId: operationId.optional() }),
  /** Whether the notebook can be changed, and if not, why (a file or folder without write permission). */
  notebookStatus: z.object({}),
  rebuildSearchIndex: z.object({ operationId: operationId.optional() }),
  cancelOperation: z.object({ operationId }),
  /**
   * Puts a backup (or another Dossier notebook file) in the notebook's place,
   * after checking it and backing up the notebook it replaces. Answered by the
   * host, which reopens the notebook afterwards.
   */
  restoreBackup: z.object({ file: z.string().min(1).max(4096) }),
} as const;

export type ApiMethod = keyof typeof apiArgs;
/** Arguments as a caller writes them. */
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;
/** Arguments after validation, as the core receives them. */
export type ValidArgs<M extends ApiMethod> = z.output<(typeof apiArgs)[M]>;

/**
 * A file or text that was imported: a new source (`imported`), text some version
 * already holds (`duplicate`, nothing written; with `revisionOf`, only that
 * source's versions count), or a new version of the source named by `revisionOf`
 * (`revised`). Every branch names the source and its title.
 */
export type ImportedSource =
  | { status: 'imported' | 'duplicate'; sourceId: string; title: string; kind: SourceKind }
  | RevisedSource;

/** A new version of a source, now its current one; its passages re-anchored on it. */
export interface RevisedSource {
  status: 'revised';
  sourceId: string;
  /** What the new version was imported from. */
  kind: SourceKind;
  /** The source's title, as first saved: a new version does not rename the source. */
  title: string;
  /** The new version. */
  versionId: string;
  /** What became of the source's passages; also kept with the version (getRevisionReport). */
  report: RevisionReport;
}

/**
 * What re-anchoring did when a version was added: how many of the source's
 * passages (all of them, orphans included) ended up in each status on the new
 * version, and the ones that are not `exact`, in the reading order they had before.
 */
export interface RevisionReport {
  exact: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
  passages: RevisedPassage[];
}

/** How a version's text came in: an imported file, pasted text, or a page fetched from the web. */
export type VersionOrigin = 'file' | 'paste' | 'url';

/** A passage a new version did not leave unchanged in place. */
export interface RevisedPassage {
  /** The passage's id (note links keep pointing at it). */
  id: string;
  status: Exclude<AnchorStatus, 'exact'>;
  /** 0–1: the matcher's confidence in the new attachment; for an orphan, its best refused candidate's. */
  score: number;
  /**
   * The words the passage was matched from: where it stood on the previous
   * version; for an orphan or an unconfirmed fuzzy passage, its quote as marked
   * (those are judged against the analyst's own words, not a guess).
   */
  oldText: string;
  /** `moved` and `fuzzy`: the words now under the passage in the new version. Absent for an orphan. */
  newText?: string;
}

/** Evidence: the bytes a version was made from, as they came in. */
export interface OriginalSummary {
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  byteCount: number;
  /** The media type the import read it as, e.g. `text/html`, `application/pdf`. */
  mediaType: string;
  /** The file's name as given, when it came from a file. */
  fileName: string | null;
  /** The final address after redirects, when it was fetched from the web. */
  url: string | null;
  capturedAt: string;
}

export interface OriginalContent {
  original: OriginalSummary;
  /** The bytes, exactly as imported, base64-encoded. */
  contentBase64: string;
}

/** One file of a batch import: what became of it. */
export type FileImportOutcome =
  | (ImportedSource & { fileName: string })
  | {
      status: 'error';
      fileName: string;
      error: ErrorInfo;
      /** What the file was taken for, when its type was recognised before it failed. */
      kind?: SourceKind;
    };

export interface SourceSummary {
  id: string;
  title: string;
  /** What the source was imported from (its current version). */
  kind: SourceKind;
  /** Metadata found by the import (or set by the analyst); null when unknown. */
  byline: string | null;
  siteName: string | null;
  /** The canonical address (http or https). */
  url: string | null;
  /** ISO 8601 date or date and time. */
  publishedAt: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  capturedAt: string;
  passageCount: number;
  charCount: number;
  /** Sorted ignoring case. */
  tags: string[];
  /** The collections the source is in. */
  collectionIds: string[];
  /** When it was moved to the trash; null for a source in the library (listSources lists no other). */
  deletedAt: string | null;
}

/**
 * How many passages a source has (`SourceSummary.passageCount`), read apart
 * from the summaries: marking a passage changes this alone, and a large
 * library's summaries are costly to list again.
 */
export interface PassageCount {
  sourceId: string;
  passageCount: number;
}

/**
 * Where a passage stands on its source's current version:
 * - `exact`: its words, unchanged, at the same offsets as before;
 * - `moved`: its words (the same up to whitespace, quote marks, dashes, case or
 *   accents) at other offsets: text before it changed, or it was moved;
 * - `fuzzy`: words close enough to its own, attached with a score below 1: the
 *   analyst may confirm or reject the attachment (`reviewPassage`);
 * - `orphaned`: its words are gone (or too uncertain to attach): no position in
 *   the current text; it keeps its quote and its notes, and may carry a
 *   suggestion; the analyst may re-attach it (`reattachPassage`).
 */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface PassageView {
  id: string;
  sourceId: string;
  /**
   * The quote (a W3C TextQuoteSelector: the words, with context before and after)
   * as marked, or as last re-described when the analyst re-attached the passage,
   * on version `versionNumber`. A moved or fuzzy passage's words in the current
   * text are `text.slice(start, end)`, which may differ from `exact`.
   */
  exact: string;
  prefix: string;
  suffix: string;
  /** The version the quote was marked (or re-attached) on. */
  versionNumber: number;
  /**
   * Offsets of the passage in the text it is listed with, UTF-16 code units: the
   * source's current version, except in a SourceDetail of an older version, where
   * they are where the passage was marked on it. Null for an orphan (it has no
   * place in the current text).
   */
  start: number | null;
  end: number | null;
  /** Where the passage stands on the current version (also in a SourceDetail of an older one). */
  status: AnchorStatus;
  /**
   * 0–1: how sure the attachment to the current version is. 1 for words found
   * unchanged or chosen by the analyst; below 1 for fuzzy; for an orphan, the
   * score of the best candidate that was refused (0 when there was none).
   */
  score: number;
  /**
   * True once the analyst has confirmed a fuzzy attachment; false in every other
   * case. A confirmed attachment's words are carried to the next version as the
   * passage's words; an unconfirmed one is judged again against the quote.
   */
  confirmed: boolean;
  /**
   * An orphan only, when there is one: the most likely place of its words in the
   * current text, not attached because it is too uncertain (or because the analyst
   * rejected it). `reattachPassage` with its start and end accepts it.
   */
  suggestion?: PassageSuggestion;
  /**
   * Present once the analyst has re-attached the passage to other words: the
   * words it was first marked on (notes written before may quote them).
   */
  originalExact?: string;
  createdAt: string;
  /** Notes whose body links to this passage (backlinks), newest first. */
  noteIds: string[];
  color: HighlightColor;
  /** The analyst's comment; null when there is none. */
  comment: string | null;
  /** Its source is in the trash: the passage stays for the notes that cite it until the trash is emptied. */
  sourceInTrash: boolean;
}

/** A candidate place for an orphan in the source's current text. */
export interface PassageSuggestion {
  /** Offsets into the current version's text, UTF-16 code units. */
  start: number;
  end: number;
  /** `text.slice(start, end)` of the current version. */
  text: string;
  /** 0–1. */
  score: number;
}

/** One version of a source. Versions are never rewritten; a new text adds one. */
export interface VersionSummary {
  id: string;
  /** 1, 2, 3… in the order the versions came in. */
  number: number;
  createdAt: string;
  origin: VersionOrigin;
  /** The imported file's name as given, null for pasted text. */
  fileName: string | null;
  /** Characters (Unicode code points) of the version's text. */
  charCount: number;
}

export interface SourceDetail extends SourceSummary {
  /** The version shown: the current one, unless getSource asked for another. */
  versionId: string;
  versionNumber: number;
  /** Every version of the source, oldest first; the last one is current. */
  versions: VersionSummary[];
  /** The version's full text: NFC, blocks separated by a blank line. */
  text: string;
  /** What each stretch of the text is (src/shared/documentModel.ts). */
  blocks: Block[];
  /** A short summary given by the document itself (a page's description). */
  excerpt: string | null;
  /** The file (or page) the shown version was made from, kept byte for byte; null for pasted text. */
  original: OriginalSummary | null;
  /**
   * The current version: every passage of the source in reading order, orphans
   * (start and end null) last. An older version: the passages marked on it, at
   * the offsets they were marked at.
   */
  passages: PassageView[];
}

/** A version's revision report, reopened. */
export interface VersionReport {
  sourceId: string;
  version: VersionSummary;
  /** As written when the version came in; later corrections do not change it. */
  report: RevisionReport;
}

export interface MarkedPassage {
  passageId: string;
  start: number;
  end: number;
  /** False when that range already was a passage (returned unchanged). */
  created: boolean;
}

/**
 * A stretch of a comparison: text both versions have (`same`), text only the
 * `from` version had (`removed`) or only the `to` version has (`added`).
 */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Two versions of a source compared word by word (words as Intl.Segmenter sees them). */
export interface VersionDiff {
  sourceId: string;
  /** The version numbers compared. */
  from: number;
  to: number;
  /**
   * In text order (logical order: right-to-left text is not reordered). The `same`
   * and `removed` segments, joined, are the `from` text; the `same` and `added`
   * ones the `to` text. Where text was replaced, its `removed` segment comes first.
   */
  segments: DiffSegment[];
  /** Characters (Unicode code points) added and removed. */
  stats: { added: number; removed: number };
}

export interface NoteSummary {
  id: string;
  title: string;
  /** Plain text of the body, for previews and search. */
  text: string;
  passageIds: string[];
  /** Sorted ignoring case. */
  tags: string[];
  /** The collections the note is in. */
  collectionIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface NoteDetail extends NoteSummary {
  /** Serialised Lexical editor state. */
  body: string;
}

/** What a note links to and what links to it, shown beneath its text. */
export interface NoteReferences {
  /** The sources the note cites, in the order of its first link to each, with the passages it links in order. */
  cites: CitedSource[];
  /** The notes it links to (`[[`), in order; one deleted for good is left out. */
  linksTo: NoteReference[];
  /** The notes outside the trash that link to it, most recently edited first. */
  linkedFrom: NoteReference[];
}

export interface CitedSource {
  sourceId: string;
  title: string;
  site: string | null;
  inTrash: boolean;
  passages: Array<{ passageId: string; exact: string; status: AnchorStatus }>;
}

export interface NoteReference {
  noteId: string;
  title: string;
  inTrash: boolean;
}

/** An earlier state of a note, as listed in its history. */
export interface NoteRevisionSummary {
  id: string;
  title: string;
  /** When that state was saved. */
  savedAt: string;
  /** Characters (code points) of its plain text. */
  charCount: number;
}

export interface NoteRevision {
  id: string;
  noteId: string;
  title: string;
  /** The serialised editor state, as saved then. */
  body: string;
  /** Its plain text, for a preview. */
  text: string;
  savedAt: string;
}

/** Something in the trash: hidden from lists and search until restored, never lost. */
export interface TrashItem {
  kind: 'source' | 'note';
  id: string;
  title: string;
  /** When it was moved to the trash (ISO 8601, UTC). */
  deletedAt: string;
}

/** What emptying the trash did. */
export interface EmptiedTrash {
  deletedNotes: number;
  deletedSources: number;
  /** Sources left in the trash because notes outside it cite their passages. */
  keptSources: Array<{ id: string; title: string; citingNotes: number }>;
}

export interface HighlightColorLabel {
  color: HighlightColor;
  /** The analyst's name for it; null when unnamed. */
  label: string | null;
}

export interface CollectionSummary {
  id: string;
  name: string;
  /** Sources and notes in it, not counting those in the trash. */
  sourceCount: number;
  noteCount: number;
}

export interface TagSummary {
  name: string;
  sourceCount: number;
  /** Notes not in the trash. */
  noteCount: number;
}

/** A stretch of a result's text around its best match, and the ranges of it that matched. */
export interface SearchSnippet {
  snippet: string;
  /** UTF-16 ranges of `snippet`, end exclusive, in order and not overlapping. */
  highlights: Array<[number, number]>;
}

/** A search result: a source, a passage or a note, told apart by `kind`. */
export type SearchHit = SourceHit | PassageHit | NoteHit;
export type SearchHitKind = SearchHit['kind'];

interface SearchHitFields {
  /** The id of the source, passage or note. */
  id: string;
  /** The source's or note's title; for a passage, its source's. */
  title: string;
  /**
   * Plain text around the best match, taken from the original (unfolded) text;
   * null when not cut yet (see `search`'s `snippets`).
   */
  snippet: string | null;
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
  /**
   * Present only for a hit in an older version of the source (found with
   * `version:all`): that version's number, whose text the snippet is cut from.
   * Absent for a hit in the current version.
   */
  versionNumber?: number;
}

export interface PassageHit extends SearchHitFields {
  kind: 'passage';
  /** The source the passage was marked in. */
  sourceId: string;
  /** The notes (not in the trash) that link to (quote) the passage, newest first. */
  noteIds: string[];
  color: HighlightColor;
  /** The analyst's comment on the passage (searched with its words); null when there is none. */
  comment: string | null;
}

export interface NoteHit extends SearchHitFields {
  kind: 'note';
}

export interface BackupResult {
  file: string;
  bytes: number;
  schemaVersion: number;
}

/** Why a backup in the notebook's backups folder was made. */
export type BackupReason = 'automatic' | 'manual' | 'before-upgrade' | 'before-restore';

/** A file in the notebook's backups folder. */
export interface BackupEntry {
  file: string;
  createdAt: string;
  bytes: number;
  reason: BackupReason;
  /** The notebook's schema version in the file; null when it cannot be read. */
  schemaVersion: number | null;
  /** Opens read-only, SQLite's integrity check says ok, and its schema version is one this Dossier knows. */
  verified: boolean;
}

/** A notebook replaced by a backup (restoreBackup, `dossier restore`). */
export interface RestoredNotebook {
  notebook: string;
  from: string;
  bytes: number;
  schemaVersion: number;
  /** Where the notebook that was replaced went; null when there was none. */
  previous: string | null;
  /** False when the previous notebook failed its checks and was kept as it was, unverified. */
  previousVerified: boolean;
}

/** Notes written as files by exportNotes. */
export interface ExportedNotes {
  folder: string;
  /** Each note's file, in the order written. */
  notes: Array<{ noteId: string; file: string }>;
  /** CSL-JSON of the sources the notes cite. */
  sourcesFile: string;
  /** The passages the notes cite, as W3C Web Annotations. */
  annotationsFile: string;
  sourceCount: number;
  passageCount: number;
}

/** Sources written as Markdown files by exportSources. */
export interface ExportedSources {
  folder: string;
  /** Each source's file, in the order written. */
  sources: Array<{ sourceId: string; file: string }>;
}

/** How many rows of each table a notebook export holds (by the export's table names). */
export type NotebookRowCounts = Record<string, number>;

export interface ExportedNotebook {
  file: string;
  bytes: number;
  /** The notebook's schema version, written in the file. */
  schemaVersion: number;
  rows: NotebookRowCounts;
}

export interface ImportedNotebook {
  file: string;
  rows: NotebookRowCounts;
}

/** What the notebook is: its file, and whether it opened read-only (then `reason` says why). */
export interface NotebookStatus {
  databaseFile: string;
  readOnly: boolean;
  reason?: string;
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
  importUrl: ImportedSource;
  getOriginal: OriginalContent;
  listSources: SourceSummary[];
  /** Every source with at least one passage, in the trash or not. */
  listPassageCounts: PassageCount[];
  getSourceSummaries: SourceSummary[];
  getSource: SourceDetail;
  getRevisionReport: VersionReport;
  markPassage: MarkedPassage;
  /** The passage as it stands now. */
  annotatePassage: PassageView;
  deletePassage: { deleted: true };
  /** The passage as it stands now. */
  reattachPassage: PassageView;
  reviewPassage: PassageView;
  diffVersions: VersionDiff;
  getPassage: PassageView;
  listPassages: PassageView[];
  listNotes: NoteSummary[];
  getNote: NoteDetail;
  getNoteReferences: NoteReferences;
  createNote: { noteId: string };
  saveNote: { updatedAt: string };
  deleteNote: { deleted: true };
  restoreNote: { restored: true };
  listNoteRevisions: NoteRevisionSummary[];
  getNoteRevision: NoteRevision;
  checkpointNote: { kept: true };
  listTrash: TrashItem[];
  deleteSource: { deleted: true };
  restoreSource: { restored: true };
  emptyTrash: EmptiedTrash;
  listHighlightColors: HighlightColorLabel[];
  setHighlightColorLabel: HighlightColorLabel[];
  listCollections: CollectionSummary[];
  createCollection: CollectionSummary;
  renameCollection: CollectionSummary;
  deleteCollection: { deleted: true };
  addToCollection: CollectionSummary;
  removeFromCollection: CollectionSummary;
  /** The source as it stands now, with its current version. */
  editSource: SourceDetail;
  setSourceTags: { tags: string[] };
  setNoteTags: { tags: string[] };
  listTags: TagSummary[];
  search: SearchHit[];
  cutSnippets: SearchSnippet[];
  backupNotebook: BackupResult;
  listBackups: BackupEntry[];
  backUpNow: BackupEntry;
  exportNotes: ExportedNotes;
  exportSources: ExportedSources;
  exportNotebook: ExportedNotebook;
  importNotebook: ImportedNotebook;
  checkNotebook: CheckReport;
  notebookStatus: NotebookStatus;
  rebuildSearchIndex: SearchIndexCounts;
  /** False when no operation of that id runs here (it finished, or never began). */
  cancelOperation: { cancelled: boolean };
  restoreBackup: RestoredNotebook;
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
 * What the core implements (every method but the host's), with already-validated arguments: synchronous
 * (better-sqlite3), except long methods, which yield between steps so that
 * their host can hear a cancel.
 */
export type CoreApi = {
  [M in CoreMethodName]: M extends LongMethodName
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
