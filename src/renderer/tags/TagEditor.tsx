import { useRef, useState, type KeyboardEvent } from 'react';
import {
  MAX_TAG_LENGTH,
  MAX_TAGS_PER_ITEM,
  TAG_SEPARATORS,
  normalizeTag,
  sortTags,
  tagLength,
  uniqueTags,
} from '../../shared/tags';
import { isolate } from '../ui/bidi';
import { useToast } from '../ui/toastContext';
import { useSavedTags } from './useSavedTags';

interface TagEditorProps {
  /** The item's tags when it was opened. */
  initialTags: string[];
  /** Stores the item's whole list and answers with it as stored. */
  save: (tags: string[]) => Promise<string[]>;
  /** Names the group for screen readers: "Article tags", "Note tags". */
  label: string;
}

/**
 * Chips with × and an input: Enter or a comma adds what was typed, Backspace in
 * the empty input removes the last tag. Every change is saved at once.
 */
export function TagEditor({ initialTags, save, label }: TagEditorProps) {
  const { tags, commit } = useSavedTags(initialTags, save);
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const toast = useToast();

  /** Adds the typed tags; false (with a message) when they cannot be added. */
  function add(typed: readonly string[]): boolean {
    const added = typed.map(normalizeTag).filter((tag) => tag !== '');
    if (added.some((tag) => tagLength(tag) > MAX_TAG_LENGTH)) {
      toast({ kind: 'error', message: `A tag has at most ${MAX_TAG_LENGTH} characters.` });
      return false;
    }
    const next = uniqueTags([...tags, ...added]);
    if (next.length > MAX_TAGS_PER_ITEM) {
      toast({ kind: 'error', message: `An item has at most ${MAX_TAGS_PER_ITEM} tags.` });
      return false;
    }
    // Sorted as the core will answer, so chips do not move when it does.
    if (next.length > tags.length) commit(sortTags(next));
    return true;
  }

  function onChange(value: string) {
    const parts = value.split(TAG_SEPARATORS);
    // A comma (typed or pasted) ends each tag before it; the text after it is still being typed.
    const typing = parts.pop() ?? '';
    if (parts.length === 0) setDraft(value);
    else if (add(parts)) setDraft(typing);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // An input method (Persian, Chinese…) uses Enter to pick its candidate.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (add([draft])) setDraft('');
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      event.preventDefault();
      commit(tags.slice(0, -1));
    }
  }

  return (
    <div
      className="tag-editor"
      data-testid="tag-editor"
      role="group"
      aria-label={label}
      // A click beside the chips means "type a tag".
      onClick={(event) => event.target === event.currentTarget && input.current?.focus()}
    >
      {tags.map((tag) => (
        <span key={tag} className="tag-chip" data-testid="tag-chip">
          <span dir="auto">{tag}</span>
          <button
            type="button"
            className="tag-remove"
            data-testid="tag-remove"
            aria-label={`Remove tag ${isolate(tag)}`}
            title="Remove tag"
            onClick={() => commit(tags.filter((other) => other !== tag))}
          />
        </span>
      ))}
      <input
        ref={input}
        className="tag-input"
        data-testid="tag-input"
        aria-label="Add a tag"
        dir="auto"
        placeholder={tags.length === 0 ? 'Add tags…' : 'Add tag'}
        value={draft}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (add([draft])) setDraft('');
        }}
      />
    </div>
  );
}
