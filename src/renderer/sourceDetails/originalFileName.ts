import type { OriginalSummary } from '../../shared/api';

const EXTENSIONS: Record<string, string> = {
  'text/plain': '.txt',
  'text/html': '.html',
  'multipart/related': '.mhtml',
  'text/markdown': '.md',
  'application/pdf': '.pdf',
  'application/epub+zip': '.epub',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};

/** The name an original is saved under: its own file name, else the last part of its address, else "original". */
export function originalFileName({ fileName, url, mediaType }: OriginalSummary): string {
  const fromPath = fileName?.split(/[\\/]/).at(-1);
  if (fromPath) return fromPath;
  const fromUrl = url ? lastPathSegment(url) : '';
  const extension = EXTENSIONS[mediaType] ?? '';
  // Characters no file system takes in a name become "_".
  const base = [...(fromUrl || 'original')]
    .map((char) => (char < ' ' || '<>:"/\\|?*'.includes(char) ? '_' : char))
    .join('');
  return base.toLowerCase().endsWith(extension) ? base : base + extension;
}

function lastPathSegment(address: string): string {
  try {
    const { pathname, hostname } = new URL(address);
    return decodeURIComponent(pathname.split('/').filter(Boolean).at(-1) ?? '') || hostname;
  } catch {
    return '';
  }
}
