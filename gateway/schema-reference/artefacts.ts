import { printSchema } from 'graphql';
import { clientSchema } from '../subscriptions/schema';
import { TOPICS } from '../subscriptions/topics';
import { renderReference } from './render';

/** What clients are given of the graph, generated from the supergraph: its SDL (schema/graphql/api.graphql) and its HTML reference. */
export interface ClientArtefacts {
  sdl: string;
  html: string;
}

/**
 * From the client schema: the supergraph's API schema (its types already in composition's stable
 * order, fields as the subgraphs declare them) and the subscriptions the hub serves.
 */
export function clientArtefacts(supergraphSdl: string): ClientArtefacts {
  const { schema } = clientSchema(supergraphSdl, TOPICS);
  return { sdl: `${printSchema(schema)}\n`, html: renderReference(schema) };
}
