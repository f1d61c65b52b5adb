import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { createHash } from 'node:crypto';
import { Rpp } from '../../../schema/entities';
import { perDatabase } from '../../../core/per-database';
import { leanTransaction } from '../../../core/lean-transaction';
import { RowInserter } from '../../../core/row-inserter';
import { eventoPendenza, referenceCache, registraPagamento, type DominioRef } from '../../pendenze/services';
import { registraRiscossioni } from '../../riconciliazione/services';
import type { HubEvent } from '../../../core/events';
import type { Logger } from '../../../core/logger';
import { centsToDecimalString } from '../../../core/money';
import { parseRomeDateTime, romeDate } from '../../../core/rome-time';
import { PagoPaFault } from './faults';
import { notificaJob } from '../ente/notifica';
import { enqueue, outboxSignal, type NuovoJob } from './outbox';
import { ctPaymentPAJson, paymentDataOf } from './payment-data';
import type { Posizione } from './posizione';
import { loadPagabile } from './posizioni';
import { sessioneDopoRicevuta } from './sessioni/ricevute';
import type { SendRTRequest } from './station-types';

/** sha256 of a JSON value with its object keys sorted: equal for the same receipt however it was serialised. */
export function improntaOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type Esito = 'registrata' | 'gia-registrata';

/** The columns of a receipt's row, as the station writes it (benches and tests write receipts the same way). */
export const RPP_COLUMNS = [
  'dominio',
  'iuv',
  'ccp',
  'pendenza',
  'stato',
  'esito',
  'importoCents',
  'dataPagamento',
  'idPsp',
  'ragioneSocialePsp',
  'idCanale',
  'versione',
  'standIn',
  'duplicato',
  'richiesta',
  'ricevuta',
  'ricevutaXml',
  'impronta',
  'createdAt',
  'updatedAt',
] as const;
// The receipt's row is written with one compiled INSERT: the unit of work costs several times the statement.
const rppInserter = (em: EntityManager) => perDatabase(em, 'pagamenti.rpp.inserter', () => new RowInserter(em, Rpp, RPP_COLUMNS));

/**
 * paSendRT / paSendRTV2, in one transaction: the receipt is stored as a payment attempt (rpp),
 * its pendenza becomes ESEGUITA with every voce ESEGUITO, and the Ente's notification and the
 * subscribers' events are written to the outbox. The same receipt again changes nothing; another
 * receipt for a paid pendenza is kept as a double payment (duplicato, to refund). A receipt the hub
 * cannot match to any pendenza is kept too (pagoPA receipts cannot be refused: the money is taken).
 */
export async function registraRicevuta(em: EntityManager, log: Logger, dominio: DominioRef, req: SendRTRequest): Promise<void> {
  const impronta = improntaOf(req.receiptJson);
  let esito: Esito;
  try {
    esito = await leanTransaction(em, (tx) => register(tx, log, dominio, req, impronta));
  } catch (e) {
    if (!(e instanceof UniqueConstraintViolationException)) throw e;
    // The receipt's key is taken: delivered again (or concurrently), the unique key refused it.
    const again = await alreadyRegistered(em.fork(), dominio, req, impronta);
    if (!again) throw e;
    esito = again;
  }
  if (esito === 'registrata') outboxSignal(em).emit('enqueued');
}

async function register(tx: EntityManager, log: Logger, dominio: DominioRef, req: SendRTRequest, impronta: string): Promise<Esito> {
  const r = req.receipt;
  // The lock makes concurrent receipts of one pendenza take turns (MySQL; SQLite serialises writers).
  const found = await loadPagabile(tx, dominio, { iuv: r.creditorReferenceId }, true);
  const pendenza = found?.pendenza;
  let richiesta: Record<string, unknown>;
  try {
    if (pendenza) checkMatches(pendenza, req);
    richiesta = found ? ctPaymentPAJson(paymentDataOf(found, req.versione)) : {};
  } catch (e) {
    // A receipt delivered again is acknowledged whatever its pendenza has become, so a refusal
    // looks for it first. An accepted one does not: the rpp INSERT's unique key refuses a receipt
    // delivered again, and registraRicevuta answers it then.
    const previous = await alreadyRegistered(tx, dominio, req, impronta);
    if (previous) return previous;
    throw e;
  }

  const eseguito = r.outcome === 'OK';
  const paid = pendenza?.stato === 'ESEGUITA' || pendenza?.stato === 'ESEGUITA_PARZIALE';
  const dataPagamento = (r.paymentDateTime && parseRomeDateTime(r.paymentDateTime)) || new Date();
  const duplicato = eseguito && paid;
  const now = new Date();
  const rppId = await rppInserter(tx).insert(tx, [
    {
      dominio: dominio.idDominio,
      iuv: r.creditorReferenceId,
      ccp: r.receiptId,
      pendenza: pendenza?.id ?? null,
      stato: 'RT_ACCETTATA_PA',
      esito: eseguito ? 'ESEGUITO' : 'NON_ESEGUITO',
      importoCents: r.paymentAmountCents,
      dataPagamento,
      idPsp: r.idPSP,
      ragioneSocialePsp: r.PSPCompanyName,
      idCanale: r.idChannel,
      versione: req.versione,
      standIn: r.standIn ?? false,
      duplicato,
      richiesta,
      ricevuta: req.receiptJson,
      ricevutaXml: req.receiptXml,
      impronta,
      createdAt: now,
      updatedAt: now,
    },
  ]);

  if (!pendenza) {
    log.warn(
      { idDominio: dominio.idDominio, iuv: r.creditorReferenceId, receiptId: r.receiptId },
      'receipt of a position the hub does not hold: kept',
    );
  }

  // The riscossioni (one per transfer) are written with the receipt that makes them.
  if (eseguito) {
    await registraRiscossioni(tx, {
      idDominio: dominio.idDominio,
      iuv: r.creditorReferenceId,
      iur: r.receiptId,
      data: dataPagamento,
      rppId,
      trasferimenti: r.transfers.map((t) => ({ idDominio: t.fiscalCodePA, importoCents: t.transferAmountCents, bollo: !!t.mbdAttachment })),
    });
  }

  const pagata = !!pendenza && eseguito && !paid;
  if (pagata) {
    const annullata = pendenza.stato === 'ANNULLATA';
    await registraPagamento(tx, pendenza.id, romeDate(dataPagamento), annullata);
    if (annullata) {
      log.warn(
        { idDominio: dominio.idDominio, iuv: r.creditorReferenceId, receiptId: r.receiptId },
        'receipt of a cancelled pendenza: paid, flagged anomalo',
      );
    }
  }
  // The portal's session paying this pendenza learns its outcome in the same transaction.
  if (pendenza) await sessioneDopoRicevuta(tx, { pendenzaId: pendenza.id, eseguito, ccp: r.receiptId });
  await enqueue(tx, await jobsOf(tx, dominio, req, pendenza, pagata));
  if (duplicato)
    log.warn(
      { idDominio: dominio.idDominio, iuv: r.creditorReferenceId, receiptId: r.receiptId },
      'double payment: receipt kept as duplicato',
    );
  return 'registrata';
}

/** The same receipt (same key and content) is acknowledged again; the same key with other content is refused. */
async function alreadyRegistered(em: EntityManager, dominio: DominioRef, req: SendRTRequest, impronta: string): Promise<Esito | undefined> {
  const r = req.receipt;
  const existing = await em.findOne(
    Rpp,
    { dominio: dominio.idDominio, iuv: r.creditorReferenceId, ccp: r.receiptId },
    { fields: ['impronta'] },
  );
  if (!existing) return undefined;
  if (existing.impronta === impronta) return 'gia-registrata';
  throw new PagoPaFault(
    'PAA_SEMANTICA',
    `La ricevuta ${r.receiptId} dello IUV ${r.creditorReferenceId} e' gia' stata registrata con un contenuto diverso.`,
  );
}

/** A receipt must be for the pendenza's notice and for its whole amount; otherwise nothing is stored. */
function checkMatches(p: Posizione, req: SendRTRequest): void {
  const r = req.receipt;
  if (p.numeroAvviso !== r.noticeNumber) {
    throw new PagoPaFault(
      'PAA_SEMANTICA',
      `Il numero avviso della ricevuta (${r.noticeNumber}) non corrisponde a quello dello IUV ${r.creditorReferenceId} (${p.numeroAvviso}).`,
    );
  }
  if (r.paymentAmountCents !== p.importoCents) {
    throw new PagoPaFault(
      'PAA_SEMANTICA',
      `L'importo della ricevuta (${centsToDecimalString(r.paymentAmountCents)}) e' diverso da quello della pendenza (${centsToDecimalString(p.importoCents)}).`,
    );
  }
}

/** The Ente's notification (when its applicazione has a connector) and the events of what changed. */
async function jobsOf(
  tx: EntityManager,
  dominio: DominioRef,
  req: SendRTRequest,
  p: Posizione | undefined,
  pagata: boolean,
): Promise<NuovoJob[]> {
  const { creditorReferenceId: iuv, receiptId: ccp } = req.receipt;
  const key = `${dominio.idDominio}:${iuv}:${ccp}`;
  const at = new Date().toISOString();
  const ids = p
    ? { idA2A: p.idA2A, idPendenza: p.idPendenza, idTipoPendenza: p.idTipoPendenza }
    : { idA2A: null, idPendenza: null, idTipoPendenza: null };
  const jobs: NuovoJob[] = [];
  if (p) {
    const connettori = await referenceCache(tx).connettori(tx);
    if (connettori.find((c) => c.idA2A === p.idA2A)?.servizioIntegrazione) {
      jobs.push(notificaJob({ idDominio: dominio.idDominio, iuv, ccp }));
    }
  }
  const ricevuta: HubEvent = { v: 1, tipo: 'ricevutaRegistrata', idDominio: dominio.idDominio, iuv, idRicevuta: ccp, ...ids, at };
  jobs.push({ tipo: 'EVENTO', chiave: `evento:ricevutaRegistrata:${key}`, payload: ricevuta });
  if (p && pagata) {
    const paid = {
      idDominio: dominio.idDominio,
      idA2A: p.idA2A,
      idPendenza: p.idPendenza,
      idTipoPendenza: p.idTipoPendenza,
      stato: 'ESEGUITA',
    };
    jobs.push(eventoPendenza(paid, 'subito', `evento:pendenzaAggiornata:${key}`));
  }
  return jobs;
}
