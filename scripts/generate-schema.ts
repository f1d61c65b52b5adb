import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { projectRoot } from '../core/project-root';
import { composeSubgraphs, supergraphPath, subgraphSdlPath } from '../schema/supergraph';
import { SUBGRAPHS } from '../subgraphs/registry';

/** Regenerates schema/graphql: each subgraph's SDL and the supergraph composed from them. */
async function main(): Promise<void> {
  const root = projectRoot();
  const sdls: Record<string, string> = {};
  for (const [name, build] of Object.entries(SUBGRAPHS)) {
    sdls[name] = (await build()).sdl;
    writeFileSync(subgraphSdlPath(root, name), sdls[name]);
    console.log(`wrote ${subgraphSdlPath('.', name)}`);
  }
  writeFileSync(supergraphPath(root), composeSubgraphs(sdls));
  console.log(`wrote ${supergraphPath('.')}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
