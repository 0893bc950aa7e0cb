import type { MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';

/** A title typed after `[[` stops at a closing bracket or the end of the line, and is kept short. */
const OPENED_NOTE_LINK = /(?:^|[\s(])(\[\[([^[\]\n]{0,100}))$/u;

/** `[[` and what follows it up to the cursor, when the cursor is still inside it. */
export function matchNoteLinkTrigger(textBeforeCursor: string): MenuTextMatch | null {
  const match = OPENED_NOTE_LINK.exec(textBeforeCursor);
  if (!match) return null;
  const replaceable = match[1]!;
  return {
    leadOffset: textBeforeCursor.length - replaceable.length,
    matchingString: match[2]!,
    replaceableString: replaceable,
  };
}
