import type { EntityManager } from '@mikro-orm/core';
import { errors } from '../../../../core/errors';
import { findPage, type Where } from '../../../../core/find-page';
import { fromGlobalId } from '../../../../core/global-id';
import { mapPage, type Page, type PageRequest } from '../../../../core/paging';
import { inScope, type Principal } from '../../../../core/principal';
import { FlussoRendicontazione, Rendicontazione, type StatoFlusso } from '../../../../schema/entities';
import { dominiVisibili, flussiConIdFlusso, type Domini } from './ambito';
import { toFlussoView, type FlussoView } from './viste';

export interface FlussiFilter {
  idDominio?: string[] | null;
  idFlusso?: string | null;
  idFlussoCaseInsensitive?: boolean | null;
  idPsp?: string | null;
  trn?: string | null;
  stato?: StatoFlusso[] | null;
  dataDa?: Date | null;
  dataA?: Date | null;
  incluseObsolete?: boolean | null;
  iuv?: string | null;
}

export interface PerIdFlusso {
  idFlusso: string;
  idDominio?: string | null;
  revisione?: number | null;
  dataFlusso?: Date | null;
  caseInsensitive?: boolean | null;
}

/** Sort fields of the flows → entity properties. */
export const FLUSSI_ORDER = {
  DATA_FLUSSO: 'dataOraFlusso',
  ID_FLUSSO: 'idFlusso',
  DATA_REGOLAMENTO: 'dataRegolamento',
  IMPORTO_TOTALE: 'importoTotaleCents',
} as const;

/** A flow's columns but its XML (lazy: read only when asked). */
const EXCEPT_XML = { exclude: ['xml'] as never };

/**
 * Reporting flows for readers: the `Rendicontazioni e Incassi` read right and the caller's domini.
 * A flow outside them is told apart from none only by the answer: forbidden for one that exists.
 */
export class FlussiService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  /** A revision by its graph id; null when there is none. */
  async get(id: string): Promise<FlussoView | null> {
    dominiVisibili(this.actor);
    const f = await this.em.findOne(FlussoRendicontazione, { id: fromGlobalId('FlussoRendicontazione', id) }, EXCEPT_XML);
    return f ? this.visible(f) : null;
  }

  /** The latest revision of an idFlusso, or the one named by its number or dataFlusso. */
  async byIdFlusso(q: PerIdFlusso): Promise<FlussoView | null> {
    if (q.idDominio && !inScope(dominiVisibili(this.actor), q.idDominio)) throw this.forbidden();
    const domini = dominiVisibili(this.actor, q.idDominio ? [q.idDominio] : null);
    const where: Where = { ...scope(domini), id: { $in: await flussiConIdFlusso(this.em, q.idFlusso, !!q.caseInsensitive) } };
    if (q.revisione != null) where.revisione = q.revisione;
    if (q.dataFlusso) where.dataOraFlusso = q.dataFlusso;
    if (q.revisione == null && !q.dataFlusso) where.obsoleto = false;
    const f = await this.em.findOne(FlussoRendicontazione, where, { ...EXCEPT_XML, orderBy: { dataOraFlusso: 'DESC', id: 'DESC' } });
    return f ? toFlussoView(f) : null;
  }

  async list(filter: FlussiFilter, page: PageRequest): Promise<Page<FlussoView>> {
    const domini = dominiVisibili(this.actor, filter.idDominio);
    const where: Where = { ...scope(domini) };
    if (filter.idPsp) where.idPsp = filter.idPsp;
    if (filter.trn) where.trn = filter.trn;
    if (filter.stato?.length) where.stato = { $in: filter.stato };
    if (filter.dataDa || filter.dataA) {
      where.dataOraFlusso = { ...(filter.dataDa ? { $gte: filter.dataDa } : {}), ...(filter.dataA ? { $lte: filter.dataA } : {}) };
    }
    if (!filter.incluseObsolete) where.obsoleto = false;
    const ids: number[][] = [];
    if (filter.idFlusso) ids.push(await flussiConIdFlusso(this.em, filter.idFlusso, !!filter.idFlussoCaseInsensitive));
    if (filter.iuv) ids.push(await this.reportingIuv(filter.iuv, domini));
    if (ids.length) where.$and = ids.map((some) => ({ id: { $in: some } }));
    // Flows of the same instant keep one order from page to page.
    const ordered = { ...page, orderBy: [...page.orderBy, ['id', page.orderBy[0]?.[1] ?? 'DESC'] as [string, 'ASC' | 'DESC']] };
    return mapPage(await findPage(this.em, FlussoRendicontazione, where, ordered, EXCEPT_XML as never), toFlussoView);
  }

  /** Revisions by primary key in one query (loaders, references); null for one the caller may not see. */
  async byPks(pks: readonly number[]): Promise<Array<FlussoView | null>> {
    const domini = dominiVisibili(this.actor);
    const rows = await this.em.find(FlussoRendicontazione, { id: { $in: [...pks] }, ...scope(domini) }, EXCEPT_XML);
    const views = new Map(rows.map((f) => [f.id, toFlussoView(f)]));
    return pks.map((pk) => views.get(pk) ?? null);
  }

  /** Every revision of a flow's idFlusso for its dominio, newest first. */
  async revisioni(f: FlussoView): Promise<FlussoView[]> {
    const rows = await this.em.find(
      FlussoRendicontazione,
      { dominio: f.idDominio, idFlusso: f.idFlusso },
      { ...EXCEPT_XML, orderBy: { dataOraFlusso: 'DESC', id: 'DESC' } },
    );
    // MariaDB's collation would also find an idFlusso differing only in case.
    return rows.filter((r) => r.idFlusso === f.idFlusso).map(toFlussoView);
  }

  /** The flow's XML as acquired (null for FdR). */
  async xml(f: FlussoView): Promise<string | null> {
    const row = await this.em.findOne(FlussoRendicontazione, { id: f.pk }, { fields: ['xml'], populate: ['xml'] as never });
    return row?.xml ?? null;
  }

  /** The flows (primary keys) with a line of this IUV. */
  private async reportingIuv(iuv: string, domini: Domini): Promise<number[]> {
    const rows = await this.em.find(Rendicontazione, { iuv, ...scope(domini) }, { fields: ['flusso'] });
    return [...new Set(rows.map((r) => (typeof r.flusso === 'object' ? r.flusso.id : Number(r.flusso))))];
  }

  private visible(f: FlussoRendicontazione): FlussoView {
    const v = toFlussoView(f);
    if (!inScope(this.actor.domini, v.idDominio)) throw this.forbidden();
    return v;
  }

  private forbidden() {
    return errors.forbidden(`Il chiamante non e' autorizzato a consultare il flusso di rendicontazione.`);
  }
}

/** The filter on a flow's or a line's dominio for these domini (none: a filter nothing passes). */
export function scope(domini: Domini): Where {
  if (domini === '*') return {};
  return { dominio: { $in: domini } };
}
