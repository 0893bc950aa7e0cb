import { useEffect, useState } from 'react';
import type { ToastMessage } from './toastContext';

export interface ShownToast extends ToastMessage {
  id: number;
}

interface ToastProps {
  toast: ShownToast;
  onDismiss: (id: number) => void;
}

const lifetimeMs = 6000;

/**
 * One message in the corner. Errors stay until dismissed; others go after a
 * while, but never while the pointer or the keyboard focus is on them, so
 * there is always time to reach "Undo".
 */
export function Toast({ toast, onDismiss }: ToastProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const expires = toast.kind !== 'error' && !hovered && !focused;

  useEffect(() => {
    if (!expires) return;
    const timer = setTimeout(() => onDismiss(toast.id), lifetimeMs);
    return () => clearTimeout(timer);
  }, [expires, onDismiss, toast.id]);

  const undo = toast.undo;
  return (
    <div
      className={`toast toast-${toast.kind}`}
      data-testid="toast"
      data-kind={toast.kind}
      role={toast.kind === 'error' ? 'alert' : 'status'}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <span dir="auto">{toast.message}</span>
      {undo && (
        <button
          type="button"
          className="button button-small toast-undo"
          data-testid="toast-undo"
          onClick={() => {
            onDismiss(toast.id);
            undo();
          }}
        >
          Undo
        </button>
      )}
      <button
        type="button"
        className="toast-dismiss"
        aria-label="Dismiss"
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
