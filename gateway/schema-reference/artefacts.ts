import { printSchema } from 'graphql';
import { apiSchema } from '../subscriptions/schema';
import { renderReference } from './render';

/** What clients are given of the graph, generated from the supergraph: its SDL (schema/graphql/api.graphql) and its HTML reference. */
export interface ClientArtefacts {
  sdl: string;
  html: string;
}

/** From the supergraph's API schema: its types already in composition's stable order, fields as the subgraphs declare them. */
export function clientArtefacts(supergraphSdl: string): ClientArtefacts {
  const schema = apiSchema(supergraphSdl);
  return { sdl: `${printSchema(schema)}\n`, html: renderReference(schema) };
}
