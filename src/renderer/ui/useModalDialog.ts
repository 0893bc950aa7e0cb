import { useEffect, useRef } from 'react';

/**
 * A `<dialog>` shown as a modal while `open` and closed when it turns false;
 * a dialog that is mounted only while it is shown leaves `open` out.
 */
export function useModalDialog(open = true) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return dialogRef;
}
