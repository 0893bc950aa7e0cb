import type { ApiArgs, ApiMethod, ApiResults, CoreApi } from '../shared/api';
import { DossierError } from '../shared/errors';
import type { ProgressEvent } from '../shared/notebookEvents';
import { dispatch } from '../core/dispatch';

/** Calls the core the way every host does: arguments validated by the contract first. */
export async function callCore<M extends ApiMethod>(
  core: CoreApi,
  method: M,
  args: ApiArgs<M>,
  onProgress?: (event: ProgressEvent) => void,
): Promise<ApiResults[M]> {
  const response = await dispatch(core, method, args, { onProgress });
  if (!response.ok) throw new DossierError(response.error.code, response.error.message);
  return response.value as ApiResults[M];
}
