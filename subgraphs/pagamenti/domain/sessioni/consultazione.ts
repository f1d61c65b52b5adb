import type { EntityManager } from '@mikro-orm/core';
import { PagamentoPortale, type StatoPagamento } from '../../../../schema/entities';
import { errors } from '../../../../core/errors';
import { findPage, type Where } from '../../../../core/find-page';
import { mapPage, type Page, type PageRequest } from '../../../../core/paging';
import { ANONIMO, inScope, requireRight, type Principal } from '../../../../core/principal';
import { toPagamentoView, type PagamentoView } from './viste';

export interface PagamentiFilter {
  stato?: StatoPagamento | null;
  idSessionePortale?: string | null;
  idSession?: string | null;
  /** The versante's codice fiscale. */
  idVersante?: string | null;
  /** The debtor of any pendenza of the cart. */
  idDebitore?: string | null;
  idDominio?: string | null;
  dataDa?: Date | null;
  dataA?: Date | null;
  verificato?: boolean | null;
  /** The applicazione, and with it the pendenza, of any pendenza of the cart. */
  idA2A?: string | null;
  idPendenza?: string | null;
  iuv?: string | null;
}

/** Sort fields of the sessions → entity properties. */
export const PAGAMENTI_ORDER = { DATA_RICHIESTA: 'createdAt', STATO: 'stato', IMPORTO: 'importoCents' } as const;

const LOAD = { populate: ['pendenze'] as never };

/** How long an anonymous caller may read the payment it started (GovPay's default, 60 minutes). */
export const DISPONIBILITA_ANONIMO_MS = 60 * 60_000;

/**
 * Payment sessions for readers, with GovPay's rights: the Pagamenti read right; an applicazione
 * sees the sessions it started (API Pagamento), an operatore those whose every pendenza is in its
 * domini and tipi pendenza (a session without pendenze, one that failed before holding any, only
 * with every dominio and tipo). Whatever the caller may not see is told apart from nothing only
 * by the status: 403 for an existing session, 404 for none.
 */
export class PagamentiService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async get(id: string): Promise<PagamentoView> {
    requireRight(this.actor, 'Pagamenti', 'R');
    return this.visible(await this.em.findOne(PagamentoPortale, { idPagamento: id }, LOAD), `Pagamento ${id} inesistente.`);
  }

  async byIdSession(idSession: string): Promise<PagamentoView> {
    requireRight(this.actor, 'Pagamenti', 'R');
    return this.visible(await this.em.findOne(PagamentoPortale, { idSession }, LOAD), `Pagamento con idSession ${idSession} inesistente.`);
  }

  async list(filter: PagamentiFilter, page: PageRequest): Promise<Page<PagamentoView>> {
    requireRight(this.actor, 'Pagamenti', 'R');
    if (this.actor.kind === 'anonimo') throw errors.forbidden(`Il chiamante non e' autorizzato a consultare l'elenco dei pagamenti.`);
    const where: Where = { ...this.scope() };
    const voci: Where[] = [];
    if (filter.stato) where.stato = filter.stato;
    if (filter.idSessionePortale) where.idSessionePortale = filter.idSessionePortale;
    if (filter.idSession) where.idSession = filter.idSession;
    if (filter.idVersante) where.idVersante = filter.idVersante;
    if (filter.idDebitore) voci.push({ pendenze: { $some: { idDebitore: filter.idDebitore } } });
    if (filter.idDominio) voci.push({ pendenze: { $some: { idDominio: filter.idDominio } } });
    if (filter.iuv) voci.push({ pendenze: { $some: { iuv: filter.iuv } } });
    if (filter.idA2A || filter.idPendenza) {
      voci.push({
        pendenze: {
          $some: { ...(filter.idA2A ? { idA2A: filter.idA2A } : {}), ...(filter.idPendenza ? { idPendenza: filter.idPendenza } : {}) },
        },
      });
    }
    if (typeof filter.verificato === 'boolean') where.verificato = filter.verificato;
    if (filter.dataDa || filter.dataA) {
      where.createdAt = { ...(filter.dataDa ? { $gte: filter.dataDa } : {}), ...(filter.dataA ? { $lte: filter.dataA } : {}) };
    }
    if (voci.length) where.$and = [...((where.$and as Where[] | undefined) ?? []), ...voci];
    // Sessions started in the same millisecond keep one order from page to page.
    const ordered = { ...page, orderBy: [...page.orderBy, ['id', page.orderBy[0]?.[1] ?? 'DESC'] as [string, 'ASC' | 'DESC']] };
    return mapPage(await findPage(this.em, PagamentoPortale, where, ordered, LOAD), toPagamentoView);
  }

  private scope(): Where {
    if (this.actor.kind === 'applicazione') return { avviatoDaTipo: 'applicazione', avviatoDa: this.actor.id };
    // As in GovPay, a cittadino sees the payments it is the versante of, whoever started them.
    if (this.actor.kind === 'cittadino') return { idVersante: this.actor.id };
    const fuori: Where[] = [];
    if (this.actor.domini !== '*') fuori.push({ idDominio: { $nin: this.actor.domini } });
    if (this.actor.tipiPendenza !== '*') fuori.push({ idTipoPendenza: { $nin: this.actor.tipiPendenza } });
    if (!fuori.length) return {};
    return { $and: [{ pendenze: { $some: {} } }, { pendenze: { $none: { $or: fuori } } }] };
  }

  private may(s: PagamentoPortale): boolean {
    if (this.actor.kind === 'applicazione') return s.avviatoDaTipo === 'applicazione' && s.avviatoDa === this.actor.id;
    if (this.actor.kind === 'cittadino') return s.idVersante === this.actor.id;
    // Anonymous payments are read by their unguessable id, and only for a while, as in GovPay.
    if (this.actor.kind === 'anonimo') return s.idVersante === ANONIMO && s.createdAt.getTime() > Date.now() - DISPONIBILITA_ANONIMO_MS;
    const voci = s.pendenze.getItems();
    if (this.actor.domini === '*' && this.actor.tipiPendenza === '*') return true;
    return (
      voci.length > 0 && voci.every((v) => inScope(this.actor.domini, v.idDominio) && inScope(this.actor.tipiPendenza, v.idTipoPendenza))
    );
  }

  private visible(s: PagamentoPortale | null, missing: string): PagamentoView {
    if (!s) throw errors.notFound(missing);
    if (!this.may(s)) throw errors.forbidden(`Il chiamante non e' autorizzato a consultare il pagamento.`);
    return toPagamentoView(s);
  }
}
