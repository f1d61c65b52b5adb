import { z } from 'zod';
import { errors } from '../../core/errors';
import { parseInput } from '../../core/validation';
import { getAllegato, getProfilo } from '../pendenze';
import { dateTimeParam, found, lenientBoolean, listParam, textParam, type Operation, list, custom } from '../shared/table';
import { flussiFilter, flussiQuery, flussoOperations, ORDINAMENTO_FLUSSI } from './flussi';
import {
  FLUSSO_FIELDS,
  RICONCILIAZIONE_FIELDS,
  RISCOSSIONE_FIELDS,
  type GraphFlusso,
  type GraphRiconciliazione,
  type GraphRiconciliazioneDettaglio,
  type GraphRiscossione,
} from './graph';
import { flussoIndex, rendicontazione, riconciliazione, riconciliazioneIndex, riscossioneDettaglio, riscossioneIndex } from './json';
import { riconcilia, riconciliaInput } from './riconcilia';

/** API Ragioneria v2 (api-ragioneria-v2.yaml), every operation of the spec, as a table over the riconciliazione graph. */

export const TIPI_RISCOSSIONE = ['ENTRATA', 'MBT', 'ALTRO_INTERMEDIARIO', 'ENTRATA_PA_NON_INTERMEDIATA'] as const;
/** GovPay's default riscossione types in a riconciliazione and in lists: the Ente's own entrate and bolli. */
export const TIPI_DEFAULT = ['ENTRATA', 'MBT'];
export const tipiParam = listParam(z.enum(TIPI_RISCOSSIONE)).optional();

const DOMINIO = /^\d{11}$/;
/** A dominio in the path where GovPay validates it (ValidatoreIdentificativi): 11 digits. */
export function idDominioDelPercorso(value: string): string {
  if (!DOMINIO.test(value)) throw errors.syntax(`Il campo idDominio non rispetta il pattern richiesto: ${DOMINIO.source}.`);
  return value;
}

/** The key of a riscossione in the path; indice is GovPay's voce number. */
export function chiaveRiscossione(p: Record<string, string>) {
  return {
    idDominio: p.idDominio,
    iuv: p.iuv,
    iur: p.iur,
    indice: parseInput(
      z.coerce
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 1),
      p.indice,
      'indice',
    ),
  };
}

export const riscossioniQuery = {
  idDominio: textParam.optional(),
  dataDa: dateTimeParam().optional(),
  dataA: dateTimeParam(true).optional(),
  tipo: tipiParam,
  iur: textParam.optional(),
  iuv: textParam.optional(),
  idA2A: textParam.optional(),
  idPendenza: textParam.optional(),
  stato: z.enum(['RISCOSSA', 'INCASSATA']).optional(),
};
type RiscossioniQuery = z.output<z.ZodObject<typeof riscossioniQuery>>;

export const riscossioniFilter = (q: RiscossioniQuery) => ({
  idDominio: q.idDominio ? [q.idDominio] : undefined,
  dataDa: q.dataDa,
  dataA: q.dataA,
  tipo: q.tipo?.length ? q.tipo : TIPI_DEFAULT,
  iur: q.iur,
  iuv: q.iuv,
  idA2A: q.idA2A,
  idPendenza: q.idPendenza,
  stato: q.stato ? [q.stato] : undefined,
});

export const ORDINAMENTO_RISCOSSIONI = { data: 'DATA', iuv: 'IUV', importo: 'IMPORTO' };
export const ORDINAMENTO_RICONCILIAZIONI = { data: 'DATA_RICHIESTA', dataRichiesta: 'DATA_RICHIESTA', importo: 'IMPORTO' };

export const riconciliazioniQuery = {
  idDominio: textParam.optional(),
  dataDa: dateTimeParam().optional(),
  dataA: dateTimeParam(true).optional(),
};

/** The riconciliazione detail query, with the selections of one API. */
export const riconciliazioneQuery = (
  riscossione: string,
  fields = RICONCILIAZIONE_FIELDS,
) => `query ($idDominio: ID!, $id: ID!, $tipi: [TipoRiscossione!]) {
  r: riconciliazione(idDominio: $idDominio, idRiconciliazione: $id) { ${fields} riscossioni(tipo: $tipi) { ${riscossione} } } }`;

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
  custom({
    method: 'post',
    path: '/riconciliazioni/:idDominio',
    query: { idFlussoCaseInsensitive: lenientBoolean.optional(), 'riscossioni.tipo': tipiParam },
    async run({ req, params, principal, graph, query }) {
      const idDominio = idDominioDelPercorso(params.idDominio);
      const input = riconciliaInput(req, idDominio, 'v2', query.idFlussoCaseInsensitive ?? false);
      const tipi = query['riscossioni.tipo']?.length ? query['riscossioni.tipo'] : TIPI_DEFAULT;
      const { creata, riconciliazione: r } = await riconcilia(graph, principal, input, tipi);
      return { status: creata ? 201 : 200, body: riconciliazione(r) };
    },
  }),
  custom({
    method: 'get',
    path: '/riconciliazioni/:idDominio/:idIncasso',
    query: { 'riscossioni.tipo': tipiParam },
    async run({ params, principal, graph, query }) {
      const tipi = query['riscossioni.tipo']?.length ? query['riscossioni.tipo'] : TIPI_DEFAULT;
      const data = await graph.run<{ r: GraphRiconciliazioneDettaglio | null }>(
        riconciliazioneQuery(RISCOSSIONE_FIELDS),
        { idDominio: params.idDominio, id: params.idIncasso, tipi },
        principal,
      );
      return { status: 200, body: riconciliazione(found(data.r, `Riconciliazione ${params.idIncasso}`)) };
    },
  }),
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
      return { status: 200, body: riscossioneDettaglio(found(data.r, `Riscossione ${params.iuv}/${params.iur}/${params.indice}`)) };
    },
  }),
  { kind: 'handler', method: 'get', path: '/profilo', handler: getProfilo },
  { kind: 'handler', method: 'get', path: '/allegati/:id', handler: getAllegato },
];
