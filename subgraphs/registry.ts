import type { BuiltSubgraph } from './runtime/build-subgraph';
import { ANAGRAFICA, ANAGRAFICA_NODES, buildAnagraficaSubgraph } from './anagrafica';
import { buildEsitiSubgraph, ESITI, type EsitiHost } from './esiti';
import { buildGiornaleSubgraph, GIORNALE, GIORNALE_NODES, type GiornaleHost } from './giornale';
import { buildPagamentiSubgraph, PAGAMENTI, PAGAMENTI_NODES, type PagamentiHost } from './pagamenti';
import { buildNodeSubgraph, NODE } from './node';
import { buildPendenzeSubgraph, PENDENZE, PENDENZE_NODES } from './pendenze';
import { buildRiconciliazioneSubgraph, RICONCILIAZIONE, RICONCILIAZIONE_NODES, type RiconciliazioneHost } from './riconciliazione';

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
  // Every subgraph's Node types: node(id:) reads an object through its type's own query before answering for it.
  [NODE]: () =>
    buildNodeSubgraph({ ...ANAGRAFICA_NODES, ...PENDENZE_NODES, ...PAGAMENTI_NODES, ...RICONCILIAZIONE_NODES, ...GIORNALE_NODES }),
};
