import path from 'node:path';
import { expect } from 'vitest';
import { useTempFolder } from './tempFolder';
import { createCore, type Core } from '../../../src/core/createCore';
import { DossierError } from '../../../src/shared/errors';

export { hasSampleArticle, sampleArticleFile } from '../../support/sharedData';

/** A fresh notebook file in a temp folder for each test, closed and removed afterwards. */
export function useTempCore(): { readonly core: Core; readonly dir: string } {
  const state = {} as { core: Core; dir: string };
  useTempFolder('dossier-core-', (folder) => {
    state.dir = folder;
    state.core = createCore(path.join(folder, 'dossier.db'));
    return () => state.core.close();
  });
  return state;
}

export function expectDossierError(action: () => unknown, code: string): DossierError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).code).toBe(code);
    return error as DossierError;
  }
  throw new Error(`expected a DossierError '${code}', but nothing was thrown`);
}

/** The async variant: `action` must reject (or throw) with a DossierError of that code. */
export async function expectDossierRejection(
  action: () => Promise<unknown> | unknown,
  code: string,
): Promise<DossierError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).code).toBe(code);
    return error as DossierError;
  }
  throw new Error(`expected a DossierError '${code}', but nothing was thrown`);
}

export function toBase64(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64');
}
