import type { EntityManager } from '@mikro-orm/core';
import { Pendenza } from '../../../../schema/entities';
import { iuvFromNumeroAvviso, pendenzaIds, referenceCache, type DominioRef } from '../../../pendenze/services';
import type { Logger } from '../../../../core/logger';
import { inScope, type Principal } from '../../../../core/principal';
import { romeDate } from '../../../../core/rome-time';
import { parseInput } from '../../../../core/validation';
import { cercaPosizione } from '../posizioni';
import type { PendenzaPagabile } from '../payment-data';
import { erroriPagamento } from './errori';
import type { PendenzaDaPagare } from './nuovo-pagamento';
import type { PendenzaNelCarrello } from './viste';

/** A pendenza of the cart as the hub holds it: what Checkout is told, what the session records. */
export interface VoceCarrello extends PendenzaNelCarrello {
  pendenzaId: number;
  causale: string;
  idDebitore: string;
  stato: string;
  dataScadenza: string | null;
  /** Its data expired (dataValidita) and no Ente could refresh them: GovPay's PAG_012. */
  validitaDecorsa: string | null;
  ragioneSociale: string;
  idStazione: string;
}

/** A spontaneous pendenza of the cart, to be loaded with the pendenze context's rules once the cart is accepted. */
export interface NuovaVoce {
  idA2A: string;
  idPendenza: string;
  corpo: Record<string, unknown>;
}

export type ElementoCarrello = { esistente: VoceCarrello } | { nuova: NuovaVoce };

export function voceDi(p: PendenzaPagabile): VoceCarrello {
  const { pendenza } = p;
  const dominio = p.domini.get(pendenza.idDominio)!;
  return {
    pendenzaId: pendenza.id,
    idA2A: pendenza.idA2A,
    idPendenza: pendenza.idPendenza,
    idDominio: pendenza.idDominio,
    idTipoPendenza: pendenza.idTipoPendenza,
    numeroAvviso: pendenza.numeroAvviso ?? '',
    iuv: pendenza.iuv ?? '',
    importoCents: pendenza.importoCents,
    causale: pendenza.causale,
    idDebitore: pendenza.soggettoPagatore.identificativo,
    stato: pendenza.stato,
    dataScadenza: pendenza.dataScadenza,
    validitaDecorsa: null,
    ragioneSociale: dominio.ragioneSociale,
    idStazione: dominio.idStazione,
  };
}

/**
 * Finds what each item of a cart names, in GovPay's order: the pendenza (a reference by key, an
 * avviso, asking the Ente that issued it when the hub holds none or its data expired), then the
 * caller's right to pay it. Spontaneous pendenze are only named here: they are loaded once the
 * whole cart passed. Nothing is written, except what an Ente's verify answer brings.
 */
export class Carrello {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
    private readonly log: Logger,
    private readonly verifyTimeoutMs: number,
  ) {}

  async risolvi(pendenze: PendenzaDaPagare[]): Promise<ElementoCarrello[]> {
    await referenceCache(this.em).refresh(this.em);
    const elementi: ElementoCarrello[] = [];
    for (const [i, p] of pendenze.entries()) {
      if (p.nuova) elementi.push({ nuova: nuovaVoce(p.nuova, i) });
      else if (p.riferimento) elementi.push({ esistente: await this.perRiferimento(p.riferimento.idA2A, p.riferimento.idPendenza) });
      else if (p.avviso) elementi.push({ esistente: await this.perAvviso(p.avviso.idDominio, p.avviso.numeroAvviso) });
    }
    checkUnaVolta(elementi);
    const stazioni = new Set(elementi.flatMap((e) => ('esistente' in e ? [e.esistente.idStazione] : [])));
    if (stazioni.size > 1) throw erroriPagamento.stazioniDiverse();
    return elementi;
  }

  private async perRiferimento(idA2A: string, idPendenza: string): Promise<VoceCarrello> {
    const p = await this.em.findOne(Pendenza, { applicazione: idA2A, idPendenza }, { fields: ['numeroAvviso', 'dominio'] });
    if (!p) {
      if (!(await referenceCache(this.em).applicazione(this.em, idA2A))) throw erroriPagamento.applicazioneInesistente(idA2A);
      throw erroriPagamento.pendenzaInesistente();
    }
    if (!p.numeroAvviso) throw erroriPagamento.nonPagabile();
    return this.perAvviso(p.dominio.idDominio, p.numeroAvviso);
  }

  private async perAvviso(idDominio: string, numeroAvviso: string): Promise<VoceCarrello> {
    const dominio = await this.dominio(idDominio);
    const iuv = iuvFromNumeroAvviso(numeroAvviso);
    // Checked before an Ente is asked: a caller is never the reason the hub calls a dominio it may not touch.
    if (!inScope(this.actor.domini, idDominio)) throw erroriPagamento.dominioNonAutorizzato(idDominio);
    const r = await cercaPosizione(this.em, this.log, { dominio, numeroAvviso }, this.verifyTimeoutMs);
    switch (r.tipo) {
      case 'sconosciuta':
        throw erroriPagamento.avvisoSconosciuto(idDominio, iuv);
      case 'rifiutata':
        throw erroriPagamento.rifiutataDallEnte(r.idA2A, { idDominio, iuv }, r.fault.code, r.fault.description);
      case 'scaduta':
        return this.permesso({ ...voceDi(r.pagabile), validitaDecorsa: r.pagabile.pendenza.dataValidita });
      case 'trovata':
        return this.permesso(voceDi(r.pagabile));
    }
  }

  /** GovPay's authorization of a payment: the pendenza's dominio and tipo pendenza in the caller's scope. */
  private permesso(v: VoceCarrello): VoceCarrello {
    if (!inScope(this.actor.domini, v.idDominio) || !inScope(this.actor.tipiPendenza, v.idTipoPendenza)) {
      throw erroriPagamento.nonAutorizzato(this.actor, v);
    }
    return v;
  }

  private async dominio(idDominio: string): Promise<DominioRef> {
    const d = await referenceCache(this.em).dominio(this.em, idDominio);
    if (!d) throw erroriPagamento.dominioInesistente(idDominio);
    if (!d.abilitato) throw erroriPagamento.dominioDisabilitato(idDominio);
    return d;
  }
}

function nuovaVoce(corpo: Record<string, unknown>, i: number): NuovaVoce {
  const idA2A = parseInput(pendenzaIds.idA2A, corpo.idA2A, `pendenze.${i}.nuova.idA2A`);
  const idPendenza = parseInput(pendenzaIds.idPendenza, corpo.idPendenza, `pendenze.${i}.nuova.idPendenza`);
  const { idA2A: _a, idPendenza: _p, ...resto } = corpo;
  return { idA2A, idPendenza, corpo: resto };
}

/** A pendenza is paid once per cart, however it is named. */
function checkUnaVolta(elementi: ElementoCarrello[]): void {
  const visti = new Set<string>();
  for (const e of elementi) {
    const p = 'esistente' in e ? e.esistente : e.nuova;
    const chiave = `${p.idA2A}\n${p.idPendenza}`;
    if (visti.has(chiave)) throw erroriPagamento.ripetuta(p);
    visti.add(chiave);
  }
}

/** The refusals of a pendenza that cannot be paid now, checked again under lock when the session is written. */
export function checkPagabile(
  v: Pick<VoceCarrello, 'idA2A' | 'idPendenza' | 'stato' | 'dataScadenza' | 'validitaDecorsa'>,
  oggi = romeDate(),
): void {
  if (v.stato !== 'NON_ESEGUITA') throw erroriPagamento.nonPagabile();
  if (v.dataScadenza && v.dataScadenza < oggi) throw erroriPagamento.scaduta(v, v.dataScadenza);
  if (v.validitaDecorsa) throw erroriPagamento.validitaDecorsa(v, v.validitaDecorsa);
}
