import { isHidden, type FolderFile } from './importableFiles';

/** What was dropped on the window: loose files, or (when a folder was among them) every file inside, recursively. */
export interface Dropped {
  files: FolderFile[];
  hadFolder: boolean;
}

/**
 * Reads a drop. The entries must be taken while the drop event is being
 * handled (the browser empties the DataTransfer afterwards); folders are then
 * walked at leisure.
 */
export function readDrop(transfer: DataTransfer): Promise<Dropped> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry());
  const hadFolder = entries.some((entry) => entry?.isDirectory);
  if (!hadFolder) {
    const files = [...transfer.files].map((file) => ({ file, path: file.name }));
    return Promise.resolve({ files, hadFolder });
  }
  return (async () => {
    const files: FolderFile[] = [];
    for (const entry of entries) if (entry) files.push(...(await filesUnder(entry, '')));
    return { files, hadFolder };
  })();
}

async function filesUnder(entry: FileSystemEntry, parent: string): Promise<FolderFile[]> {
  if (isHidden(entry.name)) return [];
  const path = parent === '' ? entry.name : `${parent}/${entry.name}`;
  if (isFile(entry)) return [{ file: await fileOf(entry), path }];
  if (!isDirectory(entry)) return [];
  const found: FolderFile[] = [];
  for (const child of await childrenOf(entry)) found.push(...(await filesUnder(child, path)));
  return found;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** All of a folder's entries: the reader hands them out in chunks until it returns none. */
async function childrenOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (chunk.length === 0) return children;
    children.push(...chunk);
  }
}

/** The files an `<input webkitdirectory>` gave, without hidden ones, with their paths inside the folder. */
export function filesOfFolderInput(files: Iterable<File>): FolderFile[] {
  return [...files]
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }))
    .filter(({ path }) => !path.split('/').some(isHidden));
}
