import { getAllegato, getProfilo } from '../pendenze';
import { list, type Operation } from '../shared/table';
import { flussoOperations, listaFlussi } from './flussi';
import { RISCOSSIONE_FIELDS, type GraphRiscossione } from './graph';
import { flussoIndex, rendicontazione, riconciliazione, riconciliazioneIndex, riscossioneDettaglio, riscossioneIndex } from './json';
import { leggiRiconciliazione, leggiRiscossione, listaRiconciliazioni, registraRiconciliazione } from './operazioni';
import { ORDINAMENTO_RISCOSSIONI, riscossioniFilter, riscossioniQuery } from './parametri';

/** API Ragioneria v2 (api-ragioneria-v2.yaml), every operation of the spec, as a table over the riconciliazione graph. */

export const RAGIONERIA_V2: Operation[] = [
  listaFlussi(flussoIndex),
  ...flussoOperations((f, righe) => ({ ...flussoIndex(f), rendicontazioni: righe.map(rendicontazione) })),
  listaRiconciliazioni('/riconciliazioni', riconciliazioneIndex),
  registraRiconciliazione('/riconciliazioni/:idDominio', 'v2', riconciliazione),
  leggiRiconciliazione('/riconciliazioni/:idDominio/:idIncasso', riconciliazione),
  list({
    path: '/riscossioni',
    query: riscossioniQuery,
    field: 'riscossioni',
    filterType: 'RiscossioneFilter',
    orderType: 'RiscossioneOrder',
    selection: RISCOSSIONE_FIELDS,
    ordinamento: ORDINAMENTO_RISCOSSIONI,
    filter: riscossioniFilter,
    map: (r: GraphRiscossione) => riscossioneIndex(r),
  }),
  leggiRiscossione(riscossioneDettaglio),
  { kind: 'handler', method: 'get', path: '/profilo', handler: getProfilo },
  { kind: 'handler', method: 'get', path: '/allegati/:id', handler: getAllegato },
];
