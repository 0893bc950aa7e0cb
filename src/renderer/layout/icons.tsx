/** Line icons for the layout bar, drawn in the text colour (16×16). */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

/** A window with its start column marked: the library. */
export const LibraryPaneIcon = () => (
  <Icon>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
    <path d="M5.5 2.5v11M3 5h1M3 7h1" />
  </Icon>
);

/** A window with its end column marked: the side panel. */
export const SidePaneIcon = () => (
  <Icon>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
    <path d="M10 2.5v11M12 5h1M12 7h1" />
  </Icon>
);

/** Four corners drawn inwards: everything but the text goes away. */
export const FocusIcon = () => (
  <Icon>
    <path d="M2 5.5V2h3.5M14 5.5V2h-3.5M2 10.5V14h3.5M14 10.5V14h-3.5" />
    <path d="M5.5 6.5h5M5.5 9.5h5" />
  </Icon>
);
