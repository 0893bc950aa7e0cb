/**
 * A small disk that can be filled: a tmpfs mounted in a temp folder (needs
 * root, which CI and the dev container have). Tests that need it skip, saying
 * why, where it cannot be mounted.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  folder: string;
  /** Writes a filler file until the disk refuses more. */
  fill(): void;
  /** Deletes the filler: the space is back. */
  free(): void;
  unmount(): void;
}

/** Mounts a tmpfs of `megabytes`; a reason instead when this account or system cannot. */
export function mountSmallDisk(megabytes = 4): SmallDisk | { skipped: string } {
  if (process.getuid?.() !== 0) return { skipped: 'mounting a small tmpfs needs root' };
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-small-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', folder], {
    encoding: 'utf8',
  });
  if (mounted.status !== 0) {
    fs.rmSync(folder, { recursive: true, force: true });
    return {
      skipped: `mount -t tmpfs failed: ${(mounted.stderr || mounted.error?.message) ?? ''}`,
    };
  }
  const filler = path.join(folder, 'filler');
  return {
    folder,
    fill() {
      // A write that fits only in part writes that part; the next one meets ENOSPC.
      const chunk = Buffer.alloc(64 * 1024, 1);
      const fd = fs.openSync(filler, 'a');
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(fd);
      }
    },
    free() {
      fs.rmSync(filler, { force: true });
    },
    unmount() {
      spawnSync('umount', [folder]);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
