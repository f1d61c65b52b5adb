import type { EntityManager } from '@mikro-orm/core';
import { Rpp } from '../../../schema/entities';
import { type DominioRef, iuvFromNumeroAvviso, referenceCache } from '../../pendenze/services';
import type { Logger } from '../../../core/logger';
import { romeDate } from '../../../core/rome-time';
import { enteOfIuv, verificaPendenzaEnte } from '../ente/verifica';
import { PagoPaFault } from './faults';
import type { PendenzaPagabile } from './payment-data';
import { readPosizione, type Posizione } from './posizione';

/**
 * A pendenza with its voci in one query, and the domini it credits from the anagrafica cache;
 * null when the hub does not hold it. `forUpdate` locks it inside the caller's transaction.
 */
export async function loadPagabile(
  em: EntityManager,
  dominio: DominioRef,
  key: { numeroAvviso: string } | { iuv: string },
  forUpdate = false,
): Promise<PendenzaPagabile | null> {
  const pendenza = await readPosizione(em, { idDominio: dominio.idDominio, ...key }, forUpdate);
  if (!pendenza) return null;
  const domini = new Map([[dominio.idDominio, dominio]]);
  const refs = referenceCache(em);
  for (const voce of pendenza.voci) {
    if (!voce.idDominio || domini.has(voce.idDominio)) continue;
    const beneficiary = await refs.dominio(em, voce.idDominio);
    if (beneficiary) domini.set(beneficiary.idDominio, beneficiary);
  }
  return { pendenza, domini };
}

export interface RichiestaPosizione {
  dominio: DominioRef;
  numeroAvviso: string;
  /** The amount the PSP was told (paGetPayment), checked against what an Ente answers. */
  amountCents?: number;
}

/**
 * What the hub knows of a notice, in GovPay's order: its own pendenza (asked again of its Ente when
 * its dataValidita has passed) or, when it holds none, what the Ente that issued the IUV answers.
 */
export type RicercaPosizione =
  | { tipo: 'trovata'; pagabile: PendenzaPagabile }
  /** The hub holds none and no Ente with a verify service issued the IUV. */
  | { tipo: 'sconosciuta' }
  /** The hub's data expired (dataValidita) and its Ente has no service to refresh them. */
  | { tipo: 'scaduta'; pagabile: PendenzaPagabile }
  /** The Ente asked answered that the notice cannot be paid, or failed to answer. */
  | { tipo: 'rifiutata'; idA2A: string; fault: PagoPaFault };

export async function cercaPosizione(em: EntityManager, log: Logger, req: RichiestaPosizione, verifyTimeoutMs: number): Promise<RicercaPosizione> {
  const { dominio, numeroAvviso } = req;
  const where = { numeroAvviso };
  const found = await loadPagabile(em, dominio, where);
  const stale = found?.pendenza.stato === 'NON_ESEGUITA' && !!found.pendenza.dataValidita && found.pendenza.dataValidita < romeDate();
  if (found && !stale) return { tipo: 'trovata', pagabile: found };
  const iuv = iuvFromNumeroAvviso(numeroAvviso);
  const connettori = await referenceCache(em).connettori(em);
  const ente = found ? connettori.find((c) => c.idA2A === found.pendenza.idA2A) : enteOfIuv(connettori, dominio.idDominio, iuv);
  if (!ente?.servizioIntegrazione || !ente.principal) return found ? { tipo: 'scaduta', pagabile: found } : { tipo: 'sconosciuta' };
  try {
    await verificaPendenzaEnte(em.fork(), log, ente, { idDominio: dominio.idDominio, numeroAvviso, iuv, amountCents: req.amountCents }, verifyTimeoutMs);
  } catch (e) {
    if (e instanceof PagoPaFault) return { tipo: 'rifiutata', idA2A: ente.idA2A, fault: e };
    throw e;
  }
  const saved = await loadPagabile(em.fork(), dominio, where);
  if (!saved) throw new PagoPaFault('PAA_SYSTEM_ERROR', `La pendenza dell'avviso ${numeroAvviso} restituita dall'Ente non e' stata salvata.`);
  return { tipo: 'trovata', pagabile: saved };
}

/**
 * The pendenza a notice asks to pay, as the station answers the Nodo: annullata, già pagata,
 * scaduta and unknown are refused with their PAA code.
 */
export async function posizionePagabile(
  em: EntityManager,
  log: Logger,
  req: RichiestaPosizione,
  verifyTimeoutMs: number,
): Promise<PendenzaPagabile> {
  const r = await cercaPosizione(em, log, req, verifyTimeoutMs);
  switch (r.tipo) {
    case 'sconosciuta':
      throw new PagoPaFault(
        'PAA_PAGAMENTO_SCONOSCIUTO',
        `L'avviso ${req.numeroAvviso} del dominio ${req.dominio.idDominio} non e' presente nell'archivio.`,
      );
    case 'scaduta':
      throw new PagoPaFault(
        'PAA_PAGAMENTO_SCADUTO',
        `I dati della pendenza sono validi fino al ${r.pagabile.pendenza.dataValidita} e l'Ente non ha un servizio per aggiornarli.`,
      );
    case 'rifiutata':
      throw r.fault;
  }
  await checkPayable(em, r.pagabile.pendenza, romeDate());
  return r.pagabile;
}

async function checkPayable(em: EntityManager, p: Posizione, today: string): Promise<void> {
  if (p.stato === 'ANNULLATA') {
    throw new PagoPaFault('PAA_PAGAMENTO_ANNULLATO', `La pendenza dell'avviso ${p.numeroAvviso} e' stata annullata.`);
  }
  if (p.stato === 'ESEGUITA' || p.stato === 'ESEGUITA_PARZIALE') throw new PagoPaFault('PAA_PAGAMENTO_DUPLICATO', await giaPagato(em, p));
  if (p.dataScadenza && p.dataScadenza < today) {
    throw new PagoPaFault('PAA_PAGAMENTO_SCADUTO', `La pendenza dell'avviso ${p.numeroAvviso} e' scaduta il ${p.dataScadenza}.`);
  }
}

/** GovPay's description of an already paid position, from its first receipt. */
async function giaPagato(em: EntityManager, p: Posizione): Promise<string> {
  const rpp = await em.findOne(Rpp, { pendenza: p.id, esito: 'ESEGUITO', duplicato: false }, { orderBy: { id: 'ASC' }, fields: ['ccp', 'dataPagamento'] });
  if (!rpp) return `Il pagamento risulta già effettuato in data ${italianDate(p.dataPagamento ?? romeDate())}`;
  return `Il pagamento risulta già effettuato in data ${italianDate(romeDate(rpp.dataPagamento))} [Iur:${rpp.ccp}]`;
}

const italianDate = (isoDate: string) => isoDate.split('-').reverse().join('/');
