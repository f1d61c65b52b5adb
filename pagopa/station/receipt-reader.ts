import type { LettoreRicevute, RicevutaLetta } from '../../subgraphs/pagamenti/services';
import { parseSoap } from '../soap/parse';
import { PAFORNODE_NS, SOAP11_ENV_NS } from '../soap/protocol';
import { readRequest } from './read-request';

const REQUESTS = { paSendRTV2Request: 'paSendRTV2', paSendRTReq: 'paSendRT' } as const;

/**
 * Reads a receipt an operatore uploads (GovPay's Backoffice POST /ricevute) as GovPay does: the
 * paSendRTV2Request or paSendRTReq a Nodo would send, in its SOAP envelope or alone, as text or
 * base64. It is parsed with the station's defences and checked against every constraint of
 * paForNode.xsd, exactly as the station checks the Nodo's requests.
 */
export const leggiRicevuta: LettoreRicevute = (body: string): RicevutaLetta => {
  const xml = decoded(body.trim());
  let parsed = parseSoap(xml);
  // A bare request is read as the body of an envelope: the same parser, the same defences.
  if (!parsed.ok && parsed.error.startsWith('not a SOAP 1.1 envelope')) {
    parsed = parseSoap(`<e:Envelope xmlns:e="${SOAP11_ENV_NS}"><e:Body>${xml.replace(/^<\?xml[^>]*\?>/, '')}</e:Body></e:Envelope>`);
  }
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const root = parsed.document.root;
  const operation = Object.hasOwn(REQUESTS, root.name) ? REQUESTS[root.name as keyof typeof REQUESTS] : undefined;
  if (!operation) return { ok: false, error: `atteso paSendRTV2Request o paSendRTReq, trovato ${root.name.slice(0, 100)}` };
  if (root.namespace !== PAFORNODE_NS) return { ok: false, error: `${root.name} deve essere nel namespace ${PAFORNODE_NS}` };
  const read = readRequest(operation, root);
  if (!read.ok) return { ok: false, error: read.problems.map((p) => `${p.path} ${p.message}`).join('; ') };
  if (read.value.operation !== 'paSendRT' && read.value.operation !== 'paSendRTV2') return { ok: false, error: "non e' una ricevuta" };
  return { ok: true, request: read.value.request };
};

/** GovPay takes the receipt as XML or as its base64 (RtUtils.decodeOrOriginal). */
function decoded(text: string): string {
  if (text.startsWith('<') || !/^[A-Za-z0-9+/=\s]+$/.test(text)) return text;
  const xml = Buffer.from(text, 'base64').toString('utf8').trim();
  return xml.startsWith('<') ? xml : text;
}
