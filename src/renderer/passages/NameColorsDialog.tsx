import { useId, useState } from 'react';
import { errorMessage } from '../../shared/errors';
import { highlightColors, type HighlightColor } from '../../shared/passages';
import { api } from '../api/client';
import { DialogButtons } from '../ui/DialogButtons';
import { useModalDialog } from '../ui/useModalDialog';
import { ColorSwatch } from './ColorSwatch';
import { colorWord, type ColorLabels } from './highlightColorNames';

/** As long as the core keeps a colour's name. */
const MAX_LABEL_LENGTH = 60;

type Names = Record<HighlightColor, string>;

/**
 * "Name colours…": what each highlight colour means to the analyst ("claim",
 * "evidence"…). Only the names changed are sent; an empty one clears it.
 */
export function NameColorsDialog({
  labels,
  onClose,
}: {
  labels: ColorLabels;
  onClose: () => void;
}) {
  const headingId = useId();
  const dialogRef = useModalDialog();
  const [names, setNames] = useState<Names>(
    () =>
      Object.fromEntries(highlightColors.map((color) => [color, labels.get(color) ?? ''])) as Names,
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    const changed = highlightColors.filter(
      (color) => names[color].trim() !== (labels.get(color) ?? ''),
    );
    setSaving(true);
    setError(null);
    try {
      for (const color of changed) {
        await api.setHighlightColorLabel({ color, label: names[color] });
      }
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog name-colors"
      aria-labelledby={headingId}
      data-testid="name-colors-dialog"
      onClose={onClose}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id={headingId}>Name colours</h2>
        <p className="dialog-explanation">
          Say what each colour stands for, e.g. “claim” or “evidence”. The names show in the
          selection toolbar and above the passages.
        </p>
        {highlightColors.map((color) => (
          <label key={color} className="field name-color-field">
            <span className="name-color-colour">
              <ColorSwatch color={color} />
              {colorWord(color)}
            </span>
            <input
              dir="auto"
              maxLength={MAX_LABEL_LENGTH}
              placeholder="No name"
              data-testid={`color-label-${color}`}
              value={names[color]}
              onChange={(event) => setNames((now) => ({ ...now, [color]: event.target.value }))}
            />
          </label>
        ))}
        {error && (
          <p className="dialog-message" role="alert">
            {error}
          </p>
        )}
        <DialogButtons onCancel={onClose} disabled={saving} submitTestId="name-colors-save">
          Save names
        </DialogButtons>
      </form>
    </dialog>
  );
}
