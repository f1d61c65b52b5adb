import type { EntityManager } from '@mikro-orm/core';
import { Evento } from '../../../schema/entities';
import { errors } from '../../../core/errors';
import type { CategoriaEvento, Componente, EsitoEvento } from '../../../core/journal';
import { findPage, type Where } from '../../../core/find-page';
import type { Page, PageRequest } from '../../../core/paging';
import { inScope, requireRight, type Principal } from '../../../core/principal';

export interface EventiFilter {
  idDominio?: string | null;
  iuv?: string | null;
  ccp?: string | null;
  idA2A?: string | null;
  idPendenza?: string | null;
  idSessione?: string | null;
  esito?: EsitoEvento | null;
  categoriaEvento?: CategoriaEvento | null;
  tipoEvento?: string | null;
  sottotipoEvento?: string | null;
  componente?: Componente | null;
  ruolo?: string | null;
  dataDa?: Date | null;
  dataA?: Date | null;
  severitaDa?: number | null;
  severitaA?: number | null;
}

export const EVENTI_ORDER = { DATA: 'data', ID: 'id' } as const;

const SERVIZIO = 'Giornale degli Eventi';

/**
 * The Giornale degli Eventi for readers: the Giornale degli Eventi read right, and only events of
 * the caller's domini — one limited to some domini sees no event without a dominio, as in GovPay.
 * Pages come from the database (LIMIT over the data index), whatever the date range.
 */
export class ConsultazioneEventi {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async evento(id: number): Promise<Evento | null> {
    requireRight(this.actor, SERVIZIO, 'R');
    const e = await this.em.findOne(Evento, { id }, { populate: ['parametriRichiesta', 'parametriRisposta'] as never });
    if (e && !(this.actor.domini === '*' || (e.idDominio && inScope(this.actor.domini, e.idDominio)))) {
      throw errors.forbidden(`Il chiamante non e' autorizzato a consultare l'evento ${id}.`);
    }
    return e;
  }

  async eventi(filter: EventiFilter, page: PageRequest, messaggi: boolean): Promise<Page<Evento>> {
    requireRight(this.actor, SERVIZIO, 'R');
    const where: Where = {};
    const scope = this.actor.domini;
    if (filter.idDominio) where.idDominio = scope === '*' || scope.includes(filter.idDominio) ? filter.idDominio : { $in: [] };
    else if (scope !== '*') where.idDominio = { $in: scope };
    for (const k of [
      'iuv',
      'ccp',
      'idA2A',
      'idPendenza',
      'idSessione',
      'esito',
      'categoriaEvento',
      'tipoEvento',
      'sottotipoEvento',
      'componente',
      'ruolo',
    ] as const) {
      if (filter[k]) where[k] = filter[k];
    }
    if (filter.dataDa || filter.dataA)
      where.data = { ...(filter.dataDa ? { $gte: filter.dataDa } : {}), ...(filter.dataA ? { $lte: filter.dataA } : {}) };
    if (filter.severitaDa != null || filter.severitaA != null) {
      where.severita = {
        ...(filter.severitaDa != null ? { $gte: filter.severitaDa } : {}),
        ...(filter.severitaA != null ? { $lte: filter.severitaA } : {}),
      };
    }
    const orderBy = [...page.orderBy, ['id', page.orderBy[0]?.[1] ?? 'DESC'] as [string, 'ASC' | 'DESC']];
    return findPage(
      this.em,
      Evento,
      where,
      { ...page, orderBy },
      messaggi ? { populate: ['parametriRichiesta', 'parametriRisposta'] as never } : {},
    );
  }
}
