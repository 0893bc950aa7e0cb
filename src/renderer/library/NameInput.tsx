import { useRef, useState } from 'react';

interface NameInputProps {
  initial: string;
  label: string;
  testId: string;
  /** Resolves true once saved (the input then goes away), false to let the analyst correct it. */
  onSubmit: (name: string) => Promise<boolean>;
  onCancel: () => void;
}

/**
 * A name typed in place (a new collection, a renamed one): Enter or leaving the
 * field saves it, Escape (or leaving it empty or unchanged) gives up.
 */
export function NameInput({ initial, label, testId, onSubmit, onCancel }: NameInputProps) {
  const [name, setName] = useState(initial);
  // Saving, or given up: Enter then the blur of the field going away must not save twice.
  const busy = useRef(false);

  const cancel = () => {
    busy.current = true;
    onCancel();
  };
  const finish = async () => {
    if (busy.current) return;
    const trimmed = name.trim();
    if (trimmed === '' || trimmed === initial.trim()) {
      cancel();
      return;
    }
    busy.current = true;
    const saved = await onSubmit(trimmed);
    if (!saved) busy.current = false;
  };

  return (
    <form
      className="name-input"
      onSubmit={(event) => {
        event.preventDefault();
        void finish();
      }}
    >
      <input
        // It appears because the analyst asked to type a name.
        autoFocus
        dir="auto"
        aria-label={label}
        placeholder={label}
        data-testid={testId}
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.target.value)}
        onFocus={(event) => event.currentTarget.select()}
        onBlur={() => void finish()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            cancel();
          }
        }}
      />
    </form>
  );
}
