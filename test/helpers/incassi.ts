import type { MikroORM } from '@mikro-orm/core';
import { STATION_PATH } from '../../pagopa';
import { FlussoRendicontazione, Rendicontazione, Rpp, type StatoFlusso } from '../../schema/entities';
import { nuovaPendenza } from './fixtures';
import { basic, call, gql, IDA2A01, type Reply } from './http';
import type { TestHub } from './hub';
import { simulatorFor } from './simulator';

/** Riconciliazioni and riscossioni through the graph, with payments made through the simulator. */
export const DOMINIO = '12345678901';
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';

export const RICONCILIAZIONE_FIELDS = `id idRiconciliazione idDominio causale iuv idFlusso importo sct dataValuta dataContabile contoAccredito stato
  descrizioneStato dataRichiesta flusso { id idFlusso } riscossioni { idDominio iuv iur indice importo tipo stato data rpp { ccp } pendenza { idA2A idPendenza } }`;

const RICONCILIA = `mutation ($input: RiconciliaInput!) { riconcilia(input: $input) { creata riconciliazione { ${RICONCILIAZIONE_FIELDS} } } }`;

let seq = 0;
export const newId = (prefix = 'INC') => `${prefix}${Date.now().toString(36)}${++seq}`;

export interface Pagata {
  idA2A: string;
  idPendenza: string;
  iuv: string;
  /** The receipt's receiptId: the riscossioni's IUR. */
  iur: string;
  importo: string;
}

/** A pendenza of IDA2A01 loaded through API Pendenze and paid through the simulator (a real paSendRT). */
export async function pagata(t: TestHub, importo = 100.99, over: Record<string, unknown> = {}): Promise<Pagata> {
  const idPendenza = newId('PND');
  const body = nuovaPendenza(idPendenza, {
    importo,
    voci: [{ idVocePendenza: '1', importo, descrizione: 'Diritti e segreteria', codEntrata: 'SEGRETERIA' }],
    ...over,
  });
  const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${idPendenza}`, { auth: basic(IDA2A01), body });
  if (r.status !== 201) throw new Error(`PUT pendenza: ${r.status} ${JSON.stringify(r.body)}`);
  const paid = await simulatorFor(`${t.baseUrl}${STATION_PATH}`).pay({ fiscalCode: DOMINIO, noticeNumber: r.body.numeroAvviso });
  if (paid.status !== 'ESEGUITO' || !paid.receipt || !paid.iuv) throw new Error(`payment: ${JSON.stringify(paid)}`);
  return { idA2A: 'IDA2A01', idPendenza, iuv: paid.iuv, iur: paid.receipt.receiptId, importo: importo.toFixed(2) };
}

/** The graph's riconcilia, as gpadmin unless `auth` says otherwise. */
export function riconcilia(t: TestHub, input: Record<string, unknown>, auth?: string): Promise<Reply> {
  return gql(t.baseUrl, RICONCILIA, { input: { idDominio: DOMINIO, sct: 'SCT0123456789', ...input } }, auth);
}

/** The GovPay fault of a refused graph operation. */
export const faultOf = (r: Reply) => r.body?.errors?.[0]?.extensions as Record<string, any> | undefined;

/**
 * A reporting flow of the payments, stored as the flussi context stores an acquired one: one line
 * per payment (indice 1, esito 0) linked to its receipt (unless `senzaRpp`); `importoTotale` defaults to their sum.
 */
export async function flusso(
  orm: MikroORM,
  pagamenti: Pagata[],
  o: { idFlusso?: string; stato?: StatoFlusso; importoTotaleCents?: number; iur?: (p: Pagata) => string; senzaRpp?: boolean } = {},
): Promise<string> {
  const em = orm.em.fork();
  const idFlusso = o.idFlusso ?? `2026-12-01SIMPSP01-${newId('F')}`;
  const cents = (p: Pagata) => Math.round(Number(p.importo) * 100);
  const f = em.create(FlussoRendicontazione, {
    dominio: DOMINIO,
    idFlusso,
    dataOraFlusso: new Date(),
    revisione: 1,
    obsoleto: false,
    sorgente: 'NODO',
    idPsp: 'SIMPSP01',
    trn: `TRN${idFlusso.slice(-20)}`,
    dataRegolamento: '2026-12-02',
    numeroPagamenti: pagamenti.length,
    importoTotaleCents: o.importoTotaleCents ?? pagamenti.reduce((s, p) => s + cents(p), 0),
    stato: o.stato ?? 'ACQUISITO',
    segnalazioni: [],
    dataAcquisizione: new Date(),
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  for (const p of pagamenti) {
    const rpp = await em.findOneOrFail(Rpp, { dominio: DOMINIO, iuv: p.iuv, ccp: p.iur }, { fields: ['id'] });
    em.create(Rendicontazione, {
      flusso: f,
      dominio: DOMINIO,
      iuv: p.iuv,
      iur: o.iur ? o.iur(p) : p.iur,
      indice: 1,
      importoCents: cents(p),
      esito: 0,
      data: '2026-12-01',
      stato: 'OK',
      segnalazioni: [],
      rpp: o.senzaRpp ? null : rpp.id,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  }
  await em.flush();
  return idFlusso;
}
