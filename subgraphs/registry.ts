import type { BuiltSubgraph } from './runtime/build-subgraph';
import { ANAGRAFICA, buildAnagraficaSubgraph } from './anagrafica';
import { buildGiornaleSubgraph, GIORNALE, type GiornaleHost } from './giornale';
import { buildPagamentiSubgraph, PAGAMENTI, type PagamentiHost } from './pagamenti';
import { buildPendenzeSubgraph, PENDENZE } from './pendenze';
import { buildRiconciliazioneSubgraph, RICONCILIAZIONE, type RiconciliazioneHost } from './riconciliazione';

/** What the process hosting the subgraphs hands them (absent when only their schema is wanted). */
export interface SubgraphHost {
  pagamenti?: PagamentiHost;
  riconciliazione?: RiconciliazioneHost;
  giornale?: GiornaleHost;
}

/** Every subgraph of the hub, by the name the supergraph knows it by. */
export const SUBGRAPHS: Record<string, (host?: SubgraphHost) => Promise<BuiltSubgraph>> = {
  [ANAGRAFICA]: buildAnagraficaSubgraph,
  [PENDENZE]: buildPendenzeSubgraph,
  [PAGAMENTI]: (host) => buildPagamentiSubgraph(host?.pagamenti),
  [RICONCILIAZIONE]: (host) => buildRiconciliazioneSubgraph(host?.riconciliazione),
  [GIORNALE]: (host) => buildGiornaleSubgraph(host?.giornale),
};
