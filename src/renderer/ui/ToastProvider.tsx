import { useCallback, useState, type ReactNode } from 'react';
import { Toast, type ShownToast } from './Toast';
import { ToastContext, type ToastMessage } from './toastContext';
import { recordLibraryAction } from '../undo/libraryUndo';

let nextToastId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);

  const dismiss = useCallback((id: number) => {
    setToasts((shown) => shown.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (toast: ToastMessage) => {
      const id = nextToastId++;
      const { undo } = toast;
      if (!undo) {
        setToasts((shown) => [...shown, { ...toast, id }]);
        return;
      }
      // What a toast offers to undo, Ctrl+Z outside the note editor undoes too (once).
      const forget = recordLibraryAction({
        label: toast.message,
        undo: () => {
          dismiss(id);
          undo();
        },
      });
      const undoOnce = () => {
        forget();
        undo();
      };
      setToasts((shown) => [...shown, { ...toast, undo: undoOnce, id }]);
    },
    [dismiss],
  );

  return (
    <ToastContext value={show}>
      {children}
      {/* After the app in the document, so Tab from where an action happened soon reaches "Undo". */}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <Toast key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}
