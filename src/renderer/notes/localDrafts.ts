/**
 * A last line of defence for note edits the core has not confirmed: they are
 * kept in localStorage until a save succeeds, and offered back the next time
 * the note is opened (e.g. after the window closed while the core was
 * unreachable). Per origin: in browser mode that is per `dossier serve` address.
 */
import type { NoteContent } from './noteSaver';

const keyPrefix = 'dossier.unsavedNote.';

export interface LocalDraft extends NoteContent {
  keptAt: string;
}

export function keepDraft(noteId: string, content: NoteContent): void {
  try {
    const draft: LocalDraft = { ...content, keptAt: new Date().toISOString() };
    localStorage.setItem(keyPrefix + noteId, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the on-screen note and its save state remain.
  }
}

export function readDraft(noteId: string): LocalDraft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(keyPrefix + noteId) ?? 'null') as unknown;
    if (typeof draft !== 'object' || draft === null) return null;
    const { title, body, keptAt } = draft as Record<string, unknown>;
    if (typeof title !== 'string' || typeof body !== 'string' || typeof keptAt !== 'string') {
      return null;
    }
    return { title, body, keptAt };
  } catch {
    return null;
  }
}

export function dropDraft(noteId: string): void {
  try {
    localStorage.removeItem(keyPrefix + noteId);
  } catch {
    // Storage disabled: there is no draft to drop.
  }
}
