import { Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { errors } from '../../../core/errors';
import { requireRight } from '../../../core/principal';
import type { SubgraphContext } from '../../runtime/context';

/** What a run of the acquisition reports (pagopa/rendicontazione answers it). */
export interface EsitoAcquisizioneFlussi {
  eseguita: boolean;
  elencati: number;
  acquisiti: number;
  duplicati: number;
  rifiutati: number;
  falliti: number;
}

/** What the process hosting the subgraph hands it: the acquisition of reporting flows, when a source is configured. */
export interface RiconciliazioneHost {
  acquisisciFlussi?: () => Promise<EsitoAcquisizioneFlussi>;
}

@ObjectType({ description: 'The counts of an acquisition run of reporting flows.' })
export class AcquisizioneRendicontazioniPayload {
  @Field(() => Int, { description: 'Flows the source listed.' }) elencati!: number;
  @Field(() => Int, { description: 'Flows (or revisions) newly stored.' }) acquisiti!: number;
  @Field(() => Int, { description: 'Flows the hub already held: skipped.' }) duplicati!: number;
  @Field(() => Int, {
    description: 'Flows that break their schema: stored RIFIUTATO with their reasons (an anomaly), not fetched again.',
  })
  rifiutati!: number;
  @Field(() => Int, { description: 'Flows not stored this run because the source failed: retried next run.' })
  falliti!: number;
  @Field(() => Boolean, { description: 'False, with zeros, when another instance held the acquisition lease and this one did nothing.' })
  eseguita!: boolean;
}

@Resolver()
export class AcquisizioneResolver {
  /** The host hands in the acquisition; schema tools build the resolver without. */
  constructor(private readonly host?: RiconciliazioneHost) {}

  @Mutation(() => AcquisizioneRendicontazioniPayload, {
    description:
      'Runs an acquisition of reporting flows now, from the configured source (Backoffice GET /operazioni/acquisizioneRendicontazioni). Needs the Rendicontazioni e Incassi write right.',
  })
  async acquisisciFlussiRendicontazione(@Ctx() ctx: SubgraphContext): Promise<EsitoAcquisizioneFlussi> {
    requireRight(ctx.principal, 'Rendicontazioni e Incassi', 'W');
    if (!this.host?.acquisisciFlussi)
      throw errors.internal('Acquisizione dei flussi di rendicontazione non configurata (RENDICONTAZIONI_SOURCE=off).');
    return this.host.acquisisciFlussi();
  }
}
