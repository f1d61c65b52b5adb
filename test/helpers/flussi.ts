import { STATION_PATH } from '../../pagopa';
import type { FlussoAcquisito, PagamentoRendicontato } from '../../subgraphs/riconciliazione/services';
import { gql, type Reply } from './http';
import type { TestHub } from './hub';
import { loadPendenza } from './pagamenti';
import { simulatorFor } from './simulator';

/** The demo dominio, whose pendenze the flows of the tests report. */
export const DOMINIO = '12345678901';

let seq = 0;
/** A fresh identificativoFlusso, as a PSP names them (date, PSP, a progressive). */
export const nuovoIdFlusso = () => `2026-12-01SIMPSP01-${Date.now().toString(36)}${++seq}`;

/** A pendenza of 100.99 euro paid through the real station by the simulator: its IUV and the receipt's id. */
export async function pendenzaPagata(
  t: TestHub,
  over: Record<string, unknown> = {},
): Promise<{ iuv: string; ccp: string; idPendenza: string }> {
  const p = await loadPendenza(t, over);
  const paid = await simulatorFor(`${t.baseUrl}${STATION_PATH}`).pay({ fiscalCode: DOMINIO, noticeNumber: p.numeroAvviso });
  if (paid.status !== 'ESEGUITO' || !paid.receipt) throw new Error(`payment of ${p.idPendenza} ended ${paid.status}`);
  return { iuv: p.iuv, ccp: paid.receipt.receiptId, idPendenza: p.idPendenza };
}

/** A line paid (esito 0) in full for a receipt of 100.99, transfer 1. */
export const riga = (iuv: string, iur: string, over: Partial<PagamentoRendicontato> = {}): PagamentoRendicontato => ({
  iuv,
  iur,
  indice: 1,
  importoCents: 10099,
  esito: 0,
  data: '2026-12-01',
  ...over,
});

/** A flow of the Nodo whose header agrees with its lines unless `over` says otherwise. */
export function flusso(pagamenti: PagamentoRendicontato[], over: Partial<FlussoAcquisito> = {}): FlussoAcquisito {
  return {
    sorgente: 'NODO',
    idDominio: DOMINIO,
    idFlusso: nuovoIdFlusso(),
    dataOraFlusso: new Date('2026-12-02T08:00:00.000Z'),
    idPsp: 'SIMPSP01',
    bicRiversamento: 'BCITITMM',
    trn: `TRN${Date.now()}${++seq}`,
    dataRegolamento: '2026-12-02',
    numeroPagamenti: pagamenti.length,
    importoTotaleCents: pagamenti.reduce((s, p) => s + p.importoCents, 0),
    pagamenti,
    ...over,
  };
}

/** A graph query through the gateway that must succeed: its data. */
export async function dati(t: TestHub, query: string, variables: Record<string, unknown> = {}, auth?: string): Promise<any> {
  const r = await gql(t.baseUrl, query, variables, auth);
  if (r.status !== 200 || r.body?.errors) throw new Error(`graph: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
}

/** A graph query through the gateway that must fail: its reply. */
export async function rifiutata(t: TestHub, query: string, variables: Record<string, unknown> = {}, auth?: string): Promise<Reply> {
  const r = await gql(t.baseUrl, query, variables, auth);
  if (!r.body?.errors) throw new Error(`graph: expected errors, got ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}
