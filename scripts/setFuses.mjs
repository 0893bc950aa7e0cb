// Electron fuses for the packaged app. Fuses are switches compiled into the
// Electron binary: flipped off, they stop anyone who can start Dossier's
// executable from using it as a plain Node.js or attaching a debugger, and make
// it load only its own, integrity-checked app.asar. Run on the packaged app
// (before code signing; it cannot apply to the development binary in
// node_modules, which `npm start` runs from the source folder):
//   node scripts/setFuses.mjs path/to/Dossier        (Linux; Dossier.exe on Windows)
//   node scripts/setFuses.mjs path/to/Dossier.app    (macOS)
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Dossier's fuses; the wire's other fuses keep Electron's defaults. */
const dossierFuses = {
  // No ELECTRON_RUN_AS_NODE: the executable is never a general-purpose Node.js.
  [FuseV1Options.RunAsNode]: false,
  // No NODE_OPTIONS (--require, --inspect…) taken from the environment.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // No --inspect / --inspect-brk on the command line.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Cookies and other session data encrypted with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // app.asar checked against the hash recorded at packaging time (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: no app/ folder or loose files beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** The configuration handed to @electron/fuses for the packaged app at `target`. */
export function fuseConfigFor(target) {
  return {
    version: FuseVersion.V1,
    ...dossierFuses,
    // Changing the binary breaks a macOS bundle's ad-hoc signature, without which
    // Apple silicon refuses to run it; a later real signature replaces this one.
    resetAdHocDarwinSignature: target.endsWith('.app'),
  };
}

const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);

/** The fuses Dossier sets, by name, as read from the binary (undefined: neither on nor off). */
export async function readFuses(target) {
  const wire = await getCurrentFuseWire(target);
  return Object.fromEntries(
    Object.keys(dossierFuses).map((option) => {
      const state = wire[option];
      const value = state === ENABLED ? true : state === DISABLED ? false : undefined;
      return [FuseV1Options[option], value];
    }),
  );
}

/** The fuses as Dossier wants them, by name. */
export function wantedFuses() {
  return Object.fromEntries(
    Object.entries(dossierFuses).map(([option, value]) => [FuseV1Options[option], value]),
  );
}

/** Flips the fuses of the packaged app at `target`, then reads them back to make sure. */
export async function setFuses(target) {
  await flipFuses(target, fuseConfigFor(target));
  const found = await readFuses(target);
  const wrong = Object.entries(wantedFuses()).filter(([name, value]) => found[name] !== value);
  if (wrong.length > 0) {
    throw new Error(
      `${target}: these fuses did not take: ${wrong.map(([name]) => name).join(', ')}.`,
    );
  }
  return found;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const target = process.argv[2];
  if (!target) {
    console.error('Usage: node scripts/setFuses.mjs PACKAGED_APP_EXECUTABLE_OR_APP_BUNDLE');
    process.exit(2);
  }
  try {
    const found = await setFuses(path.resolve(target));
    for (const [name, value] of Object.entries(found))
      console.log(`${name}: ${value ? 'on' : 'off'}`);
  } catch (error) {
    console.error(
      `setFuses: ${target}: ${error.message}. Give the packaged app's executable (its .app on macOS).`,
    );
    process.exit(1);
  }
}
