import type { EntityManager, EntityName } from '@mikro-orm/core';
import { ContoAccredito, Dominio, EntrataDominio, TipoPendenzaDominio, UnitaOperativa } from '../../../schema/entities';
import { findPage } from '../../../core/find-page';
import { MAX_PAGE_SIZE, type Page, type PageRequest, type SortDirection } from '../../../core/paging';
import { perDatabase } from '../../../core/per-database';
import { requestRevision } from './revision';
import * as views from './views';

type Ordering = PageRequest['orderBy'];

/** The order each collection is read in when the caller names none (the lists' defaults). */
const DEFAULT_ORDER = {
  unitaOperative: [['ragioneSociale', 'ASC']] as Ordering,
  contiAccredito: [['iban', 'ASC']] as Ordering,
  entrate: [['tipoEntrata.idEntrata', 'ASC']] as Ordering,
  tipiPendenza: [['tipoPendenza.descrizione', 'ASC']] as Ordering,
} satisfies Record<string, Array<[string, SortDirection]>>;

/**
 * One collection of a dominio as its list's first MAX_PAGE_SIZE rows in the default order, the
 * rows the database gives a page of that list; `complete` when no row lies beyond them.
 */
export interface Collezione<T> {
  rows: T[];
  complete: boolean;
  order: Ordering;
}

/** A dominio with its whole configuration, as GET /domini/{id} shows it. */
export interface ConfigurazioneDominio {
  dominio: views.DominioView;
  logo: string | undefined;
  unitaOperative: Collezione<views.UnitaOperativaView>;
  contiAccredito: Collezione<views.ContoAccreditoView>;
  entrate: Collezione<views.EntrataDominioView>;
  tipiPendenza: Collezione<views.TipoPendenzaDominioView>;
}

/** What the cache may hold, counted in characters (mostly logos, up to 5 MB each). */
const BUDGET = 64 * 1024 * 1024;
/** A configuration's own weight besides its logo. */
const BASE_WEIGHT = 4096;

/**
 * The domini's configurations, read once per anagrafica revision and kept per database: every
 * configuration change, made by any instance, moves the revision in its own transaction, and every
 * request reads the revision (one primary-key read, once per request) before it trusts the cache.
 * A configuration read after the revision was read is at least that recent, so nothing served is
 * older than the caller's own last change. Oldest entries go first when the budget is exceeded.
 */
export class ConfigurazioniDomini {
  private revision = -1;
  private entries = new Map<string, Promise<ConfigurazioneDominio | null>>();
  private weights = new Map<string, number>();
  private weight = 0;

  async get(em: EntityManager, idDominio: string): Promise<ConfigurazioneDominio | null> {
    await this.catchUp(em);
    const hit = this.entries.get(idDominio);
    if (hit) return hit;
    const entries = this.entries;
    const load = loadConfigurazione(em.fork(), idDominio);
    entries.set(idDominio, load);
    load.then(
      (c) => entries === this.entries && entries.get(idDominio) === load && this.weigh(idDominio, c),
      // A failed load (the database down) must not be remembered.
      () => entries.get(idDominio) === load && entries.delete(idDominio),
    );
    return load;
  }

  private async catchUp(em: EntityManager): Promise<void> {
    const revision = await requestRevision(em);
    // A request that read an older revision is served what newer ones loaded: never older than its own view.
    if (revision <= this.revision) return;
    this.revision = revision;
    // New maps, not clear(): a load still running for the old revision fills the old map only.
    this.entries = new Map();
    this.weights = new Map();
    this.weight = 0;
  }

  private weigh(idDominio: string, c: ConfigurazioneDominio | null): void {
    const w = BASE_WEIGHT + (c?.logo?.length ?? 0);
    this.weights.set(idDominio, w);
    this.weight += w;
    for (const [oldest, ow] of this.weights) {
      if (this.weight <= BUDGET || oldest === idDominio) break;
      this.weights.delete(oldest);
      this.entries.delete(oldest);
      this.weight -= ow;
    }
  }
}

export const configurazioniDomini = (em: EntityManager): ConfigurazioniDomini =>
  perDatabase(em, 'anagrafica.configurazioni-domini', () => new ConfigurazioniDomini());

/** A page of a cached collection, as `findPage` would give it; undefined when the cache does not hold that page. */
export function pageFrom<T>(c: Collezione<T>, req: PageRequest): Page<T> | undefined {
  if (!sameOrder(req.orderBy, c.order)) return undefined;
  const end = req.offset + req.limit;
  if (!c.complete && (req.withCount || end >= c.rows.length)) return undefined;
  const items = req.limit === 0 ? [] : c.rows.slice(req.offset, end);
  return {
    items,
    total: req.withCount ? c.rows.length : undefined,
    offset: req.offset,
    hasNextPage: req.withCount ? req.offset + items.length < c.rows.length : c.rows.length > end,
  };
}

const sameOrder = (a: Ordering, b: Ordering) => a.length === b.length && a.every(([f, d], i) => f === b[i][0] && d === b[i][1]);

async function loadConfigurazione(em: EntityManager, idDominio: string): Promise<ConfigurazioneDominio | null> {
  const d = await em.findOne(Dominio, { idDominio }, { populate: ['logo'] });
  if (!d) return null;
  // One after the other: an EntityManager runs one query at a time.
  const all = async <E extends object, V>(entity: EntityName<E>, order: Ordering, populate: string[], view: (e: E) => V) => {
    const req: PageRequest = { offset: 0, limit: MAX_PAGE_SIZE, withCount: false, orderBy: order };
    const page = await findPage(em, entity, { dominio: d }, req, { populate: populate as never[] });
    return { rows: page.items.map(view), complete: !page.hasNextPage, order };
  };
  return {
    dominio: views.toDominioView(d),
    logo: d.logo ?? undefined,
    unitaOperative: await all(UnitaOperativa, DEFAULT_ORDER.unitaOperative, [], views.toUnitaOperativaView),
    contiAccredito: await all(ContoAccredito, DEFAULT_ORDER.contiAccredito, [], views.toContoAccreditoView),
    entrate: await all(EntrataDominio, DEFAULT_ORDER.entrate, ['tipoEntrata', 'ibanAccredito', 'ibanAppoggio'], views.toEntrataDominioView),
    tipiPendenza: await all(TipoPendenzaDominio, DEFAULT_ORDER.tipiPendenza, ['tipoPendenza'], views.toTipoPendenzaDominioView),
  };
}
