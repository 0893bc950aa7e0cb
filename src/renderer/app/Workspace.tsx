import { useCallback, useRef, useState } from 'react';
import type { PassageView, SearchHit } from '../../shared/api';
import { ImportControls } from '../import/ImportControls';
import { useFileDrop } from '../import/useFileDrop';
import { useImport } from '../import/useImport';
import { PaneColumns } from '../layout/PaneColumns';
import { Splitter } from '../layout/Splitter';
import { paneIds } from '../layout/panes';
import { useRevealingNavigation } from '../layout/useRevealingNavigation';
import { useWorkspaceLayout } from '../layout/useWorkspaceLayout';
import { CollectionList } from '../library/CollectionList';
import { LibraryList } from '../library/LibraryList';
import { useLibraryState } from '../library/useLibraryState';
import { NotebookMenu } from '../maintenance/NotebookMenu';
import { ReadOnlyBanner } from '../maintenance/ReadOnlyBanner';
import { NoteList } from '../notes/NoteList';
import { NotePane } from '../notes/NotePane';
import { OperationsBar } from '../operations/OperationsBar';
import { CommandPalette } from '../palette/CommandPalette';
import { PassagePanel } from '../passages/PassagePanel';
import { usePassageCorrections } from '../passages/usePassageCorrections';
import { useRemovePassage } from '../passages/useRemovePassage';
import { SearchBox } from '../search/SearchBox';
import { SearchResults } from '../search/SearchResults';
import { useSearch } from '../search/useSearch';
import { SourceView } from '../versions/SourceView';
import { useNavigation } from './navigation';
import { ShortcutHelp } from './ShortcutHelp';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useLibraryUndoKeys } from '../undo/useLibraryUndoKeys';
import { useNoteActions } from './useNoteActions';
import { useWorkspaceData } from './useWorkspaceData';

/** The one window: library and notes | reader or search results | passages and the open note. */
export function Workspace() {
  const layout = useWorkspaceLayout();
  const navigation = useRevealingNavigation(useNavigation(), layout.reveal);
  const { openSource, openPassage, openSourceVersion, openNote, closeNote } = navigation;
  const data = useWorkspaceData(navigation);
  const { openSourceId, openNoteId } = data;
  const library = useLibraryState();

  const [query, setQuery] = useState('');
  const [resultsShown, setResultsShown] = useState(false);
  const search = useSearch(query);
  const searchInput = useRef<HTMLInputElement>(null);
  const showingResults = resultsShown && query.trim() !== '';

  const noteActions = useNoteActions({ openNoteId, openNote, closeNote });
  const removePassage = useRemovePassage();
  const passageCorrections = usePassageCorrections();

  const showImported = useCallback(
    (sourceId: string) => {
      setResultsShown(false);
      openSource(sourceId);
    },
    [openSource],
  );
  const importer = useImport(showImported);
  const dragging = useFileDrop(importer.importDrop);

  const focusSearch = useCallback(() => searchInput.current?.focus(), []);
  const focusFirstResult = useCallback(
    () => document.querySelector<HTMLElement>('.search-results [data-list-item]')?.focus(),
    [],
  );
  useGlobalShortcuts({ focusSearch, newNote: noteActions.newNote, layout });
  useLibraryUndoKeys();

  const showPassage = useCallback(
    (sourceId: string, passageId: string) => {
      setResultsShown(false);
      openPassage(sourceId, passageId);
    },
    [openPassage],
  );

  const onPassageMarked = useCallback(
    (passageId: string) => {
      if (openSourceId) openPassage(openSourceId, passageId);
    },
    [openPassage, openSourceId],
  );

  const clearFocus = useCallback(() => {
    if (openSourceId) openSource(openSourceId);
  }, [openSource, openSourceId]);

  const openHit = useCallback(
    (hit: SearchHit) => {
      setResultsShown(false);
      if (hit.kind === 'source' && hit.versionNumber !== undefined) {
        openSourceVersion(hit.id, hit.versionNumber);
      } else if (hit.kind === 'source') openSource(hit.id);
      else if (hit.kind === 'note') openNote(hit.id);
      else openPassage(hit.sourceId, hit.id);
    },
    [openSource, openSourceVersion, openNote, openPassage],
  );

  const source = data.source.data?.id === openSourceId ? data.source.data : undefined;
  // The passages as last listed, or as the source came, until a list for this source arrives.
  const listed = data.passages.data;
  const passages = listed && listed.sourceId === source?.id ? listed.passages : source?.passages;
  const linkIntoNote = (passage: PassageView) =>
    noteActions.linkIntoNote(passage, source?.title ?? 'Untitled note');
  const quoteIntoNote = (passage: PassageView, citation: string) =>
    noteActions.quoteIntoNote(passage, citation, source?.title ?? 'Untitled note');

  return (
    <div className="app">
      <header className="top-bar">
        <span className="app-name">Dossier</span>
        <SearchBox
          ref={searchInput}
          query={query}
          onQueryChange={(next) => {
            setQuery(next);
            setResultsShown(true);
          }}
          onFocus={() => setResultsShown(true)}
          onEnterResults={focusFirstResult}
        />
        <ImportControls importer={importer} />
        <NotebookMenu openNoteId={openNoteId} collectionId={library.activeCollection?.id ?? null} />
        <ShortcutHelp />
      </header>
      <OperationsBar />
      <ReadOnlyBanner />

      <PaneColumns layout={layout} searching={showingResults}>
        <nav className="sidebar" id={paneIds.library} aria-label="Library and notes">
          <CollectionList
            library={library}
            sources={data.sources.data}
            notes={data.notes.data}
            openSourceId={openSourceId}
            openNoteId={openNoteId}
          />
          <LibraryList
            sources={data.sources.data}
            newest={data.newestSources}
            error={data.sources.error}
            openSourceId={openSourceId}
            onOpen={(sourceId) => {
              setResultsShown(false);
              openSource(sourceId);
            }}
            library={library}
          />
          <NoteList
            notes={data.notes.data}
            error={data.notes.error}
            openNoteId={openNoteId}
            onOpen={openNote}
            onNew={noteActions.newNote}
            filter={library.noteFilter}
          />
        </nav>
        <Splitter pane="library" />

        <main className="center" id={paneIds.reader}>
          {showingResults && (
            <SearchResults
              query={query}
              search={search}
              onOpenHit={openHit}
              onBackOut={focusSearch}
            />
          )}
          <div className="center-view" hidden={showingResults}>
            {!openSourceId && (
              <p className="empty-state reader-empty">
                Open an article from the library, import files or a folder, or drop them here.
              </p>
            )}
            {openSourceId && data.source.error && (
              <p className="panel-error">This article could not be opened: {data.source.error}</p>
            )}
            {openSourceId && !source && !data.source.error && (
              <p className="loading">Opening article…</p>
            )}
            {source && (
              <SourceView
                key={source.id}
                source={source}
                focus={navigation.focus}
                versionRequest={navigation.version}
                onPassageMarked={onPassageMarked}
                onClearFocus={clearFocus}
                onShowPassage={(passageId) => showPassage(source.id, passageId)}
                onLinkIntoNote={linkIntoNote}
                onQuoteIntoNote={quoteIntoNote}
              />
            )}
          </div>
        </main>
        <Splitter pane="side" />

        <aside className="side-panel" id={paneIds.side} aria-label="Passages and note">
          {source && (
            <section className="passages-section" aria-labelledby="passages-heading">
              <h2 id="passages-heading">Passages</h2>
              <PassagePanel
                passages={passages ?? []}
                notes={data.notes.data ?? []}
                focusedPassageId={navigation.focus?.passageId ?? null}
                currentText={source.text}
                blocks={source.blocks}
                corrections={passageCorrections}
                onOpenPassage={(passage) => showPassage(passage.sourceId, passage.id)}
                onOpenNote={openNote}
                onLinkIntoNote={linkIntoNote}
                onRemove={removePassage}
              />
            </section>
          )}
          <NotePane
            noteId={openNoteId}
            freshNoteId={noteActions.freshNoteId}
            onOpenPassage={showPassage}
            onOpenNote={openNote}
            onEditor={noteActions.setEditor}
            onTrash={noteActions.moveToTrash}
          />
        </aside>
      </PaneColumns>

      <CommandPalette
        navigation={navigation}
        layout={layout}
        noteActions={noteActions}
        sources={data.sources.data}
        notes={data.notes.data}
        source={source}
        passages={passages}
        focusSearch={focusSearch}
        onSearch={(text) => {
          setQuery(text);
          setResultsShown(true);
          focusSearch();
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <span>Drop files or folders to import them</span>
        </div>
      )}
    </div>
  );
}
