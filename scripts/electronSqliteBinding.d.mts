export function ensureElectronSqliteBinding(root: string): string;
