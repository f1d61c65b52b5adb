import { composeServices } from '@apollo/composition';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';

/** The subgraphs' URLs inside the supergraph are placeholders: the gateway routes by name. */
export const subgraphUrl = (name: string) => `http://${name}.subgraph.internal/graphql`;

export const subgraphSdlPath = (root: string, name: string) => join(root, 'schema', 'graphql', `${name}.graphql`);
export const supergraphPath = (root: string) => join(root, 'schema', 'graphql', 'supergraph.graphql');
/** What clients see of the graph (generated from the supergraph): its SDL, for clients' code generators, and its HTML reference. */
export const apiSchemaPath = (root: string) => join(root, 'schema', 'graphql', 'api.graphql');
export const referencePath = (root: string) => join(root, 'schema', 'graphql', 'reference.html');

/** Composes subgraph SDLs into a supergraph, or throws with every composition error. */
export function composeSubgraphs(sdls: Record<string, string>): string {
  const result = composeServices(Object.entries(sdls).map(([name, sdl]) => ({ name, url: subgraphUrl(name), typeDefs: parse(sdl) })));
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`Supergraph composition failed:\n${(result.errors ?? []).map((e) => `  ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** The committed supergraph artefact the gateway serves. */
export function readSupergraph(root: string): string {
  return readFileSync(supergraphPath(root), 'utf8');
}
