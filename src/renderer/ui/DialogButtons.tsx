import type { ReactNode } from 'react';

interface DialogButtonsProps {
  onCancel: () => void;
  /** What the primary button says (its form's submit). */
  children: ReactNode;
  disabled: boolean;
  submitTestId: string;
}

/** A form dialog's Cancel and primary (submit) buttons, in their usual place. */
export function DialogButtons({ onCancel, children, disabled, submitTestId }: DialogButtonsProps) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button
        type="submit"
        className="button button-primary"
        disabled={disabled}
        data-testid={submitTestId}
      >
        {children}
      </button>
    </div>
  );
}
