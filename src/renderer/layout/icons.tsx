/** The layout bar's icons (LineIcon). */
import { LineIcon } from '../ui/LineIcon';

/** A window with its start column marked: the library. */
export const LibraryPaneIcon = () => (
  <LineIcon>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
    <path d="M5.5 2.5v11M3 5h1M3 7h1" />
  </LineIcon>
);

/** A window with its end column marked: the side panel. */
export const SidePaneIcon = () => (
  <LineIcon>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
    <path d="M10 2.5v11M12 5h1M12 7h1" />
  </LineIcon>
);

/** Four corners drawn inwards: everything but the text goes away. */
export const FocusIcon = () => (
  <LineIcon>
    <path d="M2 5.5V2h3.5M14 5.5V2h-3.5M2 10.5V14h3.5M14 10.5V14h-3.5" />
    <path d="M5.5 6.5h5M5.5 9.5h5" />
  </LineIcon>
);
