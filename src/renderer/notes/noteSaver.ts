/**
 * Autosave for one open note. Edits are saved after a short pause, at most one
 * request at a time, and always the latest content; a failed save keeps the
 * content and is retried on the next edit or on demand. A note's edits are
 * never dropped: every open saver is known to `flushAllNotes`, which the
 * window calls before it closes or hides, and content the core has not
 * confirmed is also kept locally (localDrafts) until it has.
 */
import type { ApiArgs, DossierApi } from '../../shared/api';
import { api, unloadSafeApi } from '../api/client';
import { errorMessage } from '../api/apiError';
import { fitsInKeepalive } from '../api/browserTransport';
import { dropDraft, keepDraft } from './localDrafts';

export interface NoteContent {
  title: string;
  /** Serialised Lexical editor state. */
  body: string;
}

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

const autosaveDelayMs = 600;
const fallbackTitle = 'Untitled note';

const openSavers = new Set<NoteSaver>();

export class NoteSaver {
  private latest: NoteContent;
  private persisted: NoteContent;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private isOpen = false;
  /** The core refused or could not be reached on the last attempt (edits since do not change that). */
  private lastSaveFailed = false;
  private readonly savedListeners = new Set<() => void>();

  /** `persisted` is the note as the core has it; `latest` what the editor starts from, when different (a restored draft). */
  constructor(
    readonly noteId: string,
    persisted: NoteContent,
    private readonly onStateChange: (state: SaveState) => void,
    latest: NoteContent = persisted,
  ) {
    this.persisted = persisted;
    this.latest = latest;
  }

  /** Calls `listener` after each successful save; returns the unsubscribe. */
  subscribeSaved(listener: () => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
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
    return this.inFlight !== null || !sameContent(this.latest, this.persisted);
  }

  /** Records an edit; it is saved once the user pauses. */
  edit(change: Partial<NoteContent>): void {
    this.latest = { ...this.latest, ...change };
    if (this.inFlight) return; // saved when the running request ends
    clearTimeout(this.timer);
    if (sameContent(this.latest, this.persisted)) return this.onStateChange({ kind: 'saved' });
    this.onStateChange({ kind: 'pending' });
    this.timer = setTimeout(() => void this.flush(), autosaveDelayMs);
  }

  /** Saves now whatever is unsaved and resolves when the note is saved or the save failed. */
  async flush(client: DossierApi = api): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (sameContent(this.latest, this.persisted)) return;
    this.inFlight = this.save(this.latest, client);
    await this.inFlight;
    this.inFlight = null;
    // Edits made while the request ran: save them too (unless it failed; the user retries).
    if (!this.lastSaveFailed && !sameContent(this.latest, this.persisted)) {
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
    const deliverable = !this.lastSaveFailed && fitsInKeepalive(this.saveArgs(this.latest));
    keepDraft(this.noteId, this.latest); // in case the request does not arrive
    void this.save(this.latest, unloadSafeApi);
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

  private async save(content: NoteContent, client: DossierApi): Promise<void> {
    this.onStateChange({ kind: 'saving' });
    try {
      await client.saveNote(this.saveArgs(content));
      this.persisted = content;
      this.lastSaveFailed = false;
      if (sameContent(this.latest, content)) {
        dropDraft(this.noteId);
        this.onStateChange({ kind: 'saved' });
      } else {
        this.onStateChange({ kind: 'pending' });
      }
      for (const listener of this.savedListeners) listener();
    } catch (error) {
      this.lastSaveFailed = true;
      keepDraft(this.noteId, this.latest);
      this.onStateChange({ kind: 'failed', message: errorMessage(error) });
    }
  }

  private saveArgs(content: NoteContent): ApiArgs<'saveNote'> {
    return {
      noteId: this.noteId,
      title: content.title.trim() || fallbackTitle,
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
