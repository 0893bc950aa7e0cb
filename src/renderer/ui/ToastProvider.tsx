import { useCallback, useState, type ReactNode } from 'react';
import { Toast, type ShownToast } from './Toast';
import { ToastContext, type ToastMessage } from './toastContext';

let nextToastId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);

  const dismiss = useCallback((id: number) => {
    setToasts((shown) => shown.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback((toast: ToastMessage) => {
    const id = nextToastId++;
    setToasts((shown) => [...shown, { ...toast, id }]);
  }, []);

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
