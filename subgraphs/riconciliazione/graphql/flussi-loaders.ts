import DataLoader from 'dataloader';
import { fromGlobalId } from '../../../core/global-id';
import { memoized, type SubgraphContext } from '../../runtime/context';
import { FlussiService } from '../domain/flussi/flussi-query';
import { RendicontazioniService, type RendicontazioniFilter, type RighePerFlusso } from '../domain/flussi/rendicontazioni-query';
import type { FlussoView, RendicontazioneView } from '../domain/flussi/viste';
import type { RppRef } from './refs';

export const flussi = (ctx: SubgraphContext) => new FlussiService(ctx.em, ctx.principal);
export const rendicontazioni = (ctx: SubgraphContext) => new RendicontazioniService(ctx.em, ctx.principal);

/** Revisions by primary key (a line's flow, references, the subscription's reads), one query per request. */
export function flussoByPk(ctx: SubgraphContext): DataLoader<number, FlussoView | null> {
  return memoized(ctx, 'flussoByPk', () => new DataLoader<number, FlussoView | null>((pks) => flussi(ctx).byPks(pks)));
}

/** Revisions by graph id. */
export const flussoById = (ctx: SubgraphContext, id: string): Promise<FlussoView | null> =>
  flussoByPk(ctx).load(fromGlobalId('FlussoRendicontazione', id));

/** Lines by graph id (references), one query per request. */
export function rendicontazioneById(ctx: SubgraphContext): DataLoader<string, RendicontazioneView | null> {
  return memoized(
    ctx,
    'rendicontazioneById',
    () => new DataLoader<string, RendicontazioneView | null>((ids) => rendicontazioni(ctx).byIds(ids)),
  );
}

/** A page of one flow's lines: the flow, the filter and the page. */
export interface RigheKey {
  flusso: number;
  filter: RendicontazioniFilter;
  limit: number;
  offset: number;
}

/**
 * The lines of every flow a request shows: the flows asking for the same page of the same filter
 * are read together, two queries for all of them.
 */
export function righeDiFlusso(ctx: SubgraphContext): DataLoader<RigheKey, RighePerFlusso, string> {
  return memoized(
    ctx,
    'righeDiFlusso',
    () =>
      new DataLoader<RigheKey, RighePerFlusso, string>(
        async (keys) => {
          const groups = new Map<string, RigheKey[]>();
          for (const k of keys) {
            const g = pageKey(k);
            groups.set(g, [...(groups.get(g) ?? []), k]);
          }
          const pages = new Map<string, RighePerFlusso>();
          for (const [g, ks] of groups) {
            const { filter, limit, offset } = ks[0];
            const byFlusso = await rendicontazioni(ctx).perFlusso([...new Set(ks.map((k) => k.flusso))], filter, limit, offset);
            for (const [flusso, page] of byFlusso) pages.set(`${flusso}|${g}`, page);
          }
          return keys.map((k) => pages.get(`${k.flusso}|${pageKey(k)}`)!);
        },
        { cacheKeyFn: (k) => `${k.flusso}|${pageKey(k)}` },
      ),
  );
}

const pageKey = (k: RigheKey) => JSON.stringify([k.filter, k.limit, k.offset]);

/** The keys of the receipts lines settle (the pagamenti subgraph resolves them), one query per request. */
export function rppKeyByPk(ctx: SubgraphContext): DataLoader<number, RppRef | null> {
  return memoized(
    ctx,
    'rppKeyByPk',
    () =>
      new DataLoader<number, RppRef | null>(async (pks) => {
        const rows: Array<{ id: number; id_dominio: string; iuv: string; ccp: string }> = await ctx.em
          .getConnection()
          .execute(`select id, id_dominio, iuv, ccp from rpp where id in (${pks.map(() => '?').join(', ')})`, [...pks], 'all');
        const keys = new Map(rows.map((r) => [Number(r.id), { idDominio: r.id_dominio, iuv: r.iuv, ccp: r.ccp }]));
        return pks.map((pk) => keys.get(pk) ?? null);
      }),
  );
}
