import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Pendenza } from './types';

/* The inputs and payloads of the pendenza mutations named for what they do (DESIGN.md §4b). */

@InputType({ description: 'A pendenza to load, or to load again under the same keys.' })
export class CaricaPendenzaInput {
  @Field(() => ID) idA2A!: string;
  @Field(() => ID) idPendenza!: string;
  @Field(() => GraphQLJSONObject, { description: "API Pendenze v2's NuovaPendenza, importo as a JSON number." })
  pendenza!: Record<string, unknown>;
}

@ObjectType({ description: 'What caricaPendenza did.' })
export class CaricaPendenzaPayload {
  @Field(() => Boolean, { description: 'True when the pendenza did not exist before (REST 201).' }) created!: boolean;
  @Field(() => Pendenza) pendenza!: Pendenza;
}

@InputType({ description: "GovPay's JSON-patch of a pendenza." })
export class ModificaPendenzaInput {
  @Field(() => ID) idA2A!: string;
  @Field(() => ID) idPendenza!: string;
  @Field(() => [GraphQLJSONObject], {
    description: '[{op, path, value}] on /stato (ANNULLATA, NON_ESEGUITA), /descrizioneStato, /ack or /nota, applied in order.',
  })
  operazioni!: Record<string, unknown>[];
}

@ObjectType({ description: 'The pendenza as modificaPendenza left it.' })
export class ModificaPendenzaPayload {
  @Field(() => Pendenza) pendenza!: Pendenza;
}

@InputType({ description: 'The pendenza to cancel, and why.' })
export class AnnullaPendenzaInput {
  @Field(() => ID) idA2A!: string;
  @Field(() => ID) idPendenza!: string;
  @Field(() => String, { nullable: true, description: 'Why it is cancelled (its descrizioneStato).' }) descrizioneStato?: string;
}

@ObjectType({ description: 'The cancelled pendenza.' })
export class AnnullaPendenzaPayload {
  @Field(() => Pendenza) pendenza!: Pendenza;
}
