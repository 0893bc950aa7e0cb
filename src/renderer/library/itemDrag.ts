/**
 * Articles and notes dragged inside the window (onto a collection). They carry a
 * type of their own, never `Files`, so the window's file drop (import) ignores them.
 */
const itemType = 'application/x-dossier-item';

export interface DraggedItem {
  kind: 'source' | 'note';
  id: string;
}

export function startItemDrag(event: React.DragEvent, item: DraggedItem): void {
  event.dataTransfer.setData(itemType, JSON.stringify(item));
  event.dataTransfer.effectAllowed = 'copy';
}

/** Whether a drag carries an article or a note (its data can be read only on drop). */
export function carriesItem(dataTransfer: DataTransfer): boolean {
  return dataTransfer.types.includes(itemType);
}

export function droppedItem(dataTransfer: DataTransfer): DraggedItem | null {
  try {
    const item = JSON.parse(dataTransfer.getData(itemType) || 'null') as Partial<DraggedItem>;
    const { kind, id } = item ?? {};
    return (kind === 'source' || kind === 'note') && typeof id === 'string' ? { kind, id } : null;
  } catch {
    return null;
  }
}
