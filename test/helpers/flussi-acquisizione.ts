import { CHECKOUT_API_BASE } from '../../simulator';
import { freePort } from './standalone-subgraph';
import { STATION_PATH } from '../../pagopa';
import type { Simulator } from '../../simulator';
import { gql } from './http';
import { startHub, type TestHub } from './hub';
import { loadPendenza } from './pagamenti';
import { simulatorFor } from './simulator';
import { STATION_XSD } from './xsd';

export const FDR_KEY = 'fdr-test-subscription-key';

export interface AcquisitionRig {
  t: TestHub;
  sim: Simulator;
  /** The simulator's base URL (control API, Nodo, FdR). */
  simUrl: string;
}

/**
 * A hub whose acquisition asks the simulator (Nodo by default; `env` chooses), and the simulator
 * playing the Nodo towards the hub's station, listening where the hub looks for it.
 */
export async function startRig(env: Record<string, string> = {}): Promise<AcquisitionRig> {
  const port = await freePort();
  const simUrl = `http://127.0.0.1:${port}`;
  const t = await startHub({
    RENDICONTAZIONI_NODO_URL: `${simUrl}/nodo/nodeForPa`,
    RENDICONTAZIONI_FDR_URL: `${simUrl}/fdr-org/service/v1`,
    RENDICONTAZIONI_FDR_API_KEY: FDR_KEY,
    RENDICONTAZIONI_TIMEOUT_MS: '2000',
    CHECKOUT_URL: `${simUrl}${CHECKOUT_API_BASE}`,
    ...env,
  });
  const sim = simulatorFor(`${t.baseUrl}${STATION_PATH}`, { xsdPath: STATION_XSD, fdrApiKey: FDR_KEY });
  await sim.listen(port);
  return { t, sim, simUrl };
}

/** Demo pendenze of IDA2A01 paid through the simulator: their IUVs. */
export async function paid(rig: AcquisitionRig, n: number, over: Record<string, unknown> = {}): Promise<string[]> {
  const iuvs: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await loadPendenza(rig.t, over);
    const record = await rig.sim.pay({ fiscalCode: '12345678901', noticeNumber: p.numeroAvviso });
    if (record.status !== 'ESEGUITO') throw new Error(`payment of ${p.numeroAvviso} ended ${record.status}: ${record.error ?? ''}`);
    iuvs.push(p.iuv);
  }
  return iuvs;
}

/** The simulator's control API. */
export async function control(rig: AcquisitionRig, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${rig.simUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export async function publish(rig: AcquisitionRig, body: Record<string, unknown>): Promise<any> {
  const r = await control(rig, 'POST', '/api/flows', body);
  if (r.status !== 201) throw new Error(`POST /api/flows: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export const ACQUISISCI = 'mutation { acquisisciFlussiRendicontazione { eseguita elencati acquisiti duplicati rifiutati falliti } }';

/** An on-demand acquisition through the graph, as an operator with the right asks it. */
export async function acquire(
  t: TestHub,
): Promise<{ eseguita: boolean; elencati: number; acquisiti: number; duplicati: number; rifiutati: number; falliti: number }> {
  const r = await gql(t.baseUrl, ACQUISISCI);
  if (r.body?.errors) throw new Error(`acquisisciFlussiRendicontazione: ${JSON.stringify(r.body.errors)}`);
  return r.body.data.acquisisciFlussiRendicontazione;
}

const FLUSSO_FIELDS = `id idFlusso dataFlusso revisione obsoleto sorgente idPsp idDominio trn dataRegolamento numeroPagamenti importoTotale stato
  segnalazioni { codice descrizione dettaglio } rendicontazioni(first: 10) { totalCount nodes { iuv iur indice importo esito codiceEsito data stato } }`;

/** Flows stored for an idFlusso (every revision, newest first). */
export async function flussi(t: TestHub, idFlusso?: string): Promise<any[]> {
  const r = await gql(
    t.baseUrl,
    `query ($f: FlussoRendicontazioneFilter) { flussiRendicontazione(filter: $f, first: 5, withCount: false) { nodes { ${FLUSSO_FIELDS} } } }`,
    { f: { ...(idFlusso ? { idFlusso } : {}), incluseObsolete: true } },
  );
  if (r.body?.errors) throw new Error(`flussiRendicontazione: ${JSON.stringify(r.body.errors)}`);
  return r.body.data.flussiRendicontazione.nodes;
}
