/**
 * The file types Dossier imports, as the file picker and folder imports see
 * them (the core tells the type from the bytes and refuses the rest itself;
 * this list mirrors its SUPPORTED_EXTENSIONS, which the renderer cannot import).
 */
export const importableExtensions = [
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.xhtml',
  '.mht',
  '.mhtml',
  '.pdf',
  '.epub',
  '.docx',
] as const;

/** For `<input type="file" accept>`. */
export const importAccept = importableExtensions.join(',');

export function hasImportableExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return importableExtensions.some((extension) => lower.endsWith(extension));
}

/** A file picked out of a folder, with where it was inside it (shown in the summary). */
export interface FolderFile {
  file: File;
  /** e.g. `reports/2024/brief.pdf`. */
  path: string;
}

/** Hidden files and folders (`.DS_Store`, `.git`) are never an analyst's material. */
export function isHidden(name: string): boolean {
  return name.startsWith('.');
}
