import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { errors } from '../../../core/errors';
import { ListPageArgs, orderedPage, toConnection } from '../../runtime/connection';
import type { SubgraphContext } from '../../runtime/context';
import type { RppView } from '../domain/rpp-views';
import { AvvioPagamento, type PagamentiHost } from '../domain/sessioni/avvio';
import { PAGAMENTI_ORDER, PagamentiService } from '../domain/sessioni/consultazione';
import type { PagamentoPendenzaView, PagamentoView } from '../domain/sessioni/viste';
import { annotaPagamento } from '../domain/sessioni/annotazione';
import { idPagamentoOf } from '../domain/sessioni/identificativo';
import {
  AnnotaPagamentoInput,
  AnnotaPagamentoPayload,
  AvviaPagamentoInput,
  AvviaPagamentoPayload,
  PagamentiFilter,
  Pagamento,
  PagamentoConnection,
  PagamentoOrder,
  PagamentoPendenza,
} from './pagamenti-types';
import { rppByKey } from './loaders';
import { DominioRef, PendenzaRef, Rpp } from './types';

const service = (ctx: SubgraphContext) => new PagamentiService(ctx.em, ctx.principal);

/** GovPay's idPagamento out of pagamento()'s arguments: exactly one given, a global id decoded. */
function unoFra(id?: string | null, idPagamento?: string | null): string {
  if (typeof id === 'string' && typeof idPagamento !== 'string') return idPagamentoOf(id);
  if (typeof idPagamento === 'string' && typeof id !== 'string') return idPagamento;
  throw errors.syntax('Indicare esattamente uno fra id e idPagamento.');
}

/** Class instances of type-graphql's inputs as the plain JSON the domain validates (as REST's bodies are). */
const plain = (input: object): unknown => JSON.parse(JSON.stringify(input));

@Resolver(() => Pagamento)
export class PagamentoResolver {
  /** The host of the subgraph hands in what starting a payment needs (Checkout's client); schema tools build it without. */
  constructor(private readonly host?: PagamentiHost) {}

  @Mutation(() => AvviaPagamentoPayload, {
    description:
      "Starts the payment of a portal's cart through pagoPA Checkout: send the browser to `redirect`. Needs the Pagamenti write right and every pendenza in the caller's scope.",
  })
  async avviaPagamento(
    @Arg('input', () => AvviaPagamentoInput) input: AvviaPagamentoInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<{ created: boolean; pagamento: PagamentoView; redirect: string }> {
    if (!this.host) throw errors.internal('Avvio dei pagamenti non configurato in questo processo.');
    const { created, pagamento } = await new AvvioPagamento(ctx.em, ctx.principal, this.host).avvia(plain(input));
    // A payment in progress always has Checkout's page: it is written only once Checkout answered.
    return { created, pagamento, redirect: pagamento.redirect ?? '' };
  }

  @Mutation(() => AnnotaPagamentoPayload, {
    description:
      "An operatore marks a payment as checked or writes a note on it (GovPay's PATCH /pagamenti/{id}). Needs the Pagamenti write right.",
  })
  async annotaPagamento(
    @Arg('input', () => AnnotaPagamentoInput) input: AnnotaPagamentoInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<{ pagamento: PagamentoView }> {
    const annotazione = { verificato: input.verificato, nota: input.nota };
    return { pagamento: await annotaPagamento(ctx.em, ctx.principal, idPagamentoOf(input.id), annotazione) };
  }

  @Query(() => Pagamento, { description: "A payment session by its global id or by GovPay's idPagamento: exactly one of the two." })
  pagamento(
    @Arg('id', () => ID, { nullable: true, description: 'Its global id (Pagamento.id).' }) id: string | null,
    @Arg('idPagamento', () => String, { nullable: true, description: "GovPay's id of the payment (Pagamento.idPagamento)." })
    idPagamento: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PagamentoView> {
    return service(ctx).get(unoFra(id, idPagamento));
  }

  @Query(() => Pagamento, { description: 'A payment session by the idSession the return to the portal carries.' })
  pagamentoByIdSession(@Arg('idSession', () => ID) idSession: string, @Ctx() ctx: SubgraphContext): Promise<PagamentoView> {
    return service(ctx).byIdSession(idSession);
  }

  @Query(() => PagamentoConnection, { description: 'Payment sessions the caller may see, newest first unless orderBy says otherwise.' })
  async pagamenti(
    @Arg('filter', () => PagamentiFilter, { nullable: true }) filter: PagamentiFilter | null,
    @Arg('orderBy', () => [PagamentoOrder], { nullable: true }) orderBy: PagamentoOrder[] | null,
    @Args() page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const f = filter ?? {};
    const order = orderedPage(page, orderBy, PAGAMENTI_ORDER, 'DATA_RICHIESTA', 'DESC');
    return toConnection(await service(ctx).list({ ...f, dataDa: f.dataRichiestaDa, dataA: f.dataRichiestaA }, order));
  }
}

@Resolver(() => PagamentoPendenza)
export class PagamentoPendenzaResolver {
  @FieldResolver(() => PendenzaRef, { description: 'The pendenza (resolved by the pendenze subgraph, with its rights).' })
  pendenza(@Root() v: PagamentoPendenzaView): PendenzaRef {
    return { idA2A: v.idA2A, idPendenza: v.idPendenza };
  }

  @FieldResolver(() => DominioRef)
  dominio(@Root() v: PagamentoPendenzaView): DominioRef {
    return { idDominio: v.idDominio };
  }

  @FieldResolver(() => Rpp, { nullable: true, description: 'The receipt that settled it.' })
  async rpp(@Root() v: PagamentoPendenzaView, @Ctx() ctx: SubgraphContext): Promise<RppView | null> {
    return v.ccp ? rppByKey(ctx).load({ idDominio: v.idDominio, iuv: v.iuv, ccp: v.ccp }) : null;
  }
}
