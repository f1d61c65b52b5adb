import { custom, found, lenientBoolean, list, type Operation } from '../shared/table';
import {
  RICONCILIAZIONE_FIELDS,
  RISCOSSIONE_FIELDS,
  type GraphRiconciliazione,
  type GraphRiconciliazioneDettaglio,
  type GraphRiscossione,
} from './graph';
import { riconcilia, riconciliaInput, type Dialetto } from './riconcilia';
import {
  chiaveRiscossione,
  idDominioDelPercorso,
  ORDINAMENTO_RICONCILIAZIONI,
  riconciliazioneQuery,
  riconciliazioniQuery,
  TIPI_DEFAULT,
  tipiParam,
} from './parametri';

/**
 * The operations every accounting API repeats with its own path and shape: registering a bank
 * entry, reading one back, reading one riscossione. Each API's table takes them with its mapper.
 */

const tipiDi = (q: { 'riscossioni.tipo'?: string[] }) => (q['riscossioni.tipo']?.length ? q['riscossioni.tipo'] : TIPI_DEFAULT);

/** POST of a bank entry: 201 when new, 200 with the same body when the same request comes again. */
export const registraRiconciliazione = (
  path: string,
  dialetto: Dialetto,
  toJson: (r: GraphRiconciliazioneDettaglio) => unknown,
  caseInsensitive = true,
  riscossioneFields = RISCOSSIONE_FIELDS,
): Operation =>
  custom({
    method: 'post',
    path,
    query: caseInsensitive ? { idFlussoCaseInsensitive: lenientBoolean.optional(), 'riscossioni.tipo': tipiParam } : {},
    async run({ req, params, principal, graph, query }) {
      const q = query as { idFlussoCaseInsensitive?: boolean; 'riscossioni.tipo'?: string[] };
      const input = riconciliaInput(req, idDominioDelPercorso(params.idDominio), dialetto, q.idFlussoCaseInsensitive ?? false);
      const { creata, riconciliazione } = await riconcilia(graph, principal, input, tipiDi(q), riscossioneFields);
      return { status: creata ? 201 : 200, body: toJson(riconciliazione) };
    },
  });

/** GET of one bank entry with its riscossioni (of the types asked in `riscossioni.tipo`). */
export const leggiRiconciliazione = (
  path: string,
  toJson: (r: GraphRiconciliazioneDettaglio) => unknown,
  riscossioneFields = RISCOSSIONE_FIELDS,
): Operation =>
  custom({
    method: 'get',
    path,
    query: { 'riscossioni.tipo': tipiParam },
    async run({ params, principal, graph, query }) {
      const data = await graph.run<{ r: GraphRiconciliazioneDettaglio | null }>(
        riconciliazioneQuery(riscossioneFields),
        { idDominio: params.idDominio, id: params.idIncasso, tipi: tipiDi(query) },
        principal,
      );
      return { status: 200, body: toJson(found(data.r, `Riconciliazione ${params.idIncasso}`)) };
    },
  });

/** The list of bank entries (API Ragioneria's riconciliazioni, v1's incassi): by dominio and date. */
export const listaRiconciliazioni = (path: string, map: (r: GraphRiconciliazione) => unknown): Operation =>
  list({
    path,
    query: riconciliazioniQuery,
    field: 'riconciliazioni',
    filterType: 'RiconciliazioneFilter',
    orderType: 'RiconciliazioneOrder',
    selection: RICONCILIAZIONE_FIELDS,
    ordinamento: ORDINAMENTO_RICONCILIAZIONI,
    filter: (q) => ({ idDominio: q.idDominio ? [q.idDominio] : undefined, dataDa: q.dataDa, dataA: q.dataA }),
    map,
  });

/** GET /riscossioni/{idDominio}/{iuv}/{iur}/{indice}. */
export const leggiRiscossione = (toJson: (r: GraphRiscossione) => unknown, riscossioneFields = RISCOSSIONE_FIELDS): Operation =>
  custom({
    method: 'get',
    path: '/riscossioni/:idDominio/:iuv/:iur/:indice',
    async run({ params, principal, graph }) {
      const data = await graph.run<{ r: GraphRiscossione | null }>(
        `query ($idDominio: ID!, $iuv: String!, $iur: String!, $indice: Int!) {
          r: riscossione(idDominio: $idDominio, iuv: $iuv, iur: $iur, indice: $indice) { ${riscossioneFields} } }`,
        chiaveRiscossione(params),
        principal,
      );
      return { status: 200, body: toJson(found(data.r, `Riscossione ${params.iuv}/${params.iur}/${params.indice}`)) };
    },
  });
