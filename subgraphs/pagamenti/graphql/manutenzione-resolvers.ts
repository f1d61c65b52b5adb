import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { errors } from '../../../core/errors';
import { requireRight } from '../../../core/principal';
import { ListPageArgs, orderedPage, toConnection } from '../../runtime/connection';
import type { SubgraphContext } from '../../runtime/context';
import { caricaRicevuta } from '../domain/caricamento-ricevute';
import { NOTIFICHE_ORDER, NotificheService, type NotificaView } from '../domain/notifiche';
import type { RppView } from '../domain/rpp-views';
import type { PagamentiHost } from '../domain/sessioni/avvio';
import { chiudiSessioniScadute } from '../domain/sessioni/scadenze';
import { rppByKey } from './loaders';
import {
  CaricaRicevutaInput,
  CaricaRicevutaPayload,
  ChiudiPagamentiScadutiPayload,
  Notifica,
  NotificaConnection,
  NotificaFilter,
  NotificaOrder,
  SpedisciNotifichePayload,
} from './manutenzione-types';
import { Rpp } from './types';

const notifiche = (ctx: SubgraphContext) => new NotificheService(ctx.em, ctx.principal);

/** The notifications to the Ente, the receipts operators upload, and the pagamenti context's on-demand jobs. */
@Resolver(() => Notifica)
export class ManutenzioneResolver {
  /** The host hands in the receipt reader and the sessions' timeout; schema tools build it without. */
  constructor(private readonly host?: PagamentiHost) {}

  @Query(() => NotificaConnection, {
    description:
      "Notifications to the Ente's systems, newest first unless orderBy says otherwise. Needs the read right on 'Configurazione e manutenzione'.",
  })
  async notifiche(
    @Arg('filter', () => NotificaFilter, { nullable: true }) filter: NotificaFilter | null,
    @Arg('orderBy', () => [NotificaOrder], { nullable: true }) orderBy: NotificaOrder[] | null,
    @Args() page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(await notifiche(ctx).list(filter ?? {}, orderedPage(page, orderBy, NOTIFICHE_ORDER, 'DATA_CREAZIONE', 'DESC')));
  }

  @Query(() => Notifica, {
    nullable: true,
    description: "A notification by its id; null when there is none. Needs the read right on 'Configurazione e manutenzione'.",
  })
  notifica(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<NotificaView | null> {
    return notifiche(ctx).get(id);
  }

  @FieldResolver(() => Rpp, { nullable: true })
  rpp(@Root() n: NotificaView, @Ctx() ctx: SubgraphContext): Promise<RppView | null> | null {
    return n.rpp ? rppByKey(ctx).load(n.rpp) : null;
  }

  @Mutation(() => SpedisciNotifichePayload, {
    description:
      "GovPay's spedizioneNotifiche: the notifications waiting for a retry are due now and the outbox worker is woken. Needs the write right on 'Configurazione e manutenzione'.",
  })
  spedisciNotifiche(@Ctx() ctx: SubgraphContext): Promise<SpedisciNotifichePayload> {
    return notifiche(ctx).spedisci();
  }

  @Mutation(() => ChiudiPagamentiScadutiPayload, {
    description:
      "GovPay's chiusuraRptScadute: closes now the payment sessions abandoned past their expiry. Needs the write right on 'Configurazione e manutenzione'.",
  })
  async chiudiPagamentiScaduti(@Ctx() ctx: SubgraphContext): Promise<ChiudiPagamentiScadutiPayload> {
    requireRight(ctx.principal, 'Configurazione e manutenzione', 'W');
    return { chiusi: await chiudiSessioniScadute(ctx.em, this.needHost().sessionTimeoutMs) };
  }

  @Mutation(() => CaricaRicevutaPayload, {
    description:
      "Records a receipt of a payment made outside the station (GovPay's POST /ricevute), as the station records paSendRT(V2): idempotent, with its pendenza and notification. Needs the Pagamenti write right and the pendenza's dominio and tipo.",
  })
  async caricaRicevuta(
    @Arg('input', () => CaricaRicevutaInput) input: CaricaRicevutaInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<{ rpp: RppView }> {
    const host = this.needHost();
    const { xml, idDominio, iuv, ccp } = input;
    const atteso = idDominio && iuv && ccp ? { idDominio, iuv, ccp } : undefined;
    return { rpp: await caricaRicevuta(ctx.em, host.log, ctx.principal, host.leggiRicevuta, { xml, atteso }) };
  }

  private needHost(): PagamentiHost {
    if (!this.host) throw errors.internal('Operazione non configurata in questo processo.');
    return this.host;
  }
}

export const manutenzioneReferenceResolvers = {
  Notifica: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => notifiche(ctx).get(ref.id) },
};
