import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CATEGORIE_EVENTO, COMPONENTI, ESITI_EVENTO, RUOLI_EVENTO } from '../../../core/journal';
import { enumOf } from '../../runtime/closed-set';
import { Connection } from '../../runtime/connection';
import { Node, NODE_ID_DESCRIPTION } from '../../runtime/node';
import { Order, type OrderKey } from '../../runtime/ordering';
import { PatchOperation } from '../../runtime/patch-operation';
import { EVENTI_ORDER } from '../domain/eventi';

/*
 * The Giornale degli Eventi and the runtime settings in the graph's conventions (DESIGN.md §4b).
 * Values are GovPay's (API Backoffice v1's evento and configurazione).
 */

export const EsitoEvento = enumOf(ESITI_EVENTO, 'EsitoEvento', 'OK, KO (refused: a 4xx, a pagoPA fault) or FAIL (a 5xx, no answer).');
export type EsitoEvento = (typeof ESITI_EVENTO)[number];

export const CategoriaEvento = enumOf(
  CATEGORIE_EVENTO,
  'CategoriaEvento',
  "GovPay's categories of event; the hub records its exchanges, all INTERFACCIA.",
);
export type CategoriaEvento = (typeof CATEGORIE_EVENTO)[number];

export const RuoloEvento = enumOf(RUOLI_EVENTO, 'RuoloEvento', 'SERVER (the hub was called) or CLIENT (it called).');
export type RuoloEvento = (typeof RUOLI_EVENTO)[number];

export const ComponenteEvento = enumOf(
  COMPONENTI,
  'ComponenteEvento',
  "The part of the hub whose exchange it is (GovPay's componenteEvento).",
  {
    API_BACKOFFICE: "GovPay's API Backoffice.",
    API_PENDENZE: "GovPay's API Pendenze.",
    API_PAGAMENTO: "GovPay's API Pagamento (the citizens' portals).",
    API_RAGIONERIA: "GovPay's API Ragioneria.",
    API_PAGOPA: "pagoPA: the station's services the Nodo calls, and the hub's calls to pagoPA (the Nodo, Checkout, the reporting flows).",
    API_ENTE: "API Ente: the hub's calls to the Ente's systems.",
  },
);
export type ComponenteEvento = (typeof COMPONENTI)[number];

@Directive('@key(fields: "id")')
@ObjectType({ description: "One exchange of the hub recorded in GovPay's Giornale degli Eventi.", implements: Node })
export class Evento {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION }) id!: string;
  @Field(() => Int, { description: "The event's number (the Backoffice's id)." }) numero!: number;
  @Field(() => ComponenteEvento) componente!: ComponenteEvento;
  @Field(() => CategoriaEvento) categoriaEvento!: CategoriaEvento;
  @Field(() => RuoloEvento) ruolo!: RuoloEvento;
  @Field(() => String, { description: "The operation (GovPay's operation id)." }) tipoEvento!: string;
  @Field(() => String, { nullable: true }) sottotipoEvento?: string | null;
  @Field(() => EsitoEvento) esito!: EsitoEvento;
  @Field(() => String, { nullable: true, description: 'The HTTP status or the fault code.' }) sottotipoEsito?: string | null;
  @Field(() => String, { nullable: true }) dettaglioEsito?: string | null;
  @Field(() => Date, { description: 'When the exchange started.' }) data!: Date;
  @Field(() => Int, { description: 'How long it took, in ms.' }) durataEvento!: number;
  @Field(() => String, { nullable: true }) idDominio?: string | null;
  @Field(() => String, { nullable: true }) iuv?: string | null;
  @Field(() => String, { nullable: true }) ccp?: string | null;
  @Field(() => String, { nullable: true }) idA2A?: string | null;
  @Field(() => String, { nullable: true }) idPendenza?: string | null;
  @Field(() => String, { nullable: true, description: 'The payment session (the Backoffice idPagamento).' }) idSessione?: string | null;
  @Field(() => String, { nullable: true, description: 'Who called the hub.' }) principal?: string | null;
  @Field(() => Int, { nullable: true }) severita?: number | null;
  @Field(() => String, { nullable: true, description: 'The instance that recorded it.' }) clusterId?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The request, when kept (payload base64).' }) parametriRichiesta?: Record<
    string,
    unknown
  > | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The response, when kept (payload base64).' }) parametriRisposta?: Record<
    string,
    unknown
  > | null;
}

export const EventoConnection = Connection(Evento);

@InputType({ description: 'Which events to list (all given conditions hold).' })
export class EventoFilter {
  @Field(() => String, { nullable: true }) idDominio?: string;
  @Field(() => String, { nullable: true }) iuv?: string;
  @Field(() => String, { nullable: true }) ccp?: string;
  @Field(() => String, { nullable: true }) idA2A?: string;
  @Field(() => String, { nullable: true }) idPendenza?: string;
  @Field(() => String, { nullable: true }) idSessione?: string;
  @Field(() => EsitoEvento, { nullable: true }) esito?: EsitoEvento;
  @Field(() => CategoriaEvento, { nullable: true }) categoriaEvento?: CategoriaEvento;
  @Field(() => String, { nullable: true }) tipoEvento?: string;
  @Field(() => String, { nullable: true }) sottotipoEvento?: string;
  @Field(() => ComponenteEvento, { nullable: true }) componente?: ComponenteEvento;
  @Field(() => RuoloEvento, { nullable: true }) ruolo?: RuoloEvento;
  @Field(() => Date, { nullable: true, description: 'From this instant.' }) dataDa?: Date;
  @Field(() => Date, { nullable: true, description: 'Until this instant.' }) dataA?: Date;
  @Field(() => Int, { nullable: true }) severitaDa?: number;
  @Field(() => Int, { nullable: true }) severitaA?: number;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Not a condition: load the requests and responses kept (parametriRichiesta/Risposta), null otherwise.',
  })
  messaggi?: boolean;
}

export const EventoOrder = Order('Evento', EVENTI_ORDER, 'events');
export type EventoOrder = OrderKey<keyof typeof EVENTI_ORDER>;

@ObjectType({ description: "The hub's runtime settings (GovPay's Configurazione); secrets are never returned." })
export class ConfigurazioneHub {
  @Field(() => GraphQLJSONObject, { description: 'Per interface, for reads and changes: log and dump, sempre / solo errore / mai.' })
  giornaleEventi!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true }) servizioGDE?: Record<string, unknown>;
  @Field(() => GraphQLJSONObject) tracciatoCsv!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject) hardening!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject) mailBatch!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject) avvisaturaMail!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject) avvisaturaAppIO!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject) appIOBatch!: Record<string, unknown>;
}

@InputType({ description: 'The whole configuration to store.' })
export class SalvaConfigurazioneInput {
  @Field(() => GraphQLJSONObject, { description: "GovPay's Configurazione, every required section." }) configurazione!: Record<
    string,
    unknown
  >;
}

@InputType({ description: 'One change of a configuration (GovPay patchOp).' })
export class OperazioneConfigurazione {
  @Field(() => PatchOperation) op!: PatchOperation;
  @Field(() => String, { description: 'Where, from the section: /giornaleEventi/interfacce/apiPagoPA.' }) path!: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The value, wrapped: {"value": …}.' }) value?: { value?: unknown };
}

@InputType({ description: 'Changes to apply together.' })
export class ModificaConfigurazioneInput {
  @Field(() => [OperazioneConfigurazione]) operazioni!: OperazioneConfigurazione[];
}

@ObjectType({ description: 'The configuration after the change.' })
export class ConfigurazionePayload {
  @Field(() => ConfigurazioneHub) configurazione!: ConfigurazioneHub;
}
