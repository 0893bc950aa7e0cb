import { createCommand } from 'lexical';

/** Opens the link popover for the selection (the toolbar's link button, Ctrl+Shift+K). */
export const OPEN_LINK_EDITOR_COMMAND = createCommand<void>('OPEN_LINK_EDITOR_COMMAND');
