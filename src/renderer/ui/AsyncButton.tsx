import { useState, type ButtonHTMLAttributes } from 'react';

interface AsyncButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'> {
  onClick: () => Promise<void>;
}

/**
 * A button whose action takes a while: clicks are ignored until it ends, so a
 * double click asks once. It stays focusable (aria-disabled, not disabled) so
 * keyboard focus is not dropped while the action runs.
 */
export function AsyncButton({ onClick, ...buttonProps }: AsyncButtonProps) {
  const [running, setRunning] = useState(false);
  return (
    <button
      type="button"
      {...buttonProps}
      aria-disabled={running || undefined}
      onClick={() => {
        if (running) return;
        setRunning(true);
        void onClick().finally(() => setRunning(false));
      }}
    />
  );
}
