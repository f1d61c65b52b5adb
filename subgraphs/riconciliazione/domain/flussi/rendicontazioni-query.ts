import type { EntityManager } from '@mikro-orm/core';
import { fromGlobalId } from '../../../../core/global-id';
import { pageOf, type Page, type PageRequest } from '../../../../core/paging';
import type { Principal } from '../../../../core/principal';
import { romeDate } from '../../../../core/rome-time';
import { Rendicontazione, type EsitoRendicontazione, type StatoRendicontazione } from '../../../../schema/entities';
import { dominiVisibili, idFlussoEsatto, type Domini } from './ambito';
import { toRendicontazioneView, type RendicontazioneView } from './viste';

export interface RendicontazioniFilter {
  idDominio?: string[] | null;
  iuv?: string | null;
  iur?: string | null;
  idFlusso?: string | null;
  esito?: EsitoRendicontazione[] | null;
  stato?: StatoRendicontazione[] | null;
  dataDa?: Date | null;
  dataA?: Date | null;
  dataFlussoDa?: Date | null;
  dataFlussoA?: Date | null;
  /** Lines of obsolete revisions too (default: those of each flow's latest revision only). */
  incluseObsolete?: boolean | null;
}

/** Sort fields of the lines → columns. */
export const RENDICONTAZIONI_ORDER = { DATA: 'r.data', IUV: 'r.iuv', IMPORTO: 'r.importo_cents' } as const;

/** A WHERE clause over `rendicontazioni r join flussi_rendicontazione f` and its parameters. */
export interface Condizioni {
  sql: string;
  params: unknown[];
}

export const FROM = 'from rendicontazioni r join flussi_rendicontazione f on f.id = r.flusso_id';

/** One page of lines per flow. */
export interface RighePerFlusso {
  items: RendicontazioneView[];
  total: number;
  offset: number;
  hasNextPage: boolean;
}

/**
 * The lines of the flows, in SQL of their own: one query pages the lines of many flows at once
 * (a window per flow), which the ORM's finders cannot say.
 */
export class RendicontazioniService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  /** Lines the caller may see, of the flows' latest revisions unless the filter says otherwise. */
  async list(filter: RendicontazioniFilter, page: PageRequest): Promise<Page<RendicontazioneView>> {
    const c = condizioni(this.em, dominiVisibili(this.actor, filter.idDominio), filter, !filter.incluseObsolete);
    const orderBy = [...page.orderBy.map(([col, dir]) => `${col} ${dir}`), `r.id ${page.orderBy[0]?.[1] ?? 'DESC'}`].join(', ');
    const [rows, total] = await Promise.all([
      page.limit === 0
        ? Promise.resolve([])
        : this.query<Record<string, unknown>>(`select r.* ${FROM} where ${c.sql} order by ${orderBy} limit ? offset ?`, [
            ...c.params,
            page.limit + 1,
            page.offset,
          ]),
      page.withCount ? this.count(c) : Promise.resolve(undefined),
    ]);
    return pageOf(
      rows.map((r) => this.view(r)),
      page,
      total,
    );
  }

  /**
   * A page of lines of each of these flows (already checked visible), in their order, with the
   * count of each: two queries whatever the number of flows.
   */
  async perFlusso(
    flussi: readonly number[],
    filter: RendicontazioniFilter,
    limit: number,
    offset: number,
  ): Promise<Map<number, RighePerFlusso>> {
    const c = condizioni(this.em, '*', filter, false);
    const inFlussi = `r.flusso_id in (${flussi.map(() => '?').join(', ')}) and ${c.sql}`;
    const params = [...flussi, ...c.params];
    const [rows, counts] = await Promise.all([
      limit === 0
        ? Promise.resolve([])
        : this.query<Record<string, unknown>>(
            `select * from (select r.*, row_number() over (partition by r.flusso_id order by r.id) as rn ${FROM} where ${inFlussi}) x where x.rn > ? and x.rn <= ? order by x.flusso_id, x.rn`,
            [...params, offset, offset + limit],
          ),
      this.query<{ flusso_id: number; n: number | string }>(
        `select r.flusso_id, count(*) as n ${FROM} where ${inFlussi} group by r.flusso_id`,
        params,
      ),
    ]);
    const result = new Map<number, RighePerFlusso>();
    for (const pk of flussi) {
      const total = Number(counts.find((n) => Number(n.flusso_id) === pk)?.n ?? 0);
      result.set(pk, { items: [], total, offset, hasNextPage: offset + limit < total });
    }
    for (const row of rows) {
      delete row.rn;
      const v = this.view(row);
      result.get(v.flussoPk)?.items.push(v);
    }
    return result;
  }

  /** Lines by their graph ids (references from other subgraphs); null for one the caller may not see. */
  async byIds(ids: readonly string[]): Promise<Array<RendicontazioneView | null>> {
    const pks = ids.map((id) => fromGlobalId('Rendicontazione', id));
    const c = condizioni(this.em, dominiVisibili(this.actor), {}, false);
    const rows = await this.query<Record<string, unknown>>(
      `select r.* ${FROM} where r.id in (${pks.map(() => '?').join(', ')}) and ${c.sql}`,
      [...pks, ...c.params],
    );
    const views = new Map(rows.map((r) => this.view(r)).map((v) => [v.pk, v]));
    return pks.map((pk) => views.get(pk) ?? null);
  }

  private async count(c: Condizioni): Promise<number> {
    const [row] = await this.query<{ n: number | string }>(`select count(*) as n ${FROM} where ${c.sql}`, c.params);
    return Number(row.n);
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(sql, params, 'all');
  }

  private view(row: Record<string, unknown>): RendicontazioneView {
    return toRendicontazioneView(this.em.map(Rendicontazione, row));
  }
}

/** The WHERE clause of a filter on lines, within these domini, of current revisions only when `correnti`. */
export function condizioni(em: EntityManager, domini: Domini, filter: RendicontazioniFilter, correnti: boolean): Condizioni {
  const sql: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    sql.push(clause);
    params.push(...values);
  };
  const list = (values: readonly unknown[]) => values.map(() => '?').join(', ');
  if (domini !== '*') add(domini.length ? `r.id_dominio in (${list(domini)})` : '1 = 0', ...domini);
  if (correnti) add('f.obsoleto = ?', false);
  if (filter.iuv) add('r.iuv = ?', filter.iuv);
  if (filter.iur) add('r.iur = ?', filter.iur);
  if (filter.idFlusso) add(`${idFlussoEsatto(em, 'f.id_flusso')} = ?`, filter.idFlusso);
  if (filter.esito?.length) add(`r.esito in (${list(filter.esito)})`, ...filter.esito);
  if (filter.stato?.length) add(`r.stato in (${list(filter.stato)})`, ...filter.stato);
  if (filter.dataDa) add('r.data >= ?', romeDate(filter.dataDa));
  if (filter.dataA) add('r.data <= ?', romeDate(filter.dataA));
  const instant = (d: Date) => em.getPlatform().processDateProperty(d);
  if (filter.dataFlussoDa) add('f.data_ora_flusso >= ?', instant(filter.dataFlussoDa));
  if (filter.dataFlussoA) add('f.data_ora_flusso <= ?', instant(filter.dataFlussoA));
  return { sql: sql.length ? sql.join(' and ') : '1 = 1', params: params.map((p) => (typeof p === 'boolean' ? Number(p) : p)) };
}
