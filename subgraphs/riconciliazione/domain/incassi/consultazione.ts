import type { EntityManager } from '@mikro-orm/core';
import {
  Riconciliazione,
  Riscossione,
  Rpp,
  type StatoRiconciliazione,
  type StatoRiscossione,
  type TipoRiscossione,
} from '../../../../schema/entities';
import { errors } from '../../../../core/errors';
import { findPage, type Where } from '../../../../core/find-page';
import { mapPage, type Page, type PageRequest } from '../../../../core/paging';
import { can, inScope, requireRight, type Principal } from '../../../../core/principal';
import { toRiconciliazioneView, toRiscossioneView, type RiconciliazioneView, type RiscossioneView } from './viste';

export interface RiconciliazioniFilter {
  idDominio?: string[] | null;
  dataDa?: Date | null;
  dataA?: Date | null;
  stato?: StatoRiconciliazione[] | null;
  sct?: string | null;
}

export interface RiscossioniFilter {
  idDominio?: string[] | null;
  iuv?: string | null;
  iur?: string | null;
  stato?: StatoRiscossione[] | null;
  tipo?: TipoRiscossione[] | null;
  dataDa?: Date | null;
  dataA?: Date | null;
  idA2A?: string | null;
  idPendenza?: string | null;
  idRiconciliazione?: string | null;
  idFlusso?: string | null;
}

/** The receipt a riscossione belongs to, by key, and the pendenza it paid (null: none the hub holds). */
export interface RppDiRiscossione {
  idDominio: string;
  iuv: string;
  ccp: string;
  pendenza: { idA2A: string; idPendenza: string } | null;
}

/** Sort fields of the lists → entity properties. */
export const RICONCILIAZIONI_ORDER = { DATA_RICHIESTA: 'dataRichiesta', IMPORTO: 'importoCents' } as const;
export const RISCOSSIONI_ORDER = { DATA: 'data', IUV: 'iuv', IMPORTO: 'importoCents' } as const;

const SERVIZIO = 'Rendicontazioni e Incassi';

const range = (da?: Date | null, a?: Date | null): Where | undefined =>
  da || a ? { ...(da ? { $gte: da } : {}), ...(a ? { $lte: a } : {}) } : undefined;

/**
 * Riconciliazioni and riscossioni for readers: the Rendicontazioni e Incassi read right, and only
 * those of the caller's domini (GovPay's rule for operatori and applicazioni alike).
 */
export class ConsultazioneIncassi {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async riconciliazione(idDominio: string, idRiconciliazione: string): Promise<RiconciliazioneView | null> {
    this.checkDominio(idDominio);
    const r = await this.em.findOne(Riconciliazione, { dominio: idDominio, idRiconciliazione }, { populate: ['flusso'] });
    return r ? toRiconciliazioneView(r) : null;
  }

  async riconciliazioni(filter: RiconciliazioniFilter, page: PageRequest): Promise<Page<RiconciliazioneView>> {
    requireRight(this.actor, SERVIZIO, 'R');
    const where: Where = this.domini(filter.idDominio);
    const date = range(filter.dataDa, filter.dataA);
    if (date) where.dataRichiesta = date;
    if (filter.stato?.length) where.stato = { $in: filter.stato };
    if (filter.sct) where.sct = filter.sct;
    const page2 = { ...page, orderBy: [...page.orderBy, ['id', page.orderBy[0]?.[1] ?? 'DESC'] as [string, 'ASC' | 'DESC']] };
    return mapPage(await findPage(this.em, Riconciliazione, where, page2, { populate: ['flusso'] as never }), toRiconciliazioneView);
  }

  async riscossione(idDominio: string, iuv: string, iur: string, indice: number): Promise<RiscossioneView | null> {
    this.checkDominio(idDominio);
    const r = await this.em.findOne(Riscossione, { dominio: idDominio, iuv, iur, indice });
    return r ? toRiscossioneView(r) : null;
  }

  async riscossioni(filter: RiscossioniFilter, page: PageRequest): Promise<Page<RiscossioneView>> {
    requireRight(this.actor, SERVIZIO, 'R');
    const where: Where = this.domini(filter.idDominio);
    if (filter.iuv) where.iuv = filter.iuv;
    if (filter.iur) where.iur = filter.iur;
    if (filter.stato?.length) where.stato = { $in: filter.stato };
    if (filter.tipo?.length) where.tipo = { $in: filter.tipo };
    const date = range(filter.dataDa, filter.dataA);
    if (date) where.data = date;
    if (filter.idA2A || filter.idPendenza) {
      where.rpp = {
        pendenza: {
          ...(filter.idA2A ? { applicazione: filter.idA2A } : {}),
          ...(filter.idPendenza ? { idPendenza: filter.idPendenza } : {}),
        },
      };
    }
    if (filter.idRiconciliazione) where.riconciliazione = { idRiconciliazione: filter.idRiconciliazione };
    if (filter.idFlusso) where.rendicontazione = { flusso: { idFlusso: filter.idFlusso } };
    const page2 = { ...page, orderBy: [...page.orderBy, ['id', page.orderBy[0]?.[1] ?? 'DESC'] as [string, 'ASC' | 'DESC']] };
    return mapPage(await findPage(this.em, Riscossione, where, page2), toRiscossioneView);
  }

  /** Riscossioni of many riconciliazioni at once (one query per request), in order; empty when the caller may not read them. */
  async riscossioniDi(pks: readonly number[]): Promise<RiscossioneView[][]> {
    if (!can(this.actor, SERVIZIO, 'R') || !pks.length) return pks.map(() => []);
    const rows = await this.em.find(
      Riscossione,
      { riconciliazione: { $in: [...pks] } },
      { orderBy: { iuv: 'ASC', iur: 'ASC', indice: 'ASC' } },
    );
    const views = rows.filter((r) => inScope(this.actor.domini, r.dominio.idDominio)).map(toRiscossioneView);
    return pks.map((pk) => views.filter((v) => v.riconciliazionePk === pk));
  }

  /** Riscossioni by primary key (references by global id), null for one the caller may not see. */
  async riscossioniByPk(pks: readonly number[]): Promise<Array<RiscossioneView | null>> {
    if (!can(this.actor, SERVIZIO, 'R') || !pks.length) return pks.map(() => null);
    const rows = await this.em.find(Riscossione, { id: { $in: [...pks] } });
    const views = rows.filter((r) => inScope(this.actor.domini, r.dominio.idDominio)).map(toRiscossioneView);
    return pks.map((pk) => views.find((v) => v.pk === pk) ?? null);
  }

  /** Riconciliazioni by primary key (a riscossione's), null for one the caller may not see. */
  async riconciliazioniByPk(pks: readonly number[]): Promise<Array<RiconciliazioneView | null>> {
    return this.byPk(pks, { id: { $in: [...pks] } }, (v) => v.pk);
  }

  /** The riconciliazione that paid each flow (by the flow's primary key), if any. */
  async riconciliazioniDiFlussi(flussoPks: readonly number[]): Promise<Array<RiconciliazioneView | null>> {
    return this.byPk(flussoPks, { flusso: { $in: [...flussoPks] } }, (v) => v.flussoPk ?? 0);
  }

  /** Receipts' keys and pendenze by the receipts' primary keys, reading only those columns. */
  async rppDi(pks: readonly number[]): Promise<Array<RppDiRiscossione | null>> {
    if (!pks.length) return [];
    const rows = await this.em.find(
      Rpp,
      { id: { $in: [...pks] } },
      { fields: ['iuv', 'ccp', 'dominio', 'pendenza.idPendenza', 'pendenza.applicazione'] as never },
    );
    const byPk = new Map(
      rows.map((r) => [
        r.id,
        {
          idDominio: r.dominio.idDominio,
          iuv: r.iuv,
          ccp: r.ccp,
          pendenza: r.pendenza ? { idA2A: r.pendenza.applicazione.idA2A, idPendenza: r.pendenza.idPendenza } : null,
        },
      ]),
    );
    return pks.map((pk) => byPk.get(pk) ?? null);
  }

  private async byPk(
    keys: readonly number[],
    where: Where,
    keyOf: (v: RiconciliazioneView) => number,
  ): Promise<Array<RiconciliazioneView | null>> {
    if (!can(this.actor, SERVIZIO, 'R') || !keys.length) return keys.map(() => null);
    const rows = await this.em.find(Riconciliazione, where, { populate: ['flusso'] });
    const views = rows.filter((r) => inScope(this.actor.domini, r.dominio.idDominio)).map(toRiconciliazioneView);
    return keys.map((k) => views.find((v) => keyOf(v) === k) ?? null);
  }

  private checkDominio(idDominio: string): void {
    requireRight(this.actor, SERVIZIO, 'R');
    if (!inScope(this.actor.domini, idDominio))
      throw errors.forbidden(`Il chiamante non e' autorizzato a consultare i dati del dominio ${idDominio}.`);
  }

  /** The domini a list may show: those asked for, within the caller's. */
  private domini(asked?: string[] | null): Where {
    const scope = this.actor.domini;
    if (scope === '*') return asked?.length ? { dominio: { $in: asked } } : {};
    return { dominio: { $in: asked?.length ? asked.filter((d) => scope.includes(d)) : scope } };
  }
}
