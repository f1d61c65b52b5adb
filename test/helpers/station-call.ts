import { STATION_PATH } from '../../pagopa';
import { basic } from './http';
import { NODO_AUTH } from './simulator';

/** One raw paForNode call to a hub's station, as the Nodo makes it: the reply's status and text. */
export async function stationCall(baseUrl: string, action: string, body: string | Uint8Array<ArrayBuffer>): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}${STATION_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"`, authorization: basic(NODO_AUTH) },
    body,
  });
  return { status: res.status, text: await res.text() };
}
