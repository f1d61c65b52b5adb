import DataLoader from 'dataloader';
import { memoized, type SubgraphContext } from '../../runtime/context';
import { ConsultazioneIncassi, type RppDiRiscossione } from '../domain/incassi/consultazione';
import type { RiconciliazioneView, RiscossioneView } from '../domain/incassi/viste';

const consultazione = (ctx: SubgraphContext) => new ConsultazioneIncassi(ctx.em, ctx.principal);

/** The riscossioni of every riconciliazione a request shows, in one query. */
export function riscossioniDiRiconciliazione(ctx: SubgraphContext): DataLoader<number, RiscossioneView[]> {
  return memoized(
    ctx,
    'riscossioniDiRiconciliazione',
    () => new DataLoader<number, RiscossioneView[]>((pks) => consultazione(ctx).riscossioniDi(pks)),
  );
}

/** Riconciliazioni by primary key (the riscossioni's), one query per request. */
export function riconciliazioneByPk(ctx: SubgraphContext): DataLoader<number, RiconciliazioneView | null> {
  return memoized(
    ctx,
    'riconciliazioneByPk',
    () => new DataLoader<number, RiconciliazioneView | null>((pks) => consultazione(ctx).riconciliazioniByPk(pks)),
  );
}

/** The riconciliazione of every flow a request shows, by the flow's primary key. */
export function riconciliazioneDiFlusso(ctx: SubgraphContext): DataLoader<number, RiconciliazioneView | null> {
  return memoized(
    ctx,
    'riconciliazioneDiFlusso',
    () => new DataLoader<number, RiconciliazioneView | null>((pks) => consultazione(ctx).riconciliazioniDiFlussi(pks)),
  );
}

/** The receipts (keys and pendenze) of every riscossione a request shows, in one query. */
export function rppDiRiscossione(ctx: SubgraphContext): DataLoader<number, RppDiRiscossione | null> {
  return memoized(ctx, 'rppDiRiscossione', () => new DataLoader<number, RppDiRiscossione | null>((pks) => consultazione(ctx).rppDi(pks)));
}

/** Riscossioni by primary key (references from other subgraphs), one query per request. */
export function riscossioneByPk(ctx: SubgraphContext): DataLoader<number, RiscossioneView | null> {
  return memoized(
    ctx,
    'riscossioneByPk',
    () => new DataLoader<number, RiscossioneView | null>((pks) => consultazione(ctx).riscossioniByPk(pks)),
  );
}
