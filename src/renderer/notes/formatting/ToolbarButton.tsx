import type { ButtonHTMLAttributes } from 'react';

interface ToolbarButtonProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'disabled' | 'title'> {
  label: string;
  /** How to do the same from the keyboard, shown in the tooltip. */
  shortcut?: string;
  /** For toggles only: whether the format is on at the selection. */
  pressed?: boolean;
  disabled?: boolean;
  onActivate: () => void;
}

/** A small toolbar button that acts on the editor without taking the focus from it. */
export function ToolbarButton({
  label,
  shortcut,
  pressed,
  disabled = false,
  onActivate,
  className,
  children,
  ...rest
}: ToolbarButtonProps) {
  return (
    <button
      {...rest}
      type="button"
      className={['tool-button', className].filter(Boolean).join(' ')}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      // aria-disabled rather than disabled: the button stays reachable with the arrow keys.
      aria-disabled={disabled || undefined}
      // A mouse press would move the focus here and drop the editor's selection.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (!disabled) onActivate();
      }}
    >
      {children}
    </button>
  );
}
