import { createContext, useContext } from 'react';

export type ToastKind = 'success' | 'info' | 'error';

export interface ToastMessage {
  kind: ToastKind;
  message: string;
  /** Reverses what the message reports; shown as an "Undo" button that also closes the toast. */
  undo?: () => void;
}

export const ToastContext = createContext<(toast: ToastMessage) => void>(() => {
  throw new Error('useToast needs a ToastProvider');
});

/** Shows a short message in the corner; errors stay until dismissed. */
export function useToast(): (toast: ToastMessage) => void {
  return useContext(ToastContext);
}
