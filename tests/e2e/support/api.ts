/** Calls `dossier serve`'s API from the test process, as another client would. */
import type { RunningDossier } from './dossierServer';

export async function callApi<T>(
  dossier: RunningDossier,
  method: string,
  args: unknown,
): Promise<{ status: number; body: { ok: boolean; value?: T; error?: { code: string } } }> {
  const response = await fetch(new URL(`/api/${method}`, dossier.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${dossier.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  return { status: response.status, body: await response.json() };
}
