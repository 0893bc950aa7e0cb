/** `dossier original`: writes out the bytes a source was imported from, unchanged (evidence). */
import { writeFileSync } from 'node:fs';
import { DossierError } from '../shared/errors';
import { integerOption, lastOption, usage } from './argv';
import { callCore } from './callCore';
import { print, type Command } from './command';

export const originalCommand: Command = {
  spec: { valued: ['out', 'version'], flags: [] },
  async run(context, [sourceId, ...rest], parsed) {
    if (sourceId === undefined || rest.length > 0) {
      throw usage('original needs exactly one SOURCE_ID');
    }
    const out = lastOption(parsed, 'out');
    if (out === undefined) throw usage('original needs --out FILE');
    const versionNumber = integerOption(parsed, 'version');
    if (versionNumber === 0) throw usage('--version counts from 1');
    const { original, contentBase64 } = await callCore(context.core(), 'getOriginal', {
      sourceId,
      versionNumber,
    });
    writeNewFile(out, Buffer.from(contentBase64, 'base64'));
    const written = { file: out, ...original };
    print(
      context,
      written,
      () => `${out}  ${original.byteCount} bytes  ${original.mediaType}  sha256 ${original.sha256}`,
    );
    return 0;
  },
};

/** Never overwrites: evidence written over another file would lose that file. */
function writeNewFile(file: string, bytes: Buffer): void {
  try {
    writeFileSync(file, bytes, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new DossierError('already_exists', `${file} already exists; choose a new file name.`);
    }
    throw new DossierError('forbidden', `Cannot write ${file} (${code ?? 'unknown error'})`);
  }
}
