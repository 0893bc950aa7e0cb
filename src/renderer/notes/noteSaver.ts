/**
 * Autosave for one open note. Edits are saved after a short pause, at most one
 * request at a time, and always the latest content; a failed save keeps the
 * content and is retried on the next edit or on demand. A note's edits are
 * never dropped: every open saver is known to `flushAllNotes`, which the
 * window calls before it closes or hides, and content the core has not
 * confirmed is also kept locally (localDrafts) until it has.
 *
 * Serialising the editor state costs time proportional to the note, so a
 * keystroke only marks the body changed; the body is read when it is saved,
 * kept as a draft, or compared.
 */
import type { ApiArgs, DossierApi } from '../../shared/api';
import { api, unloadSafeApi } from '../api/client';
import { errorMessage } from '../../shared/errors';
import { noteDisplayTitle } from '../../shared/noteLink';
import { fitsInKeepalive } from '../api/browserTransport';
import { dropDraft, keepDraft } from './localDrafts';

export interface NoteContent {
  title: string;
  /** Serialised Lexical editor state. */
  body: string;
}

/** A change to the note: a new title, and/or a body read only when it is needed. */
export interface NoteEdit {
  title?: string;
  /** Returns the serialised body as it now is. */
  body?: () => string;
}

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

const autosaveDelayMs = 600;

const openSavers = new Set<NoteSaver>();

export class NoteSaver {
  /** The content as last read; `unreadBody`, when set, holds a newer body. */
  private latest: NoteContent;
  private unreadBody: (() => string) | null = null;
  private persisted: NoteContent;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private isOpen = false;
  /** The core refused or could not be reached on the last attempt (edits since do not change that). */
  private lastSaveFailed = false;
  /** The kind of state last passed to `onStateChange`. */
  private reported: SaveState['kind'];

  /** `persisted` is the note as the core has it; `latest` what the editor starts from, when different (a restored draft). */
  constructor(
    readonly noteId: string,
    persisted: NoteContent,
    private readonly onStateChange: (state: SaveState) => void,
    latest: NoteContent = persisted,
  ) {
    this.persisted = persisted;
    this.latest = latest;
    this.reported = sameContent(latest, persisted) ? 'saved' : 'pending';
  }

  /** The note is on screen: from now on `flushAllNotes` includes it. */
  open(): void {
    this.isOpen = true;
    openSavers.add(this);
    this.edit({}); // starts saving a restored draft
  }

  /** The title as last edited. */
  get title(): string {
    return this.latest.title;
  }

  get hasUnsavedChanges(): boolean {
    return this.inFlight !== null || !sameContent(this.readLatest(), this.persisted);
  }

  /** Records an edit; it is saved once the user pauses. Cheap: a body is not read here. */
  edit(change: NoteEdit): void {
    if (change.title !== undefined) this.latest = { ...this.latest, title: change.title };
    if (change.body) this.unreadBody = change.body;
    if (this.inFlight) return; // saved when the running request ends
    clearTimeout(this.timer);
    if (!this.unreadBody && sameContent(this.latest, this.persisted)) return this.settle();
    this.report({ kind: 'pending' });
    this.timer = setTimeout(() => void this.flush(), autosaveDelayMs);
  }

  /** Saves now whatever is unsaved and resolves when the note is saved or the save failed. */
  async flush(client: DossierApi = api): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    const content = this.readLatest();
    // Edits that undid themselves: nothing to send, but "Saving…" must not stay.
    if (sameContent(content, this.persisted)) return this.settle();
    this.inFlight = this.save(content, client);
    await this.inFlight;
    this.inFlight = null;
    // Edits made while the request ran: save them too (unless it failed; the user retries).
    if (!this.lastSaveFailed && this.hasUnsavedChanges) {
      await this.flush(client);
    }
  }

  /**
   * Sends the latest content with a request that outlives the page (browser
   * mode). False when that cannot be promised: the last save failed, or the
   * note is too large for such a request.
   */
  flushForUnload(): boolean {
    if (!this.hasUnsavedChanges) return true;
    const content = this.readLatest();
    const deliverable = !this.lastSaveFailed && fitsInKeepalive(this.saveArgs(content));
    keepDraft(this.noteId, content); // in case the request does not arrive
    void this.save(content, unloadSafeApi);
    return deliverable;
  }

  /**
   * Saves what is left and forgets the note (it was closed). Resolves false when
   * the save failed; the note then stays known to `flushAllNotes` for another try.
   */
  async close(): Promise<boolean> {
    this.isOpen = false;
    await this.flush();
    if (this.hasUnsavedChanges) return false;
    if (!this.isOpen) openSavers.delete(this);
    return true;
  }

  /** The latest content, reading the body if it changed since it was last read. */
  private readLatest(): NoteContent {
    if (this.unreadBody) {
      this.latest = { ...this.latest, body: this.unreadBody() };
      this.unreadBody = null;
    }
    return this.latest;
  }

  private async save(content: NoteContent, client: DossierApi): Promise<void> {
    this.report({ kind: 'saving' });
    try {
      await client.saveNote(this.saveArgs(content));
      this.persisted = content;
      this.lastSaveFailed = false;
      if (!this.unreadBody && sameContent(this.latest, content)) this.settle();
      else this.report({ kind: 'pending' });
    } catch (error) {
      this.lastSaveFailed = true;
      keepDraft(this.noteId, this.readLatest());
      this.report({ kind: 'failed', message: errorMessage(error) });
    }
  }

  /** The core has the latest content: no draft is needed any more. */
  private settle(): void {
    if (this.reported === 'saved') return;
    dropDraft(this.noteId);
    this.report({ kind: 'saved' });
  }

  /** Passes on changes of state only, so a keystroke in a pending note re-renders nothing. */
  private report(state: SaveState): void {
    if (state.kind === this.reported && state.kind !== 'failed') return;
    this.reported = state.kind;
    this.onStateChange(state);
  }

  private saveArgs(content: NoteContent): ApiArgs<'saveNote'> {
    return {
      noteId: this.noteId,
      title: noteDisplayTitle(content.title),
      body: content.body,
    };
  }
}

function sameContent(a: NoteContent, b: NoteContent): boolean {
  return a.title === b.title && a.body === b.body;
}

/**
 * Resolves once edits of this note still being saved (e.g. it was just closed)
 * have reached the core: true when they all did, false when a save failed.
 */
export async function flushNote(noteId: string): Promise<boolean> {
  const savers = [...openSavers].filter((saver) => saver.noteId === noteId);
  await Promise.all(savers.map((saver) => saver.flush()));
  return savers.every((saver) => !saver.hasUnsavedChanges);
}

/** Saves every open note; used before the window closes (Electron) or is hidden. */
export async function flushAllNotes(): Promise<void> {
  await Promise.all([...openSavers].map((saver) => saver.flush()));
}

/** Sends every unsaved note with keepalive requests; false if one of them may not arrive. */
export function flushAllNotesForUnload(): boolean {
  return [...openSavers].map((saver) => saver.flushForUnload()).every(Boolean);
}
