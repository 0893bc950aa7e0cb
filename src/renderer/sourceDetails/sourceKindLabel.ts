import type { SourceKind } from '../../shared/documentModel';

const labels: Record<SourceKind, string> = {
  text: 'Text',
  web: 'Web',
  markdown: 'Markdown',
  pdf: 'PDF',
  epub: 'EPUB',
  docx: 'Word',
};

/** What a source was imported from, in a word (the library's badge, the reader's details). */
export function sourceKindLabel(kind: SourceKind): string {
  return labels[kind];
}
