import { migration001Initial } from './001-initial';
import type { Migration } from './migration';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [migration001Initial];

export const latestSchemaVersion = migrations.length;
