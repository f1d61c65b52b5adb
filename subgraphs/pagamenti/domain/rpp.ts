import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { PagamentoPortalePendenza, Rpp } from '../../../schema/entities';
import { errors } from '../../../core/errors';
import { findPage, type Where } from '../../../core/find-page';
import { mapPage, type Page, type PageRequest } from '../../../core/paging';
import { can, inScope, requireRight, soloDebitore, type Principal } from '../../../core/principal';
import { parseInput } from '../../../core/validation';
import { toRicevutaView, type RicevutaView } from './ricevuta';
import { renderRicevutaPdf } from './ricevuta-pdf';
import { toRppView, type RppView } from './rpp-views';

/** Public sort fields of the attempts → entity properties (GovPay's dataRichiesta is the payment's time). */
/** The graph's order fields of a list of payment attempts, as the entity's. */
export const RPP_ORDER = {
  DATA_RICHIESTA: 'dataPagamento',
  DATA_RICEVUTA: 'createdAt',
  STATO: 'stato',
  ESITO: 'esito',
  IUV: 'iuv',
  IMPORTO: 'importoCents',
} as const;

export const ESITI_RPP = [
  'IN_CORSO',
  'RIFIUTATO',
  'ESEGUITO',
  'NON_ESEGUITO',
  'ESEGUITO_PARZIALE',
  'DECORRENZA',
  'DECORRENZA_PARZIALE',
] as const;

const key = {
  idDominio: z.string().regex(/^\d{11}$/, 'undici cifre'),
  iuv: z.string().min(1).max(35),
  ccp: z.string().min(1).max(35),
};

export interface RppFilter {
  idDominio?: string | null;
  iuv?: string | null;
  ccp?: string | null;
  idA2A?: string | null;
  idPendenza?: string | null;
  idDebitore?: string | null;
  idTipoPendenza?: string | null;
  idUnita?: string | null;
  direzione?: string[] | null;
  divisione?: string[] | null;
  tassonomia?: string | null;
  esito?: (typeof ESITI_RPP)[number] | null;
  /** A portal's payment session: the receipts that settled its pendenze. */
  idPagamento?: string | null;
  dataRptDa?: Date | null;
  dataRptA?: Date | null;
  dataRtDa?: Date | null;
  dataRtA?: Date | null;
}

export interface RppKey {
  idDominio: string;
  iuv: string;
  ccp: string;
}

export interface PendenzaKey {
  idA2A: string;
  idPendenza: string;
}

const range = (da?: Date | null, a?: Date | null) => ({ ...(da ? { $gte: da } : {}), ...(a ? { $lte: a } : {}) });

/**
 * Payment attempts (GovPay's RPP) for readers: the Pagamenti read right, and the caller's domini
 * and tipi pendenza (of the attempt's pendenza) as scope. The station writes them.
 */
export class RppService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async get(idDominio: string, iuv: string, ccp: string): Promise<RppView> {
    return toRppView(await this.one({ idDominio, iuv, ccp }, ['pendenza']));
  }

  /**
   * The ricevuta di pagamento of an attempt as a PDF (GovPay's `/rt` with Accept: application/pdf):
   * for an OK receipt and a KO one alike, which it says; an attempt without a receipt is 404.
   */
  async ricevutaPdf(k: RppKey): Promise<Buffer> {
    const r = await this.one(k, ['dominio.logo', 'pendenza.voci']);
    const ricevuta = toRicevutaView(r);
    if (!ricevuta) throw errors.notFound(`Ricevuta del tentativo di pagamento (${k.idDominio}, ${k.iuv}, ${k.ccp}) non trovata.`);
    return renderRicevutaPdf(ricevuta, r.dominio.logo ?? undefined);
  }

  /** The receipts of attempts the caller was shown (the graph's Rpp.ricevuta), in one query; null where there is none. */
  async ricevute(keys: readonly RppKey[]): Promise<Array<RicevutaView | null>> {
    if (!can(this.actor, 'Pagamenti', 'R') || keys.length === 0) return keys.map(() => null);
    const rows = await this.em.find(
      Rpp,
      { $or: keys.map((k) => ({ dominio: k.idDominio, iuv: k.iuv, ccp: k.ccp })) },
      { populate: ['dominio', 'pendenza.voci'] },
    );
    const visible = rows.filter((r) => this.visible(r));
    return keys.map((k) => {
      const r = visible.find((v) => v.dominio.idDominio === k.idDominio && v.iuv === k.iuv && v.ccp === k.ccp);
      return r ? toRicevutaView(r) : null;
    });
  }

  /** One attempt by key, for a caller with the Pagamenti read right who may see it (else 403; unknown 404). */
  private async one(k: RppKey, populate: string[]): Promise<Rpp> {
    requireRight(this.actor, 'Pagamenti', 'R');
    parseInput(key.idDominio, k.idDominio, 'idDominio');
    parseInput(key.iuv, k.iuv, 'iuv');
    parseInput(key.ccp, k.ccp, 'ccp');
    const r = await this.em.findOne(
      Rpp,
      { dominio: k.idDominio, iuv: k.iuv, ccp: k.ccp },
      { populate: populate as never, strategy: 'joined' },
    );
    if (!r) throw errors.notFound(`Tentativo di pagamento (${k.idDominio}, ${k.iuv}, ${k.ccp}) inesistente.`);
    if (!this.visible(r)) throw errors.forbidden(`Il chiamante non e' autorizzato a consultare il tentativo di pagamento.`);
    return r;
  }

  async list(filter: RppFilter, page: PageRequest): Promise<Page<RppView>> {
    requireRight(this.actor, 'Pagamenti', 'R');
    const where: Where = { ...this.scope() };
    if (filter.idPagamento) where.$and = [{ $or: await this.ricevuteDelPagamento(filter.idPagamento) }];
    const pendenza: Where = { ...(where.pendenza as Where | undefined) };
    // A filter narrows the caller's scope, never widens it: a dominio outside it matches nothing.
    if (filter.idDominio) where.dominio = inScope(this.actor.domini, filter.idDominio) ? filter.idDominio : { $in: [] };
    if (filter.iuv) where.iuv = filter.iuv;
    if (filter.ccp) where.ccp = filter.ccp;
    if (filter.esito) where.esito = filter.esito;
    if (filter.idA2A) pendenza.applicazione = filter.idA2A;
    if (filter.idPendenza) pendenza.idPendenza = filter.idPendenza;
    if (filter.idDebitore) pendenza.idDebitore = filter.idDebitore;
    if (filter.idTipoPendenza) {
      pendenza.tipoPendenza = inScope(this.actor.tipiPendenza, filter.idTipoPendenza) ? filter.idTipoPendenza : { $in: [] };
    }
    if (filter.idUnita) pendenza.unitaOperativa = { idUnita: filter.idUnita };
    if (filter.direzione?.length) pendenza.direzione = { $in: filter.direzione };
    if (filter.divisione?.length) pendenza.divisione = { $in: filter.divisione };
    if (filter.tassonomia) pendenza.tassonomia = filter.tassonomia;
    const proprio = soloDebitore(this.actor);
    if (proprio) pendenza.idDebitore = proprio;
    if (Object.keys(pendenza).length) where.pendenza = pendenza;
    if (filter.dataRptDa || filter.dataRptA) where.dataPagamento = range(filter.dataRptDa, filter.dataRptA);
    if (filter.dataRtDa || filter.dataRtA) where.createdAt = range(filter.dataRtDa, filter.dataRtA);
    // Attempts recorded in the same millisecond keep one order from page to page.
    const ordered = { ...page, orderBy: [...page.orderBy, ['id', page.orderBy[0]?.[1] ?? 'ASC'] as [string, 'ASC' | 'DESC']] };
    return mapPage(await findPage(this.em, Rpp, where, ordered, { populate: ['pendenza'] as never }), toRppView);
  }

  /**
   * The attempts of many pendenze in one query (for the graph's Pendenza.rpp), oldest first; only
   * those the caller may see, none without the Pagamenti read right.
   */
  async ofPendenze(keys: readonly PendenzaKey[]): Promise<RppView[][]> {
    if (!can(this.actor, 'Pagamenti', 'R') || keys.length === 0) return keys.map(() => []);
    const rows = await this.em.find(
      Rpp,
      { ...this.scope(), $and: [{ pendenza: { $or: keys.map((k) => ({ applicazione: k.idA2A, idPendenza: k.idPendenza })) } }] } as never,
      { populate: ['pendenza'], strategy: 'joined', orderBy: { dataPagamento: 'ASC', id: 'ASC' } },
    );
    const views = rows.map(toRppView);
    return keys.map((k) => views.filter((v) => v.pendenza?.idA2A === k.idA2A && v.pendenza.idPendenza === k.idPendenza));
  }

  /**
   * Attempts by key in one query (for references from other subgraphs); null for an attempt that
   * does not exist or that the caller may not see.
   */
  async byKeys(keys: readonly RppKey[]): Promise<Array<RppView | null>> {
    if (!can(this.actor, 'Pagamenti', 'R') || keys.length === 0) return keys.map(() => null);
    const rows = await this.em.find(
      Rpp,
      { $or: keys.map((k) => ({ dominio: k.idDominio, iuv: k.iuv, ccp: k.ccp })) },
      { populate: ['pendenza'], strategy: 'joined' },
    );
    const views = rows.filter((r) => this.visible(r)).map(toRppView);
    return keys.map((k) => views.find((v) => v.idDominio === k.idDominio && v.iuv === k.iuv && v.ccp === k.ccp) ?? null);
  }

  /** The keys of the receipts that settled a session's pendenze (one that matches nothing when there are none). */
  private async ricevuteDelPagamento(idPagamento: string): Promise<Where[]> {
    const voci = await this.em.find(
      PagamentoPortalePendenza,
      { pagamento: { idPagamento }, ccp: { $ne: null } },
      { fields: ['idDominio', 'iuv', 'ccp'] },
    );
    return voci.length ? voci.map((v) => ({ dominio: v.idDominio, iuv: v.iuv, ccp: v.ccp })) : [{ id: { $in: [] } }];
  }

  /** The caller's scope as a filter: an attempt without a pendenza only for callers of every tipo pendenza. */
  private scope(): Where {
    const where: Where = {};
    // A cittadino sees the attempts of the pendenze it owes; an anonymous caller none.
    if (this.actor.kind === 'anonimo') return { id: { $in: [] } };
    const proprio = soloDebitore(this.actor);
    if (proprio) where.pendenza = { idDebitore: proprio };
    if (this.actor.domini !== '*') where.dominio = { $in: this.actor.domini };
    if (this.actor.tipiPendenza !== '*') where.pendenza = { tipoPendenza: { $in: this.actor.tipiPendenza } };
    return where;
  }

  private visible(r: Rpp): boolean {
    if (this.actor.kind === 'anonimo') return false;
    const proprio = soloDebitore(this.actor);
    if (proprio && r.pendenza?.idDebitore.toUpperCase() !== proprio) return false;
    if (!inScope(this.actor.domini, r.dominio.idDominio)) return false;
    if (this.actor.tipiPendenza === '*') return true;
    return !!r.pendenza && inScope(this.actor.tipiPendenza, r.pendenza.tipoPendenza.idTipoPendenza);
  }
}
