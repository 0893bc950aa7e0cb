import { useState } from 'react';
import { errorMessage } from '../../shared/errors';
import { highlightColors, type HighlightColor } from '../../shared/passages';
import { api } from '../api/client';
import { FormDialog } from '../ui/FormDialog';
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
    <FormDialog
      heading="Name colours"
      onClose={onClose}
      className="name-colors"
      testId="name-colors-dialog"
      onSubmit={() => void save()}
      error={error}
      submitLabel="Save names"
      submitDisabled={saving}
      submitTestId="name-colors-save"
    >
      <p className="dialog-explanation">
        Say what each colour stands for, e.g. “claim” or “evidence”. The names show in the selection
        toolbar and above the passages.
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
    </FormDialog>
  );
}
