/**
 * The library's undo history: what Ctrl+Z takes back when the keys are not in
 * the note editor or a text field (a passage marked or removed, tags changed,
 * an item moved to the trash or into a collection). The note editor keeps its
 * own history (Lexical's), so the one never undoes the other.
 */
export interface LibraryAction {
  /** What was done, as the toast that reports the undo says it ("Passage removed"). */
  label: string;
  undo: () => void | Promise<void>;
}

/** Older actions than this are forgotten. */
const MAX_ACTIONS = 50;

const history: LibraryAction[] = [];

/** Records an action that can be taken back; returns a function that forgets it (its Undo was used elsewhere). */
export function recordLibraryAction(action: LibraryAction): () => void {
  history.push(action);
  if (history.length > MAX_ACTIONS) history.shift();
  return () => {
    const index = history.lastIndexOf(action);
    if (index !== -1) history.splice(index, 1);
  };
}

/** Takes the last action off the history, for the caller to undo; undefined when there is none. */
export function takeLastLibraryAction(): LibraryAction | undefined {
  return history.pop();
}
