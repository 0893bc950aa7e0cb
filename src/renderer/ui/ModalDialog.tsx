import { useId, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';

export interface ModalDialogProps {
  /** The dialog's title, which also names it for screen readers. */
  heading: ReactNode;
  /** Leave out for a dialog that is mounted only while it is shown. */
  open?: boolean;
  /** Escape, Cancel or Close. */
  onClose: () => void;
  /** Besides `dialog`. */
  className?: string;
  testId: string;
  children: ReactNode;
}

/** A modal `<dialog>` under its heading, shown while `open`. */
export function ModalDialog({
  heading,
  open,
  onClose,
  className,
  testId,
  children,
}: ModalDialogProps) {
  const headingId = useId();
  const dialogRef = useModalDialog(open);
  return (
    <dialog
      ref={dialogRef}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={headingId}
      data-testid={testId}
      onClose={onClose}
    >
      <h2 id={headingId}>{heading}</h2>
      {children}
    </dialog>
  );
}
