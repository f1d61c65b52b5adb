import { composeServices } from '@apollo/composition';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'graphql';

/** The subgraphs' URLs inside the supergraph are placeholders: the gateway routes by name. */
export const subgraphUrl = (name: string) => `http://${name}.subgraph.internal/graphql`;

export const subgraphSdlPath = (root: string, name: string) => join(root, 'schema', 'graphql', `${name}.graphql`);
export const supergraphPath = (root: string) => join(root, 'schema', 'graphql', 'supergraph.graphql');

/** Composes subgraph SDLs into a supergraph, or throws with every composition error. */
export function composeSubgraphs(sdls: Record<string, string>): string {
  const result = composeServices(
    Object.entries(sdls).map(([name, sdl]) => ({ name, url: subgraphUrl(name), typeDefs: parse(sdl) })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`Supergraph composition failed:\n${(result.errors ?? []).map((e) => `  ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** The committed supergraph artefact the gateway serves. */
export function readSupergraph(root: string): string {
  return readFileSync(supergraphPath(root), 'utf8');
}

/** The project's root (where package.json is), from compiled code in dist/ or from the sources alike. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
