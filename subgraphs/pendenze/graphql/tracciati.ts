import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, ListPageArgs, orderedPage, toConnection } from '../../runtime/connection';
import type { SubgraphContext } from '../../runtime/context';
import { integerKeyOf, Node } from '../../runtime/node';
import { OPERAZIONI_ORDER, TRACCIATI_ORDER, TracciatiService, type TracciatoView } from '../domain/tracciati';
import {
  CaricaTracciatoPendenzeInput,
  OperazioneTracciatoFilter,
  OperazioneTracciatoOrder,
  TracciatoPendenzeFilter,
  TracciatoPendenzeOrder,
} from './tracciati-inputs';
import { EsitoOperazioneTracciato, StatoOperazioneTracciato, StatoTracciato, TipoOperazioneTracciato } from './stati';
import type { EsitoOperazione, StatoOperazione, StatoTracciato as StatoTracciatoValue, TipoOperazione } from '../../../schema/entities';
import { DominioRef } from './types';

@ObjectType({ description: 'One processed row of a tracciato and its outcome.' })
export class OperazioneTracciato {
  @Field(() => Int) numero!: number;
  @Field(() => TipoOperazioneTracciato) tipoOperazione!: TipoOperazione;
  @Field(() => StatoOperazioneTracciato) stato!: StatoOperazione;
  @Field(() => EsitoOperazioneTracciato) esito!: EsitoOperazione;
  @Field(() => String) descrizioneEsito!: string;
  @Field(() => String, { nullable: true }) idA2A?: string;
  @Field(() => String, { nullable: true }) idPendenza?: string;
  @Field(() => String, { nullable: true }) numeroAvviso?: string;
  @Field(() => GraphQLJSON, { description: 'The row as uploaded.' }) richiesta!: unknown;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The avviso of a loaded pendenza, or the fault of a failed row.' })
  dati?: Record<string, unknown>;
}

const OperazioneTracciatoConnection = Connection(OperazioneTracciato);

@ObjectType({ description: 'The outcome of every row processed so far.' })
export class EsitoTracciato {
  @Field(() => [OperazioneTracciato]) inserimenti!: OperazioneTracciato[];
  @Field(() => [OperazioneTracciato]) annullamenti!: OperazioneTracciato[];
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A bulk load of pendenze for a dominio, processed in the background.', implements: Node })
export class TracciatoPendenze {
  @Field(() => String) idTracciato!: string;
  @Field(() => String) nomeFile!: string;
  @Field(() => StatoTracciato) stato!: StatoTracciatoValue;
  @Field(() => String, { nullable: true }) descrizioneStato?: string;
  @Field(() => Int) numeroOperazioniTotali!: number;
  @Field(() => Int, { description: 'Rows processed so far, ok or failed.' }) numeroOperazioniElaborate!: number;
  @Field(() => Int) numeroOperazioniEseguite!: number;
  @Field(() => Int) numeroOperazioniFallite!: number;
  @Field(() => String) operatoreMittente!: string;
  @Field(() => Date) dataOraCaricamento!: Date;
  @Field(() => Date) dataOraUltimoAggiornamento!: Date;
  @Field(() => Date, { nullable: true }) dataOraCompletamento?: Date;
  @Field(() => Boolean) stampaAvvisi!: boolean;
}

const TracciatoPendenzeConnection = Connection(TracciatoPendenze);

@ObjectType({ description: 'The tracciato uploaded, waiting to be processed.' })
export class CaricaTracciatoPendenzePayload {
  @Field(() => TracciatoPendenze) tracciato!: TracciatoPendenze;
}
const tracciati = (ctx: SubgraphContext) => new TracciatiService(ctx.em, ctx.principal);

@Resolver(() => TracciatoPendenze)
export class TracciatoResolver {
  @Query(() => TracciatoPendenze, { description: 'A tracciato with its progress, by its global id or its numero (exactly one).' })
  tracciatoPendenze(
    @Arg('numero', () => Int, { nullable: true }) numero: number | null,
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return tracciati(ctx).get(integerKeyOf('TracciatoPendenze', { numero, id }));
  }

  @Query(() => TracciatoPendenzeConnection, {
    description: "The tracciati of the caller's domini, newest first unless orderBy says otherwise.",
  })
  async tracciatiPendenze(
    @Arg('filter', () => TracciatoPendenzeFilter, { nullable: true }) filter: TracciatoPendenzeFilter | null,
    @Arg('orderBy', () => [TracciatoPendenzeOrder], { nullable: true }) orderBy: TracciatoPendenzeOrder[] | null,
    @Args() page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(
      await tracciati(ctx).list(filter ?? {}, orderedPage(page, orderBy, TRACCIATI_ORDER, 'DATA_ORA_CARICAMENTO', 'DESC')),
    );
  }

  @Mutation(() => CaricaTracciatoPendenzePayload, {
    description:
      "Uploads a tracciato (GovPay's tracciatoPendenzePost); it is processed in the background, follow it with tracciatoPendenze.",
  })
  async caricaTracciatoPendenze(
    @Arg('input', () => CaricaTracciatoPendenzeInput) input: CaricaTracciatoPendenzeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<{ tracciato: TracciatoView }> {
    const { tracciato, stampaAvvisi, ...opts } = input;
    return { tracciato: await tracciati(ctx).upload(tracciato, { ...opts, stampaAvvisi: stampaAvvisi ?? true }) };
  }

  @FieldResolver(() => DominioRef)
  dominio(@Root() t: TracciatoView): DominioRef {
    return { idDominio: t.idDominio };
  }

  @FieldResolver(() => OperazioneTracciatoConnection, {
    description: 'The rows processed so far, in order (numero) unless orderBy says otherwise.',
  })
  async operazioni(
    @Root() t: TracciatoView,
    @Arg('filter', () => OperazioneTracciatoFilter, { nullable: true }) filter: OperazioneTracciatoFilter | null,
    @Arg('orderBy', () => [OperazioneTracciatoOrder], { nullable: true }) orderBy: OperazioneTracciatoOrder[] | null,
    @Args() page: ListPageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return toConnection(await tracciati(ctx).operazioni(t.id, filter ?? {}, orderedPage(page, orderBy, OPERAZIONI_ORDER, 'NUMERO')));
  }

  @FieldResolver(() => EsitoTracciato)
  esito(@Root() t: TracciatoView, @Ctx() ctx: SubgraphContext) {
    return tracciati(ctx).esito(t.id);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: "The tracciato as uploaded (GovPay's tracciatoPendenzePost)." })
  richiesta(@Root() t: TracciatoView, @Ctx() ctx: SubgraphContext) {
    return tracciati(ctx).richiesta(t.id);
  }
}
