import type { ApiArgs, ApiMethod, ApiResponse, ApiResults } from '../../shared/api';

/** Sends one contract call and answers with the host's response envelope. */
export type Transport = <M extends ApiMethod>(
  method: M,
  args: ApiArgs<M>,
) => Promise<ApiResponse<ApiResults[M]>>;
