import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

interface PopoverProps {
  className: string;
  /** What the button shows, and what it is called for screen readers. */
  summary: ReactNode;
  label: string;
  children: ReactNode;
}

/**
 * A button that opens a panel below it. Escape, a click elsewhere, or a click
 * on a button in the panel (its action has begun) closes it.
 */
export function Popover({ className, summary, label, children }: PopoverProps) {
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => {
    if (detailsRef.current) detailsRef.current.open = false;
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!detailsRef.current?.contains(event.target as Node)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, close]);

  return (
    <details
      ref={detailsRef}
      className={`popover ${className}`}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary aria-label={label}>{summary}</summary>
      <div
        className="popover-panel"
        onClick={(event) => {
          if ((event.target as Element).closest('button')) close();
        }}
      >
        {open && children}
      </div>
    </details>
  );
}
