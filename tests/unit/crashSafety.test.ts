/**
 * Crash safety: writers killed with SIGKILL at random moments — `dossier note
 * add` and `dossier import` run in a loop, and `dossier serve` while notes are
 * created and saved over HTTP — 200 kills in all. Afterwards every save a
 * writer acknowledged is in its notebook exactly, nothing is half-written,
 * and the notebook passes SQLite's and Dossier's checks. A failure prints the
 * seed; DOSSIER_SEED=N replays it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleCrashPrograms,
  runKillSeries,
  type CrashPrograms,
  type WriterKind,
} from './support/killCycles';
import { chooseSeed, seededRandom } from './support/seededRandom';
import { useTempFolder } from './support/tempFolder';
import { verifyCrashNotebook } from './support/verifyCrashNotebook';

const KILLS: Record<WriterKind, number> = { notes: 100, imports: 70, server: 30 };

describe('writers killed at random moments', () => {
  const folder = useTempFolder('dossier-crash-');
  let programs: CrashPrograms;
  beforeAll(() => {
    programs = bundleCrashPrograms();
  });
  afterAll(() => programs?.remove());

  it('keep every acknowledged save and leave nothing half-written', async () => {
    const seed = chooseSeed();
    const kinds = Object.keys(KILLS) as WriterKind[];
    // The three kinds run side by side, each on its own notebook, each cycle after the last.
    const allSeries = await Promise.all(
      kinds.map((kind, index) =>
        runKillSeries(kind, KILLS[kind], {
          folder: folder.path,
          programs,
          random: seededRandom(seed + index),
        }),
      ),
    );
    for (const series of allSeries) {
      const verdict = await verifyCrashNotebook(series.notebook, series.attempts);
      const context = `seed ${seed} (DOSSIER_SEED=${seed} replays it), ${series.kind}`;
      expect(series.failures, context).toEqual([]);
      expect(verdict.problems, context).toEqual([]);
      expect(series.kills, context).toBe(KILLS[series.kind]);
      // Kills fall while saves go on: cycles acknowledged 0–3 commands before theirs.
      expect(verdict.acknowledged, context).toBeGreaterThan(KILLS[series.kind] / 2);
      console.log(
        `${series.kind}: ${series.kills} kills, ${verdict.acknowledged} acknowledged saves, ` +
          `${verdict.lost} lost, ${(series.milliseconds / 1000).toFixed(1)} s`,
      );
    }
  }, 300_000);
});
