/**
 * The `dossier` command on damaged notebooks: each kind of damage is refused
 * without a stack trace, the files are moved aside byte for byte, and
 * `dossier recover` salvages the rest into a notebook that passes its check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecoveryReport } from '../../src/core/recovery/recoverNotebook';
import { useCliNotebook } from './support/cliNotebook';
import {
  buildNotebookWithWal,
  damage,
  damagedTable,
  damageKinds,
  fileHashes,
  tableCounts,
} from './support/damagedNotebook';

describe('dossier on a damaged notebook', () => {
  const cli = useCliNotebook();

  it.each(damageKinds)(
    '%s: refused with where the files went, moved aside unchanged, then recovered',
    async (kind) => {
      const file = cli.databaseFile;
      await buildNotebookWithWal(file);
      const before = tableCounts(file, path.join(cli.folder, 'scratch'));
      damage(file, kind);
      const hashes = fileHashes(file);
      expect([...hashes.keys()]).toEqual(['', '-wal', '-shm']);

      const opened = cli.dossier('list');
      expect(opened.code).toBe(1);
      expect(opened.stderr).not.toMatch(/\n\s+at /);
      expect(opened.stderr).toContain('was moved aside, unchanged');
      // Nothing was created where the notebook was.
      expect(fs.existsSync(file)).toBe(false);
      const movedName = fs.readdirSync(cli.folder).find((name) => /\.damaged-[0-9TZ]+$/.test(name));
      expect(movedName).toBeDefined();
      const moved = path.join(cli.folder, movedName!);
      for (const [suffix, hash] of hashes) {
        expect(opened.stderr).toContain(`${file}${suffix} → ${moved}${suffix}`);
        expect(fileHashes(moved).get(suffix)).toBe(hash);
      }
      expect(opened.stderr).toContain(`dossier recover ${moved} --out`);

      const out = path.join(cli.folder, 'recovered.db');
      const recovered = cli.dossier('recover', moved, '--out', out, '--json');
      expect(recovered.stderr).toBe('');
      expect(recovered.code).toBe(0);
      const report = JSON.parse(recovered.stdout) as RecoveryReport;
      expect(report.check.ok).toBe(true);
      // Recovering only read the damaged files.
      for (const [suffix, hash] of hashes) expect(fileHashes(moved).get(suffix)).toBe(hash);

      const salvaged = Object.fromEntries(report.tables.map((t) => [t.table, t.salvaged]));
      const lostTable = damagedTable[kind];
      if (kind === 'truncated') {
        expect(salvaged.originals).toBeGreaterThan(0);
      } else if (lostTable !== null) {
        // The damaged table's root is gone (and with notes, their links and revisions);
        // every table that points at nothing of it is whole.
        expect(report.tables.find((t) => t.table === lostTable)?.lost).toBe(true);
        for (const table of ['originals', 'sources', 'source_versions', 'tags', 'collections']) {
          expect(salvaged[table], table).toBe(before[table]);
        }
      } else {
        // The header or the WAL's frames were lost: every row the file itself held is back.
        expect(salvaged).toEqual(expect.objectContaining({ sources: before.sources }));
        expect(salvaged.passages).toBe(before.passages);
        expect(salvaged.notes).toBe(before.notes);
      }
      expect(cli.dossier('--db', out, 'check').code).toBe(0);
      const again = cli.dossier('recover', moved, '--out', out);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(`${out} already exists`);
    },
    60_000,
  );
});
