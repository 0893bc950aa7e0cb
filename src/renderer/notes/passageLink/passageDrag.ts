/**
 * A passage (or words of the reader not yet marked) dragged towards a note.
 * It travels in the DataTransfer under Dossier's own type, so only the note
 * editor acts on it; the words also travel as plain text, which any other
 * text field (or another program) takes as it would a copy.
 */
import { isId } from '../../../shared/ids';

export const PASSAGE_DRAG_TYPE = 'application/x-dossier-passage';

export type PassageDrag =
  /** A passage that exists: the note links to it. */
  | { kind: 'passage'; passageId: string; sourceId: string; quote: string }
  /** Words selected in the reader: marked as a passage when dropped, then linked. */
  | { kind: 'words'; sourceId: string; start: number; end: number; quote: string };

export function startPassageDrag(transfer: DataTransfer, drag: PassageDrag): void {
  transfer.setData(PASSAGE_DRAG_TYPE, JSON.stringify(drag));
  transfer.setData('text/plain', drag.quote);
  transfer.effectAllowed = 'copyLink';
}

/** Whether a drag carries a passage (its data can be read only on drop). */
export function carriesPassage(transfer: DataTransfer | null): boolean {
  return transfer?.types.includes(PASSAGE_DRAG_TYPE) ?? false;
}

/** The dragged passage, or null when the data is missing or not Dossier's shape. */
export function readPassageDrag(transfer: DataTransfer | null): PassageDrag | null {
  const raw = transfer?.getData(PASSAGE_DRAG_TYPE);
  if (!raw) return null;
  try {
    return asPassageDrag(JSON.parse(raw));
  } catch {
    return null;
  }
}

function asPassageDrag(value: unknown): PassageDrag | null {
  if (typeof value !== 'object' || value === null) return null;
  const drag = value as Record<string, unknown>;
  const { sourceId, quote } = drag;
  if (!isId(sourceId) || typeof quote !== 'string') return null;
  if (drag.kind === 'passage' && isId(drag.passageId)) {
    return { kind: 'passage', passageId: drag.passageId, sourceId, quote };
  }
  const { start, end } = drag;
  if (drag.kind === 'words' && isOffset(start) && isOffset(end) && start < end) {
    return { kind: 'words', sourceId, start, end, quote };
  }
  return null;
}

function isOffset(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
