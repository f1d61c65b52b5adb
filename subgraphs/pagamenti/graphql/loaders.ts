import DataLoader from 'dataloader';
import { memoized, type SubgraphContext } from '../../runtime/context';
import { RppService, type RppKey } from '../domain/rpp';
import type { RicevutaView } from '../domain/ricevuta';
import type { RppView } from '../domain/rpp-views';

/** Attempts by key (references from other subgraphs, the subscriptions' events, a session's receipts), one query per request. */
export function rppByKey(ctx: SubgraphContext): DataLoader<RppKey, RppView | null, string> {
  return memoized(
    ctx,
    'rppByKey',
    () =>
      new DataLoader<RppKey, RppView | null, string>((keys) => new RppService(ctx.em, ctx.principal).byKeys(keys), {
        cacheKeyFn: (k) => JSON.stringify([k.idDominio, k.iuv, k.ccp]),
      }),
  );
}

/** The receipts of every attempt a request shows, in one query. */
export function ricevutaByKey(ctx: SubgraphContext): DataLoader<RppKey, RicevutaView | null, string> {
  return memoized(
    ctx,
    'ricevutaByKey',
    () =>
      new DataLoader<RppKey, RicevutaView | null, string>((keys) => new RppService(ctx.em, ctx.principal).ricevute(keys), {
        cacheKeyFn: (k) => JSON.stringify([k.idDominio, k.iuv, k.ccp]),
      }),
  );
}
