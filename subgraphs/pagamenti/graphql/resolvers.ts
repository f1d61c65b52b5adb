import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ListPageArgs, orderedPage, toConnection } from '../../runtime/connection';
import { memoized, type SubgraphContext } from '../../runtime/context';
import { RPP_ORDER, RppService, type PendenzaKey, type RppKey } from '../domain/rpp';
import { rptXml } from '../domain/rpt-xml';
import type { RicevutaView } from '../domain/ricevuta';
import type { RppView } from '../domain/rpp-views';
import { ricevutaByKey, rppByKey } from './loaders';
import { PagamentoPendenzaResolver, PagamentoResolver } from './pagamenti-resolvers';
import { RppFilter, RppOrder } from './rpp-list';
import { DominioRef, PendenzaRef, RicevutaPagamento, Rpp, RppConnection } from './types';

const rpps = (ctx: SubgraphContext) => new RppService(ctx.em, ctx.principal);

@Resolver(() => Rpp)
export class RppResolver {
  @Query(() => Rpp, { description: 'A payment attempt, by dominio, IUV and CCP (the receiptId).' })
  rpp(
    @Arg('idDominio', () => ID) idDominio: string,
    @Arg('iuv', () => ID) iuv: string,
    @Arg('ccp', () => ID) ccp: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return rpps(ctx).get(idDominio, iuv, ccp);
  }

  @Query(() => RppConnection, {
    description: "Payment attempts with GovPay's filters, oldest request first unless orderBy says otherwise.",
  })
  async rpps(
    @Arg('filter', () => RppFilter, { nullable: true }) filter: RppFilter | null,
    @Arg('orderBy', () => [RppOrder], { nullable: true }) orderBy: RppOrder[] | null,
    @Args() page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(await rpps(ctx).list(filter ?? {}, orderedPage(page, orderBy, RPP_ORDER, 'DATA_RICHIESTA')));
  }

  @FieldResolver(() => String, { description: "The request as XML (ctPaymentPA as paGetPaymentRes's data element)." })
  rptXml(@Root() r: RppView): string {
    return rptXml(r.rpt);
  }

  @FieldResolver(() => DominioRef)
  dominio(@Root() r: RppView): DominioRef {
    return { idDominio: r.idDominio };
  }

  @FieldResolver(() => RicevutaPagamento, {
    nullable: true,
    description: 'The ricevuta di pagamento as data; null for an attempt without a receipt.',
  })
  ricevuta(@Root() r: RppView, @Ctx() ctx: SubgraphContext): Promise<RicevutaView | null> {
    return ricevutaByKey(ctx).load({ idDominio: r.idDominio, iuv: r.iuv, ccp: r.ccp });
  }

  @FieldResolver(() => String, {
    description:
      "The ricevuta di pagamento as a PDF, base64 (GovPay's /rt as application/pdf); 404 for an attempt without a receipt. Costs as much as an avviso.",
  })
  async ricevutaPdf(@Root() r: RppView, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await rpps(ctx).ricevutaPdf({ idDominio: r.idDominio, iuv: r.iuv, ccp: r.ccp })).toString('base64');
  }

  @FieldResolver(() => PendenzaRef, { nullable: true, description: 'Null for a receipt of a position the hub does not hold.' })
  pendenza(@Root() r: RppView): PendenzaRef | null {
    return r.pendenza ?? null;
  }
}

@Resolver(() => PendenzaRef)
export class PendenzaRppResolver {
  @FieldResolver(() => [Rpp], { description: 'The payment attempts of the pendenza the caller may see, oldest first.' })
  rpp(@Root() p: PendenzaRef, @Ctx() ctx: SubgraphContext): Promise<RppView[]> {
    return rppOfPendenza(ctx).load({ idA2A: p.idA2A, idPendenza: p.idPendenza });
  }
}

/** The attempts of every pendenza a request asks about, in one query. */
function rppOfPendenza(ctx: SubgraphContext): DataLoader<PendenzaKey, RppView[], string> {
  return memoized(
    ctx,
    'rppOfPendenza',
    () =>
      new DataLoader<PendenzaKey, RppView[], string>((keys) => rpps(ctx).ofPendenze(keys), {
        cacheKeyFn: (k) => JSON.stringify([k.idA2A, k.idPendenza]),
      }),
  );
}

export const referenceResolvers = {
  Rpp: { __resolveReference: (ref: RppKey, ctx: SubgraphContext) => rppByKey(ctx).load(ref) },
  // The gateway sends only the key: the attempts are resolved by the field resolver above.
  Pendenza: { __resolveReference: (ref: PendenzaRef) => ref },
};

export const pagamentiResolvers = [RppResolver, PendenzaRppResolver, PagamentoResolver, PagamentoPendenzaResolver] as const;
