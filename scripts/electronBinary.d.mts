export function findElectronBinary(root: string): string | undefined;
export function electronVersion(root: string): string;
export function buildElectronApp(root: string): { DOSSIER_SQLITE_BINDING: string };
