import type { ReactNode } from 'react';

/**
 * A 16×16 line icon drawn in the text colour, so it follows the button's
 * state (muted, hovered, pressed) and the theme. Hidden from screen readers:
 * the button it is in says what it does.
 */
export function LineIcon({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}
