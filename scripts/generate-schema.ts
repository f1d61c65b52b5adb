import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { projectRoot } from '../core/project-root';
import { clientArtefacts } from '../gateway/schema-reference/artefacts';
import { apiSchemaPath, composeSubgraphs, referencePath, supergraphPath, subgraphSdlPath } from '../schema/supergraph';
import { SUBGRAPHS } from '../subgraphs/registry';

/** Regenerates schema/graphql: each subgraph's SDL, the supergraph composed from them, and what clients are given of it (api.graphql, reference.html). */
async function main(): Promise<void> {
  const root = projectRoot();
  const sdls: Record<string, string> = {};
  for (const [name, build] of Object.entries(SUBGRAPHS)) {
    sdls[name] = (await build()).sdl;
    writeFileSync(subgraphSdlPath(root, name), sdls[name]);
    console.log(`wrote ${subgraphSdlPath('.', name)}`);
  }
  const supergraph = composeSubgraphs(sdls);
  writeFileSync(supergraphPath(root), supergraph);
  console.log(`wrote ${supergraphPath('.')}`);
  const client = clientArtefacts(supergraph);
  writeFileSync(apiSchemaPath(root), client.sdl);
  console.log(`wrote ${apiSchemaPath('.')}`);
  writeFileSync(referencePath(root), client.html);
  console.log(`wrote ${referencePath('.')}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
