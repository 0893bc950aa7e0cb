import { DossierError } from '../../../src/shared/errors';

/** The DossierError an action rejects or throws with (anything else fails the test). */
export async function refusal(action: Promise<unknown> | (() => unknown)): Promise<DossierError> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    if (error instanceof DossierError) return error;
    throw error;
  }
  throw new Error('expected a DossierError');
}

/** The same for an action that throws synchronously. */
export function syncRefusal(run: () => unknown): DossierError {
  try {
    run();
  } catch (error) {
    if (error instanceof DossierError) return error;
    throw error;
  }
  throw new Error('expected a DossierError');
}
