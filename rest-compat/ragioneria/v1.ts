import { z } from 'zod';
import { aclInParole } from '../pendenze';
import { dateTimeParam, found, textParam, type Operation, list, custom } from '../shared/table';
import { flussiFilter, flussoOperations, ORDINAMENTO_FLUSSI } from './flussi';
import {
  FLUSSO_FIELDS,
  RICONCILIAZIONE_FIELDS,
  RISCOSSIONE_FIELDS,
  type GraphFlusso,
  type GraphRiconciliazione,
  type GraphRiconciliazioneDettaglio,
  type GraphRiscossione,
} from './graph';
import { incassoIndexV1, incassoV1, riscossioneIndexV1, riscossioneV1 } from './incassi-json';
import { flussoIndex, rendicontazione, STATI_FLUSSO } from './json';
import { riconcilia, riconciliaInput } from './riconcilia';
import {
  chiaveRiscossione,
  idDominioDelPercorso,
  ORDINAMENTO_RICONCILIAZIONI,
  ORDINAMENTO_RISCOSSIONI,
  riconciliazioneQuery,
  riscossioniFilter,
  TIPI_DEFAULT,
} from './v2';

/** API Ragioneria v1 (api-ragioneria-v1.yaml): incassi, riscossioni, flows and profilo in v1's shapes. */

const date = { dataDa: dateTimeParam().optional(), dataA: dateTimeParam(true).optional() };

/** v1 knows only the Ente's own riscossioni (ENTRATA, MBT), one type at a time. */
const riscossioniV1Query = {
  ...date,
  idDominio: textParam.optional(),
  idA2A: textParam.optional(),
  idPendenza: textParam.optional(),
  stato: z.enum(['RISCOSSA', 'INCASSATA']).optional(),
  tipo: z.enum(['ENTRATA', 'MBT']).optional(),
};

export const RAGIONERIA_V1: Operation[] = [
  list({
    path: '/riscossioni',
    query: riscossioniV1Query,
    field: 'riscossioni',
    filterType: 'RiscossioneFilter',
    orderType: 'RiscossioneOrder',
    selection: RISCOSSIONE_FIELDS,
    ordinamento: ORDINAMENTO_RISCOSSIONI,
    filter: (q) => riscossioniFilter({ ...q, tipo: q.tipo ? [q.tipo] : undefined }),
    map: (r: GraphRiscossione) => riscossioneIndexV1(r),
  }),
  custom({
    method: 'get',
    path: '/riscossioni/:idDominio/:iuv/:iur/:indice',
    async run({ params, principal, graph }) {
      const data = await graph.run<{ r: GraphRiscossione | null }>(
        `query ($idDominio: ID!, $iuv: String!, $iur: String!, $indice: Int!) {
          r: riscossione(idDominio: $idDominio, iuv: $iuv, iur: $iur, indice: $indice) { ${RISCOSSIONE_FIELDS} } }`,
        chiaveRiscossione(params),
        principal,
      );
      return { status: 200, body: riscossioneV1(found(data.r, `Riscossione ${params.iuv}/${params.iur}/${params.indice}`)) };
    },
  }),
  list({
    path: '/flussiRendicontazione',
    query: { ...date, idDominio: textParam.optional(), stato: z.enum(STATI_FLUSSO as [string, ...string[]]).optional() },
    field: 'flussiRendicontazione',
    filterType: 'FlussoRendicontazioneFilter',
    orderType: 'FlussoRendicontazioneOrder',
    selection: FLUSSO_FIELDS,
    ordinamento: ORDINAMENTO_FLUSSI,
    filter: (q) => flussiFilter(q, false),
    map: (f: GraphFlusso) => flussoIndex(f),
  }),
  // v1 has no dominio in the flow's path: `{idFlusso}` and `{idFlusso}/{dataOraFlusso}` only.
  ...flussoOperations(
    (f, righe) => ({ ...flussoIndex(f), rendicontazioni: righe.map(rendicontazione) }),
    ['/flussiRendicontazione/:idFlusso', '/flussiRendicontazione/:idFlusso/:dataOraFlusso'],
  ),
  list({
    path: '/incassi',
    query: { ...date, idDominio: textParam.optional() },
    field: 'riconciliazioni',
    filterType: 'RiconciliazioneFilter',
    orderType: 'RiconciliazioneOrder',
    selection: RICONCILIAZIONE_FIELDS,
    ordinamento: ORDINAMENTO_RICONCILIAZIONI,
    filter: (q) => ({ idDominio: q.idDominio ? [q.idDominio] : undefined, dataDa: q.dataDa, dataA: q.dataA }),
    map: (r: GraphRiconciliazione) => incassoIndexV1(r),
  }),
  custom({
    method: 'post',
    path: '/incassi/:idDominio',
    async run({ req, params, principal, graph }) {
      const input = riconciliaInput(req, idDominioDelPercorso(params.idDominio), 'incasso', false);
      const { creata, riconciliazione } = await riconcilia(graph, principal, input, TIPI_DEFAULT);
      return { status: creata ? 201 : 200, body: incassoV1(riconciliazione) };
    },
  }),
  custom({
    method: 'get',
    path: '/incassi/:idDominio/:idIncasso',
    async run({ params, principal, graph }) {
      const data = await graph.run<{ r: GraphRiconciliazioneDettaglio | null }>(
        riconciliazioneQuery(RISCOSSIONE_FIELDS),
        { idDominio: params.idDominio, id: params.idIncasso, tipi: TIPI_DEFAULT },
        principal,
      );
      return { status: 200, body: incassoV1(found(data.r, `Incasso ${params.idIncasso}`)) };
    },
  }),
  custom({
    method: 'get',
    path: '/profilo',
    async run({ principal, graph }) {
      const data = await graph.run<{
        profilo: {
          nome: string;
          domini: Array<{ idDominio: string; ragioneSociale: string }>;
          acl: Array<{ servizio: string; autorizzazioni: string[] }>;
        };
      }>('{ profilo { nome domini { idDominio ragioneSociale } acl { servizio autorizzazioni } } }', {}, principal);
      const { nome, domini, acl } = data.profilo;
      // The domini as the caller's profile names them: their whole index needs the Anagrafica right an applicazione rarely has.
      // v1's profilo lists entrate, a notion the hub keeps per dominio: none at the caller's level.
      return { status: 200, body: { nome, domini, entrate: [], acl: aclInParole(acl) } };
    },
  }),
];
