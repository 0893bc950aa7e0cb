import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { cpSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electronBinary.mjs';
import { fuseConfigFor, readFuses, setFuses, wantedFuses } from '../../scripts/setFuses.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const electronBinary = findElectronBinary(repoRoot);
const noBinaryReason =
  'no Electron binary on this machine (its download is not possible here): ' +
  'the fuses of a real Electron binary are not read';
if (!electronBinary) console.log(`electronFuses.test: one test skipped: ${noBinaryReason}`);

/** What the packaged app must show, by fuse name. */
const expectedFuses = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableCookieEncryption: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
};

/**
 * Electron's fuse wire as it sits in every Electron binary: its marker, the
 * wire's version and length, then one byte per fuse ('0' off, '1' on).
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults, fuse by fuse in wire order: everything on except cookie encryption, ASAR checks and the V8 snapshot. */
const electronDefaultWire = '10110001';

function fakeElectronBinary(file: string): Buffer {
  const bytes = Buffer.concat([
    Buffer.from('\x7fELF...code before the wire...'),
    Buffer.from(SENTINEL),
    Buffer.from([1, electronDefaultWire.length]),
    Buffer.from(electronDefaultWire),
    Buffer.from('...code after the wire'),
  ]);
  writeFileSync(file, bytes);
  return bytes;
}

describe('Electron fuses for the packaged app', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-fuses-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('are configured exactly: no Node mode, options or inspector; encrypted cookies; only a checked app.asar', () => {
    expect(fuseConfigFor('/packaged/Dossier')).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      resetAdHocDarwinSignature: false,
    });
    expect(wantedFuses()).toEqual(expectedFuses);
    // A macOS bundle is re-signed ad hoc once its binary has changed.
    expect(fuseConfigFor('/packaged/Dossier.app').resetAdHocDarwinSignature).toBe(true);
  });

  it('are flipped in a binary with a fuse wire, and read back; the rest of the file is untouched', async () => {
    const file = path.join(folder, 'Dossier');
    const before = fakeElectronBinary(file);
    expect(await readFuses(file)).toEqual({
      RunAsNode: true,
      EnableNodeOptionsEnvironmentVariable: true,
      EnableNodeCliInspectArguments: true,
      EnableCookieEncryption: false,
      EnableEmbeddedAsarIntegrityValidation: false,
      OnlyLoadAppFromAsar: false,
    });

    expect(await setFuses(file)).toEqual(expectedFuses);
    expect(await readFuses(file)).toEqual(expectedFuses);
    const after = readFileSync(file);
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    // Dossier's six fuses flipped; the V8 snapshot and file:// privileges keep Electron's defaults.
    expect(after.subarray(wireStart, wireStart + 8).toString()).toBe('01001101');
    expect(after.subarray(0, wireStart)).toEqual(before.subarray(0, wireStart));
    expect(after.subarray(wireStart + 8)).toEqual(before.subarray(wireStart + 8));
  });

  it('refuse a file that is not an Electron binary, saying so', async () => {
    const file = path.join(folder, 'not-electron');
    writeFileSync(file, 'just some bytes');
    await expect(setFuses(file)).rejects.toThrow(/sentinel/i);
  });

  it.skipIf(!electronBinary)(
    'are set in a copy of the real Electron binary',
    async () => {
      const binary = electronBinary!;
      // macOS keeps the fuse wire in the framework inside the app bundle: copy the bundle.
      const bundle = binary.includes('.app') ? `${binary.split('.app')[0]}.app` : undefined;
      const copy = path.join(folder, bundle ? 'Dossier.app' : path.basename(binary));
      if (bundle) cpSync(bundle, copy, { recursive: true, verbatimSymlinks: true });
      else copyFileSync(binary, copy);

      expect(await setFuses(copy)).toEqual(expectedFuses);
      expect(await readFuses(copy)).toEqual(expectedFuses);
      // The development binary itself is left as Electron ships it.
      expect((await readFuses(bundle ?? binary)).RunAsNode).toBe(true);
    },
    120_000,
  );
});
