import { useEffect, useRef, useState } from 'react';
import { shortcuts } from './shortcuts';

/** Keyboard shortcuts, one click away (Cmd instead of Ctrl on macOS); Escape or a click elsewhere closes them. */
export function ShortcutHelp() {
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const close = () => {
      if (detailsRef.current) detailsRef.current.open = false;
    };
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
  }, [open]);

  return (
    <details
      ref={detailsRef}
      className="shortcut-help"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary aria-label="Keyboard shortcuts">?</summary>
      <div className="shortcut-help-panel">
        <dl>
          {Object.entries(shortcuts).map(([id, { keys, description }]) => (
            <div key={id}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{description}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">On macOS use Cmd instead of Ctrl.</p>
      </div>
    </details>
  );
}
