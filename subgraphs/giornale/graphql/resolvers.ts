import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { errors } from '../../../core/errors';
import { fromGlobalId, toGlobalId } from '../../../core/global-id';
import type { GiornaleEventi } from '../../../core/journal-policy';
import type { Evento as EventoRow } from '../../../schema/entities';
import { ListPageArgs, orderedPage, toConnection } from '../../runtime/connection';
import type { SubgraphContext } from '../../runtime/context';
import { Configurazioni } from '../domain/configurazione';
import { ConsultazioneEventi, EVENTI_ORDER } from '../domain/eventi';
import {
  ConfigurazioneHub,
  ConfigurazionePayload,
  Evento,
  EventoConnection,
  EventoFilter,
  EventoOrder,
  ModificaConfigurazioneInput,
  SalvaConfigurazioneInput,
} from './types';

/** What the process hosting the subgraph hands it: the giornaleEventi in force until one is stored. */
export interface GiornaleHost {
  giornaleEventi: GiornaleEventi;
}

const view = (e: EventoRow) => ({ ...e, id: toGlobalId('Evento', e.id), numero: e.id });

/** The Giornale's queries and the configuration's reads and writes. */
@Resolver()
export class GiornaleResolver {
  constructor(private readonly host: GiornaleHost = { giornaleEventi: { interfacce: {} as GiornaleEventi['interfacce'] } }) {}

  @Query(() => Evento, { nullable: true, description: 'An event by its global id or its number. Needs Giornale degli Eventi read.' })
  async evento(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('numero', () => Int, { nullable: true }) numero: number | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const pk = numero ?? (id ? fromGlobalId('Evento', id) : undefined);
    if (pk === undefined) throw errors.syntax('Indicare id o numero.');
    const e = await new ConsultazioneEventi(ctx.em, ctx.principal).evento(pk);
    return e ? view(e) : null;
  }

  @Query(() => EventoConnection, {
    description: "Events of the caller's domini, newest first unless orderBy says otherwise. Needs Giornale degli Eventi read.",
  })
  async eventi(
    @Arg('filter', () => EventoFilter, { nullable: true }) filter: EventoFilter | null,
    @Arg('orderBy', () => [EventoOrder], { nullable: true }) orderBy: EventoOrder[] | null,
    @Args(() => ListPageArgs) args: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const page = await new ConsultazioneEventi(ctx.em, ctx.principal).eventi(
      filter ?? {},
      orderedPage(args, orderBy, EVENTI_ORDER, 'DATA', 'DESC'),
      filter?.messaggi ?? false,
    );
    return toConnection({ ...page, items: page.items.map(view) });
  }

  @Query(() => ConfigurazioneHub, { description: "The hub's runtime settings. Needs Configurazione e manutenzione read." })
  configurazione(@Ctx() ctx: SubgraphContext) {
    return this.configurazioni(ctx).leggi();
  }

  @Mutation(() => ConfigurazionePayload, { description: 'Stores the whole configuration. Needs Configurazione e manutenzione write.' })
  async salvaConfigurazione(@Arg('input', () => SalvaConfigurazioneInput) input: SalvaConfigurazioneInput, @Ctx() ctx: SubgraphContext) {
    return { configurazione: await this.configurazioni(ctx).salva(input.configurazione) };
  }

  @Mutation(() => ConfigurazionePayload, {
    description: 'Changes parts of the configuration, all or none. Needs Configurazione e manutenzione write.',
  })
  async modificaConfigurazione(
    @Arg('input', () => ModificaConfigurazioneInput) input: ModificaConfigurazioneInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const operazioni = input.operazioni.map((o) => ({ op: o.op, path: o.path, value: o.value?.value }));
    return { configurazione: await this.configurazioni(ctx).modifica(operazioni) };
  }

  private configurazioni(ctx: SubgraphContext) {
    return new Configurazioni(ctx.em, ctx.principal, this.host.giornaleEventi);
  }
}

export const giornaleReferenceResolvers = {
  Evento: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) => {
      const e = await new ConsultazioneEventi(ctx.em, ctx.principal).evento(fromGlobalId('Evento', ref.id));
      return e ? view(e) : null;
    },
  },
};
