import type { BuiltSubgraph } from './runtime/build-subgraph';
import { ANAGRAFICA, buildAnagraficaSubgraph } from './anagrafica';
import { buildEsitiSubgraph, ESITI, type EsitiHost } from './esiti';
import { buildGiornaleSubgraph, GIORNALE, type GiornaleHost } from './giornale';
import { buildPagamentiSubgraph, PAGAMENTI, type PagamentiHost } from './pagamenti';
import { buildPendenzeSubgraph, PENDENZE } from './pendenze';
import { buildRiconciliazioneSubgraph, RICONCILIAZIONE, type RiconciliazioneHost } from './riconciliazione';

/** What the process hosting the subgraphs hands them (absent when only their schema is wanted). */
export interface SubgraphHost {
  pagamenti?: PagamentiHost;
  riconciliazione?: RiconciliazioneHost;
  giornale?: GiornaleHost;
  /** Only where esiti serves its subscriptions itself: the hub's own are served by the gateway. */
  esiti?: EsitiHost;
}

/** Every subgraph of the hub, by the name the supergraph knows it by. */
export const SUBGRAPHS: Record<string, (host?: SubgraphHost) => Promise<BuiltSubgraph>> = {
  [ANAGRAFICA]: buildAnagraficaSubgraph,
  [PENDENZE]: buildPendenzeSubgraph,
  [PAGAMENTI]: (host) => buildPagamentiSubgraph(host?.pagamenti),
  [RICONCILIAZIONE]: (host) => buildRiconciliazioneSubgraph(host?.riconciliazione),
  [GIORNALE]: (host) => buildGiornaleSubgraph(host?.giornale),
  [ESITI]: (host) => buildEsitiSubgraph(host?.esiti),
};
