import DataLoader from 'dataloader';
import { Dominio, Intermediario, Stazione, TipoEntrata, TipoPendenza } from '../../../schema/entities';
import { memoized, type SubgraphContext } from '../../runtime/context';
import {
  toDominioView,
  toIntermediarioView,
  toStazioneView,
  toTipoEntrataView,
  toTipoPendenzaView,
  type DominioView,
  type IntermediarioView,
  type StazioneView,
  type TipoEntrataView,
  type TipoPendenzaView,
} from '../domain/views';

/**
 * Batched look-ups by key, one query per type per request: they serve entity references from other
 * subgraphs and nested fields. References expose the public face of the configuration (a dominio's
 * name, an entrata's description) that any caller who can see a pendenza may see.
 */
function byKey<E, V>(
  ctx: SubgraphContext,
  name: string,
  load: (ids: string[]) => Promise<E[]>,
  keyOf: (e: E) => string,
  view: (e: E) => V,
): DataLoader<string, V | null> {
  return memoized(
    ctx,
    name,
    () =>
      new DataLoader<string, V | null>(async (ids) => {
        const found = new Map((await load([...ids])).map((e) => [keyOf(e), view(e)]));
        return ids.map((id) => found.get(id) ?? null);
      }),
  );
}

export const loaders = {
  intermediario: (ctx: SubgraphContext): DataLoader<string, IntermediarioView | null> =>
    byKey(
      ctx,
      'intermediario',
      (ids) => ctx.em.find(Intermediario, { idIntermediario: { $in: ids } }),
      (e) => e.idIntermediario,
      toIntermediarioView,
    ),
  stazione: (ctx: SubgraphContext): DataLoader<string, StazioneView | null> =>
    byKey(
      ctx,
      'stazione',
      (ids) => ctx.em.find(Stazione, { idStazione: { $in: ids } }),
      (e) => e.idStazione,
      toStazioneView,
    ),
  dominio: (ctx: SubgraphContext): DataLoader<string, DominioView | null> =>
    byKey(
      ctx,
      'dominio',
      (ids) => ctx.em.find(Dominio, { idDominio: { $in: ids } }),
      (e) => e.idDominio,
      toDominioView,
    ),
  entrata: (ctx: SubgraphContext): DataLoader<string, TipoEntrataView | null> =>
    byKey(
      ctx,
      'entrata',
      (ids) => ctx.em.find(TipoEntrata, { idEntrata: { $in: ids } }),
      (e) => e.idEntrata,
      toTipoEntrataView,
    ),
  tipoPendenza: (ctx: SubgraphContext): DataLoader<string, TipoPendenzaView | null> =>
    byKey(
      ctx,
      'tipoPendenza',
      (ids) => ctx.em.find(TipoPendenza, { idTipoPendenza: { $in: ids } }),
      (e) => e.idTipoPendenza,
      toTipoPendenzaView,
    ),
};
