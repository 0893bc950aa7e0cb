import type { ApiArgs, ApiMethod, ApiResults, CoreApi } from '../shared/api';
import { DossierError } from '../shared/errors';
import { dispatch } from '../core/dispatch';

/** Calls the core the way every host does: arguments validated by the contract first. */
export function callCore<M extends ApiMethod>(
  core: CoreApi,
  method: M,
  args: ApiArgs<M>,
): ApiResults[M] {
  const response = dispatch(core, method, args);
  if (!response.ok) throw new DossierError(response.error.code, response.error.message);
  return response.value as ApiResults[M];
}
