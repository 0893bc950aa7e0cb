import type { ReactNode } from 'react';
import { DialogButtons } from './DialogButtons';
import { ModalDialog, type ModalDialogProps } from './ModalDialog';

interface FormDialogProps extends ModalDialogProps {
  /** Enter in a field or the primary button; the page is never submitted. */
  onSubmit: () => void;
  /** What went wrong the last time, said above the buttons. */
  error?: string | null;
  errorTestId?: string;
  /** What the primary button says. */
  submitLabel: ReactNode;
  submitDisabled: boolean;
  submitTestId: string;
}

/** A modal dialog that asks for something: its fields, what went wrong, Cancel and the primary button. */
export function FormDialog({
  onSubmit,
  error,
  errorTestId,
  submitLabel,
  submitDisabled,
  submitTestId,
  children,
  ...dialog
}: FormDialogProps) {
  return (
    <ModalDialog {...dialog}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        {error && (
          <p className="dialog-message" role="alert" data-testid={errorTestId}>
            {error}
          </p>
        )}
        <DialogButtons
          onCancel={dialog.onClose}
          disabled={submitDisabled}
          submitTestId={submitTestId}
        >
          {submitLabel}
        </DialogButtons>
      </form>
    </ModalDialog>
  );
}
