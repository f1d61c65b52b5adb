import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { Rpp, type ConnettoreIntegrazione } from '../../../schema/entities';
import { stripNulls } from '../../../core/compact';
import { centsToEuro } from '../../../core/money';
import { romeDate, romeDateTime } from '../../../core/rome-time';
import { TIPOLOGIA_GOVPAY, toPendenzaView, voceGovPay, type PendenzaView, type VoceView } from '../../pendenze/services';
import type { NuovoJob } from '../domain/outbox';
import { soggettoOf, storedReceipt, type StoredTransfer } from '../domain/receipt-json';
import { journalOf } from '../../../core/journal';
import { callEnte, type EnteRequest } from './connector';

/** What a NOTIFICA_RICEVUTA job carries: the receipt's key. */
const notificaPayload = z.object({ idDominio: z.string().min(1), iuv: z.string().min(1), ccp: z.string().min(1) });
export type NotificaRicevuta = z.infer<typeof notificaPayload>;

/** The outbox job that notifies a stored receipt (enqueued in the receipt's transaction). */
export const notificaJob = (key: NotificaRicevuta): NuovoJob => ({
  tipo: 'NOTIFICA_RICEVUTA',
  chiave: `notifica:${key.idDominio}:${key.iuv}:${key.ccp}`,
  payload: { idDominio: key.idDominio, iuv: key.iuv, ccp: key.ccp },
});

/** Why the Ente's system did not take a notification: retried later. */
export class NotificaRifiutata extends Error {}

export type EsitoNotifica = { inviata: true; path: string } | { inviata: false; motivo: string };

/** A notification made ready to send: sending it tells what happened, or throws why it failed. */
export type Notifica = () => Promise<EsitoNotifica>;

const RPP_RELATIONS = [
  'dominio',
  'pendenza.applicazione',
  'pendenza.dominio',
  'pendenza.tipoPendenza',
  'pendenza.unitaOperativa',
  'pendenza.voci',
] as const;

/**
 * Readies the notifications of NOTIFICA_RICEVUTA jobs' payloads, their receipts read together (a
 * handful of statements for the lot, not for each): the i-th of the result sends the i-th payload's.
 * Each tells the applicazione owning the paid pendenza about its receipt, through its connector:
 * REST v1 `POST /pagamenti/{idDominio}/{iuv}` ({idA2A, idPendenza, rpt, rt}) or REST v2
 * `PUT /ricevute/{idDominio}/{iuv}/{idRicevuta}` (the Ricevuta). Only a 2xx counts as delivered;
 * any other answer, a timeout or no connection throws (EnteUnreachable or NotificaRifiutata).
 * Nothing to tell (no connector, no pendenza) is not an error: the notification has nowhere to go.
 * A malformed payload is one, kept in the job for an operator to see.
 */
export async function notificheRicevute(em: EntityManager, payloads: unknown[], timeoutMs: number): Promise<Notifica[]> {
  const parsed = payloads.map((p) => notificaPayload.safeParse(p));
  const keys = parsed.flatMap((p) => (p.success ? [p.data] : []));
  const rpps = keys.length
    ? await em.find(Rpp, { $or: keys.map((k) => ({ dominio: k.idDominio, iuv: k.iuv, ccp: k.ccp })) }, { populate: RPP_RELATIONS })
    : [];
  const byKey = new Map(rpps.map((r) => [keyOf({ idDominio: r.dominio.idDominio, iuv: r.iuv, ccp: r.ccp }), r]));
  return parsed.map((p, i) => {
    // Never matched loosely: a key with a missing part would select some other receipt.
    if (!p.success)
      return () => Promise.reject(new Error(`payload is not {idDominio, iuv, ccp}: ${JSON.stringify(payloads[i]).slice(0, 200)}`));
    const rpp = byKey.get(keyOf(p.data));
    return () => notifica(em, rpp, timeoutMs);
  });
}

const keyOf = (k: NotificaRicevuta): string => `${k.idDominio}\u0000${k.iuv}\u0000${k.ccp}`;

async function notifica(em: EntityManager, rpp: Rpp | undefined, timeoutMs: number): Promise<EsitoNotifica> {
  if (!rpp) return { inviata: false, motivo: 'no such receipt' };
  if (!rpp.pendenza) return { inviata: false, motivo: 'the receipt is for a pendenza the hub does not hold' };
  const connettore = rpp.pendenza.applicazione.servizioIntegrazione;
  if (!connettore?.url) return { inviata: false, motivo: `applicazione ${rpp.pendenza.applicazione.idA2A} has no servizioIntegrazione` };

  const req = richiesta(connettore, rpp, toPendenzaView(rpp.pendenza), timeoutMs);
  const res = await callEnte(connettore, req, {
    journal: journalOf(em),
    tipoEvento: connettore.versioneApi === 'REST v2' ? 'notificaRicevuta' : 'notificaPagamento',
    idDominio: rpp.dominio.idDominio,
    iuv: rpp.iuv,
    ccp: rpp.ccp,
    idA2A: rpp.pendenza.applicazione.idA2A,
    idPendenza: rpp.pendenza.idPendenza,
  });
  if (res.status < 200 || res.status > 299)
    throw new NotificaRifiutata(`${req.method} ${req.path}: HTTP ${res.status} ${res.text.slice(0, 500)}`);
  return { inviata: true, path: req.path };
}

function richiesta(connettore: ConnettoreIntegrazione, rpp: Rpp, pendenza: PendenzaView, timeoutMs: number): EnteRequest {
  const [dominio, iuv] = [encodeURIComponent(rpp.dominio.idDominio), encodeURIComponent(rpp.iuv)];
  if (connettore.versioneApi === 'REST v2') {
    return {
      method: 'PUT',
      path: `/ricevute/${dominio}/${iuv}/${encodeURIComponent(rpp.ccp)}`,
      body: ricevutaV2(rpp, pendenza),
      timeoutMs,
    };
  }
  return {
    method: 'POST',
    path: `/pagamenti/${dominio}/${iuv}`,
    body: { idA2A: pendenza.idA2A, idPendenza: pendenza.idPendenza, rpt: rpp.richiesta, rt: rpp.ricevuta },
    timeoutMs,
  };
}

/** API Ente v2's Ricevuta (api-ente-v2 govpay-api-schemas.yaml). */
function ricevutaV2(rpp: Rpp, pendenza: PendenzaView) {
  const receipt = storedReceipt(rpp);
  const transfers = receipt.transferList?.transfer ?? [];
  return stripNulls({
    dominio: { idDominio: rpp.dominio.idDominio, ragioneSociale: rpp.dominio.ragioneSociale },
    iuv: rpp.iuv,
    idRicevuta: rpp.ccp,
    importo: centsToEuro(rpp.importoCents),
    stato: rpp.stato,
    esito: rpp.esito,
    modello: 'Pagamento ad iniziativa PSP',
    istitutoAttestante: {
      idPSP: rpp.idPsp,
      denominazione: rpp.ragioneSocialePsp,
      idCanale: rpp.idCanale,
      descrizione: receipt.channelDescription,
    },
    versante: receipt.payer && soggettoOf(receipt.payer),
    pendenza: pendenzaPagata(pendenza, rpp, transfers),
    data: romeDateTime(rpp.createdAt),
    dataPagamento: romeDateTime(rpp.dataPagamento),
    // The hub keeps a new-model request as paGetPayment's data (JSON), not as an XML document.
    rpt: { tipo: 'ctPaymentPA', json: rpp.richiesta },
    rt: { tipo: 'ctReceipt', xml: Buffer.from(rpp.ricevutaXml).toString('base64'), json: rpp.ricevuta },
  });
}

/** API Ente v2's PendenzaPagata: the pendenza as GovPay's REST shows it, each voce with what was collected for it. */
function pendenzaPagata(p: PendenzaView, rpp: Rpp, transfers: StoredTransfer[]) {
  const { idDominio, ragioneSocialeDominio, importoCents: _cents, voci, allegati: _allegati, dataCaricamento, ...rest } = p;
  const dominio = { idDominio, ragioneSociale: ragioneSocialeDominio };
  const identita = { idA2A: p.idA2A, idPendenza: p.idPendenza, dataCaricamento: romeDate(dataCaricamento) };
  return {
    ...rest,
    tipo: TIPOLOGIA_GOVPAY[p.tipo],
    ...identita,
    dominio,
    voci: voci.map((v, i) => vocePagata(v, rpp, transfers[i], identita, dominio)),
  };
}

function vocePagata(v: VoceView, rpp: Rpp, transfer: StoredTransfer | undefined, pendenza: object, dominio: { idDominio: string }) {
  const { importoCents: _cents, idDominio, ...rest } = voceGovPay(v);
  return {
    ...rest,
    dominio: idDominio ? { idDominio } : dominio,
    // pagoPA's transferCategory for the voce: what GovPay's Ente API calls the voce's taxonomy.
    ...(v.codEntrata ? {} : { codiceTassonomicoPagoPA: transfer?.transferCategory }),
    pendenza,
    riscossione: {
      idDominio: idDominio ?? dominio.idDominio,
      iuv: rpp.iuv,
      iur: rpp.ccp,
      indice: v.indice,
      tipo: v.tipoBollo ? 'MBT' : 'ENTRATA',
      importo: v.importo,
      data: romeDateTime(rpp.dataPagamento),
    },
  };
}
