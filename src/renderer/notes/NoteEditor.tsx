import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useCallback, useState } from 'react';
import type { NoteDetail } from '../../shared/api';
import { api } from '../api/client';
import { TagEditor } from '../tags/TagEditor';
import { AsyncButton } from '../ui/AsyncButton';
import { noteEditorConfig } from './editorConfig';
import { noteShortcutTransformers } from './formatting/blockShortcuts';
import { NoteLinkPlugin } from './noteLink/NoteLinkPlugin';
import { NoteReferences } from './noteLink/NoteReferences';
import { PassageLinkPlugin } from './passageLink/PassageLinkPlugin';
import { EditorHandlePlugin } from './plugins/EditorHandlePlugin';
import { FormattingToolbarPlugin } from './plugins/FormattingToolbarPlugin';
import { LinkEditorPlugin } from './plugins/LinkEditorPlugin';
import { NoteKeysPlugin } from './plugins/NoteKeysPlugin';
import { PlainCodeBlocksPlugin } from './plugins/PlainCodeBlocksPlugin';
import { SafeLinksPlugin } from './plugins/SafeLinksPlugin';
import { NoteHistoryButton } from './history/NoteHistoryButton';
import { SaveStatus } from './SaveStatus';
import { useNoteSaver } from './useNoteSaver';
import './noteRichText.css';

interface NoteEditorProps {
  note: NoteDetail;
  /** Put the cursor in the title (a note just created). */
  focusTitle: boolean;
  onOpenPassage: (sourceId: string, passageId: string) => void;
  onOpenNote: (noteId: string) => void;
  onEditor: (editor: LexicalEditor | null) => void;
  onTrash: (noteId: string) => Promise<void>;
}

const placeholder = 'Write a note… (Ctrl+B bold, Ctrl+I italic)';

/** Title and rich-text body of one note, saved automatically. Mount one per note (key by id). */
export function NoteEditor({
  note,
  focusTitle,
  onOpenPassage,
  onOpenNote,
  onEditor,
  onTrash,
}: NoteEditorProps) {
  const { saver, state, initial } = useNoteSaver(note);
  const [title, setTitle] = useState(initial.title);
  const [initialConfig] = useState(() => noteEditorConfig(initial.body));
  const flush = () => void saver.flush();
  // Leaving the text keeps the note as it is in its history (once its edits are saved).
  const leave = () =>
    void saver
      .flush()
      .then(() => api.checkpointNote({ noteId: note.id }))
      // History is kept on a best effort: a failed save already says so in the header.
      .catch(() => undefined);
  const restoreTitle = (restored: string) => {
    setTitle(restored);
    saver.edit({ title: restored });
  };
  const saveTags = useCallback(
    async (tags: string[]) => (await api.setNoteTags({ noteId: note.id, tags })).tags,
    [note.id],
  );

  return (
    <section className="note-editor-pane" aria-label="Note">
      <LexicalComposer initialConfig={initialConfig}>
        <div className="note-header">
          <input
            className="note-title"
            data-testid="note-title"
            aria-label="Note title"
            dir="auto"
            maxLength={500}
            value={title}
            autoFocus={focusTitle}
            onFocus={(event) => focusTitle && event.currentTarget.select()}
            onChange={(event) => {
              setTitle(event.target.value);
              saver.edit({ title: event.target.value });
            }}
            onBlur={flush}
          />
          <SaveStatus state={state} onRetry={flush} />
          <AsyncButton
            className="button button-small"
            data-testid="trash-note"
            onClick={() => onTrash(note.id)}
          >
            Move to trash
          </AsyncButton>
          <NoteHistoryButton noteId={note.id} onRestoreTitle={restoreTitle} />
        </div>
        <div className="note-tags">
          <TagEditor initialTags={note.tags} save={saveTags} label="Note tags" />
        </div>
        <FormattingToolbarPlugin />
        <LinkEditorPlugin />
        <div className="note-body">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="note-editor"
                data-testid="note-editor"
                aria-label="Note text"
                aria-placeholder={placeholder}
                placeholder={<div className="note-placeholder">{placeholder}</div>}
                onBlur={leave}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <NoteReferences noteId={note.id} onOpenPassage={onOpenPassage} onOpenNote={onOpenNote} />
        <HistoryPlugin />
        <ListPlugin />
        <CheckListPlugin />
        <HorizontalRulePlugin />
        <SafeLinksPlugin />
        <PlainCodeBlocksPlugin />
        <NoteKeysPlugin />
        <MarkdownShortcutPlugin transformers={noteShortcutTransformers} />
        <OnChangePlugin
          ignoreSelectionChange
          // Marks the body changed; the saver serialises it only when it saves.
          onChange={(editorState) =>
            saver.edit({ body: () => JSON.stringify(editorState.toJSON()) })
          }
        />
        <PassageLinkPlugin onOpenPassage={onOpenPassage} />
        <NoteLinkPlugin noteId={note.id} onOpenNote={onOpenNote} />
        <EditorHandlePlugin onEditor={onEditor} />
      </LexicalComposer>
    </section>
  );
}
