import { useEffect, useState } from 'react';
import type { ApiArgs } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { api } from '../api/client';
import type { EditableSource } from './editableSource';
import { changedFields, formFields, type SourceForm } from './editableSource';
import { FormDialog } from '../ui/FormDialog';

interface EditSourceDialogProps {
  source: EditableSource;
  open: boolean;
  onClose: () => void;
}

/**
 * "Edit details…": the source's title and what is known of it (author, site,
 * address, date, language, direction). Only what changed is sent; an empty
 * field clears it. The article's text is never changed.
 */
export function EditSourceDialog({ source, open, onClose }: EditSourceDialogProps) {
  const [form, setForm] = useState<SourceForm>(() => formFields(source));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Each opening starts from the source as it is now.
  useEffect(() => {
    if (!open) return;
    setForm(formFields(source));
    setError(null);
  }, [open, source]);

  async function save() {
    const changes = changedFields(source, form);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api.editSource({ sourceId: source.id, ...changes } satisfies ApiArgs<'editSource'>);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  }

  const field = (name: keyof SourceForm) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) =>
      setForm((now) => ({ ...now, [name]: event.target.value })),
  });

  return (
    <FormDialog
      heading="Edit details"
      open={open}
      onClose={onClose}
      className="edit-source"
      testId="edit-source-dialog"
      onSubmit={() => void save()}
      error={error}
      errorTestId="edit-source-error"
      submitLabel={saving ? 'Saving…' : 'Save'}
      submitDisabled={saving || form.title.trim() === ''}
      submitTestId="edit-source-save"
    >
      <label className="field">
        <span>Title</span>
        <input dir="auto" required {...field('title')} data-testid="edit-source-title" />
      </label>
      <label className="field">
        <span>Author</span>
        <input dir="auto" {...field('byline')} data-testid="edit-source-byline" />
      </label>
      <label className="field">
        <span>Site</span>
        <input dir="auto" {...field('siteName')} data-testid="edit-source-site" />
      </label>
      <label className="field">
        <span>Address</span>
        <input
          type="url"
          dir="ltr"
          placeholder="https://"
          {...field('url')}
          data-testid="edit-source-url"
        />
      </label>
      <div className="edit-source-row">
        <label className="field">
          <span>Published</span>
          <input type="date" {...field('publishedDate')} data-testid="edit-source-published" />
        </label>
        <label className="field">
          <span>Language</span>
          <input
            dir="ltr"
            placeholder="e.g. en, fa, ar"
            {...field('lang')}
            data-testid="edit-source-lang"
          />
        </label>
        <label className="field">
          <span>Direction</span>
          <select {...field('dir')} data-testid="edit-source-dir">
            <option value="">Automatic</option>
            <option value="ltr">Left to right</option>
            <option value="rtl">Right to left</option>
          </select>
        </label>
      </div>
    </FormDialog>
  );
}
