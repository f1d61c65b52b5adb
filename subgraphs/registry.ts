import type { BuiltSubgraph } from './runtime/build-subgraph';
import { ANAGRAFICA, buildAnagraficaSubgraph } from './anagrafica';
import { buildPagamentiSubgraph, PAGAMENTI } from './pagamenti';
import { buildPendenzeSubgraph, PENDENZE } from './pendenze';

/** Every subgraph of the hub, by the name the supergraph knows it by. */
export const SUBGRAPHS: Record<string, () => Promise<BuiltSubgraph>> = {
  [ANAGRAFICA]: buildAnagraficaSubgraph,
  [PENDENZE]: buildPendenzeSubgraph,
  [PAGAMENTI]: buildPagamentiSubgraph,
};
