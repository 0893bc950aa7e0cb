import { useState, type KeyboardEvent } from 'react';
import { hasPrimaryModifier } from '../ui/dom';
import './passageAnnotation.css';

interface CommentEditorProps {
  /** The comment as it is now ('' when there is none). */
  initial: string;
  /** Names the field for screen readers. */
  label: string;
  /** Stores the comment ('' clears it); the editor closes when it resolves. */
  onSave: (comment: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * A comment on a passage being written: Ctrl+Enter (or Save) keeps it, Esc
 * (or Cancel) leaves it as it was, and saving an empty one clears it.
 */
export function CommentEditor({ initial, label, onSave, onCancel }: CommentEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);

  function save() {
    if (saving) return;
    setSaving(true);
    void onSave(draft.trim()).finally(() => setSaving(false));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && hasPrimaryModifier(event)) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      // Escape here cancels the comment, not what is around it (focus mode, a selection).
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <div className="comment-editor">
      <textarea
        className="comment-editor-text"
        data-testid="comment-editor"
        dir="auto"
        rows={3}
        aria-label={label}
        placeholder="Why this passage matters…"
        // The editor opens because the analyst asked to write.
        autoFocus
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="comment-editor-actions">
        <span className="comment-editor-hint">Ctrl+Enter saves · Esc cancels</span>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-small button-primary"
          data-testid="comment-save"
          aria-disabled={saving || undefined}
          onClick={save}
        >
          {draft.trim() === '' && initial !== '' ? 'Clear comment' : 'Save'}
        </button>
      </div>
    </div>
  );
}
