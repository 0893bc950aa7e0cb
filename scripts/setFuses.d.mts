import type { FuseV1Config } from '@electron/fuses';

export function fuseConfigFor(target: string): FuseV1Config;
export function readFuses(target: string): Promise<Record<string, boolean | undefined>>;
export function wantedFuses(): Record<string, boolean>;
export function setFuses(target: string): Promise<Record<string, boolean | undefined>>;
