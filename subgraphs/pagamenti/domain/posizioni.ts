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
 * The pendenza a notice asks to pay, in GovPay's order: the hub's own (asking its Ente again when
 * its dataValidita has passed) or, when the hub holds none, what the Ente that issued the IUV
 * answers; then annullata, già pagata, scaduta are refused with their PAA code.
 */
export async function posizionePagabile(
  em: EntityManager,
  log: Logger,
  req: RichiestaPosizione,
  verifyTimeoutMs: number,
): Promise<PendenzaPagabile> {
  const { dominio, numeroAvviso } = req;
  const where = { numeroAvviso };
  const today = romeDate();
  let found = await loadPagabile(em, dominio, where);
  const stale = found?.pendenza.stato === 'NON_ESEGUITA' && !!found.pendenza.dataValidita && found.pendenza.dataValidita < today;
  if (!found || stale) {
    const iuv = iuvFromNumeroAvviso(numeroAvviso);
    const connettori = await referenceCache(em).connettori(em);
    const ente = found ? connettori.find((c) => c.idA2A === found!.pendenza.idA2A) : enteOfIuv(connettori, dominio.idDominio, iuv);
    if (!ente?.servizioIntegrazione || !ente.principal) {
      if (found) {
        throw new PagoPaFault(
          'PAA_PAGAMENTO_SCADUTO',
          `I dati della pendenza sono validi fino al ${found.pendenza.dataValidita} e l'Ente non ha un servizio per aggiornarli.`,
        );
      }
      throw new PagoPaFault('PAA_PAGAMENTO_SCONOSCIUTO', `L'avviso ${numeroAvviso} del dominio ${dominio.idDominio} non e' presente nell'archivio.`);
    }
    await verificaPendenzaEnte(em.fork(), log, ente, { idDominio: dominio.idDominio, numeroAvviso, iuv, amountCents: req.amountCents }, verifyTimeoutMs);
    found = await loadPagabile(em.fork(), dominio, where);
    if (!found) throw new PagoPaFault('PAA_SYSTEM_ERROR', `La pendenza dell'avviso ${numeroAvviso} restituita dall'Ente non e' stata salvata.`);
  }
  await checkPayable(em, found.pendenza, today);
  return found;
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
