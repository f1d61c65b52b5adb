import { STATION_PATH } from '../../pagopa';
import { centsToDecimalString } from '../../core/money';
import { romeDate } from '../../core/rome-time';
import { registraFlusso } from '../../subgraphs/riconciliazione/services';
import { nuovoDominio } from './fixtures';
import { basic, BO, call, GPADMIN, gql, IDA2A01, type Reply } from './http';
import type { TestHub } from './hub';
import { loadPendenza } from './pagamenti';
import { simulatorFor } from './simulator';

/** The paths and callers of API Ragioneria tests, and the scenario's steps: a paid avviso, its flow, its bank entry. */
export const RV2 = '/govpay/backend/api/ragioneria/rs/basic/v2';
export const RV1 = '/govpay/backend/api/ragioneria/rs/basic/v1';
export const DOMINIO = '12345678901';
export const ALTRO_DOMINIO = '01234567890';
export const APP = basic(IDA2A01);

export interface Pagata {
  idA2A: string;
  idPendenza: string;
  numeroAvviso: string;
  iuv: string;
  /** The receipt's IUR, as the riscossione records it. */
  iur: string;
  importoCents: number;
}

let flussi = 0;

/** The hub under test, seen from the Ente's accounting office. */
export class Ragioneria {
  constructor(readonly t: TestHub) {}

  call(
    method: string,
    path: string,
    opts: { auth?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    return call(this.t.baseUrl, method, path, { auth: APP, ...opts });
  }

  /** A second dominio, for the callers confined to it (idempotent: PUT creates or updates). */
  async altroDominio(): Promise<string> {
    const r = await call(this.t.baseUrl, 'PUT', `${BO}/domini/${ALTRO_DOMINIO}`, { auth: basic(GPADMIN), body: nuovoDominio });
    if (r.status >= 300) throw new Error(`PUT dominio: ${r.status} ${JSON.stringify(r.body)}`);
    return ALTRO_DOMINIO;
  }

  /** A pendenza of IDA2A01 paid at a PSP: the simulator plays the Nodo against the hub's station. */
  async pagata(over: Record<string, unknown> = {}): Promise<Pagata> {
    const p = await loadPendenza(this.t, over);
    const sim = simulatorFor(`${this.t.baseUrl}${STATION_PATH}`);
    const payment = await sim.pay({ fiscalCode: DOMINIO, noticeNumber: p.numeroAvviso } as never);
    if (payment.status !== 'ESEGUITO') throw new Error(`payment of ${p.numeroAvviso}: ${payment.status}`);
    const r = await gql(this.t.baseUrl, 'query ($iuv: String) { riscossioni(filter: { iuv: $iuv }) { nodes { iur importo } } }', {
      iuv: p.iuv,
    });
    const riscossione = r.body?.data?.riscossioni?.nodes?.[0];
    if (!riscossione) throw new Error(`no riscossione for ${p.iuv}: ${JSON.stringify(r.body)}`);
    return { ...p, iur: riscossione.iur, importoCents: Math.round(Number(riscossione.importo) * 100) };
  }

  /** A flow of the PSP reporting `pagate` (esito 0), stored as an acquisition stores one; its idFlusso. */
  async flusso(pagate: Pagata[], o: { idFlusso?: string; importoTotaleCents?: number; dataOraFlusso?: Date } = {}): Promise<string> {
    const idFlusso = o.idFlusso ?? `${romeDate()}BCITITMM-${Date.now()}${++flussi}`;
    const totale = pagate.reduce((n, p) => n + p.importoCents, 0);
    await registraFlusso(this.t.hub.orm.em.fork(), {
      sorgente: 'NODO',
      idDominio: DOMINIO,
      idFlusso,
      dataOraFlusso: o.dataOraFlusso ?? new Date(),
      idPsp: 'BCITITMM',
      trn: `TRN${Date.now()}${flussi}`,
      dataRegolamento: romeDate(),
      numeroPagamenti: pagate.length,
      importoTotaleCents: o.importoTotaleCents ?? totale,
      pagamenti: pagate.map((p) => ({ iuv: p.iuv, iur: p.iur, indice: 1, importoCents: p.importoCents, esito: 0, data: romeDate() })),
      xml: `<FlussoRiversamento><identificativoFlusso>${idFlusso}</identificativoFlusso></FlussoRiversamento>`,
    });
    return idFlusso;
  }
}

/** The bank causale of one payment (`/RFB/<iuv>/<importo>`) and of a flow. */
export const causaleSingola = (p: Pagata) => `/RFB/${p.iuv}/${centsToDecimalString(p.importoCents)}`;
export const causaleFlusso = (idFlusso: string) => `/PUR/LGPE-RIVERSAMENTO/URI/${idFlusso}`;
export const euro = (cents: number) => Number(centsToDecimalString(cents));
