import { DEMO_APP_AUTHORIZATION } from './servers';

/**
 * Loads a pendenza of the demo applicazione through the hub's API Pendenze v2 (PUT), as the
 * applicazione would; anything but 201 stops the bench. Returns the hub's answer.
 */
export async function putPendenza(base: string, idA2A: string, idPendenza: string, pendenza: object): Promise<{ numeroAvviso?: string }> {
  const res = await fetch(`${base}/govpay/backend/api/pendenze/rs/basic/v2/pendenze/${idA2A}/${idPendenza}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: DEMO_APP_AUTHORIZATION },
    body: JSON.stringify(pendenza),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`bench: PUT of pendenza ${idPendenza} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as { numeroAvviso?: string };
}
