import { getAllegato, getProfilo } from '../pendenze';
import { list, type Operation } from '../shared/table';
import { flussiFilter, flussiQuery, flussoOperations, ORDINAMENTO_FLUSSI } from './flussi';
import {
  FLUSSO_FIELDS,
  RICONCILIAZIONE_FIELDS,
  RISCOSSIONE_FIELDS,
  type GraphFlusso,
  type GraphRiconciliazione,
  type GraphRiscossione,
} from './graph';
import { flussoIndex, rendicontazione, riconciliazione, riconciliazioneIndex, riscossioneDettaglio, riscossioneIndex } from './json';
import { leggiRiconciliazione, leggiRiscossione, registraRiconciliazione } from './operazioni';
import {
  ORDINAMENTO_RICONCILIAZIONI,
  ORDINAMENTO_RISCOSSIONI,
  riconciliazioniQuery,
  riscossioniFilter,
  riscossioniQuery,
} from './parametri';

/** API Ragioneria v2 (api-ragioneria-v2.yaml), every operation of the spec, as a table over the riconciliazione graph. */

export const RAGIONERIA_V2: Operation[] = [
  list({
    path: '/flussiRendicontazione',
    query: flussiQuery,
    field: 'flussiRendicontazione',
    filterType: 'FlussoRendicontazioneFilter',
    orderType: 'FlussoRendicontazioneOrder',
    selection: FLUSSO_FIELDS,
    ordinamento: ORDINAMENTO_FLUSSI,
    filter: (q) => flussiFilter(q, false),
    map: (f: GraphFlusso) => flussoIndex(f),
  }),
  ...flussoOperations((f, righe) => ({ ...flussoIndex(f), rendicontazioni: righe.map(rendicontazione) })),
  list({
    path: '/riconciliazioni',
    query: riconciliazioniQuery,
    field: 'riconciliazioni',
    filterType: 'RiconciliazioneFilter',
    orderType: 'RiconciliazioneOrder',
    selection: RICONCILIAZIONE_FIELDS,
    ordinamento: ORDINAMENTO_RICONCILIAZIONI,
    filter: (q) => ({ idDominio: q.idDominio ? [q.idDominio] : undefined, dataDa: q.dataDa, dataA: q.dataA }),
    map: (r: GraphRiconciliazione) => riconciliazioneIndex(r),
  }),
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
