export function findElectronBinary(root: string): string | undefined;
export function electronVersion(root: string): string;
