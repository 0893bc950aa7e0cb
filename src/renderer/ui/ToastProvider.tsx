import { useCallback, useState, type ReactNode } from 'react';
import { ToastContext, type ToastMessage } from './toastContext';

interface ShownToast extends ToastMessage {
  id: number;
}

const infoLifetimeMs = 6000;
let nextToastId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);

  const dismiss = useCallback((id: number) => {
    setToasts((shown) => shown.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (toast: ToastMessage) => {
      const id = nextToastId++;
      setToasts((shown) => [...shown, { ...toast, id }]);
      if (toast.kind !== 'error') setTimeout(() => dismiss(id), infoLifetimeMs);
    },
    [dismiss],
  );

  return (
    <ToastContext value={show}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.kind}`}
            data-testid="toast"
            data-kind={toast.kind}
            role={toast.kind === 'error' ? 'alert' : 'status'}
          >
            <span dir="auto">{toast.message}</span>
            <button
              type="button"
              className="toast-dismiss"
              aria-label="Dismiss"
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext>
  );
}
