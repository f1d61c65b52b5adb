import { z } from 'zod';
import { stripNulls } from '../../core/compact';
import { errors } from '../../core/errors';
import { CATEGORIE_EVENTO, COMPONENTI, ESITI_EVENTO, RUOLI_EVENTO } from '../../core/journal';
import { romeDateTime } from '../../core/rome-time';
import { parseInput } from '../../core/validation';
import { enumFilter } from '../shared/enum-filter';
import { custom, dateTimeParam, found, lenientBoolean, list, textParam, type Operation } from '../shared/table';

/**
 * The Backoffice's Giornale degli Eventi (GET /eventi, /eventi/{id}) over the giornale subgraph:
 * GovPay's filters, its evento shape, the messages only with messaggi=true.
 */

const EVENTO_FIELDS = `numero componente categoriaEvento ruolo tipoEvento sottotipoEvento esito sottotipoEsito dettaglioEsito data durataEvento
  idDominio iuv ccp idA2A idPendenza idSessione severita clusterId parametriRichiesta parametriRisposta`;

interface GraphEvento {
  numero: number;
  componente: string;
  categoriaEvento: string;
  ruolo: string;
  tipoEvento: string;
  sottotipoEvento: string | null;
  esito: string;
  sottotipoEsito: string | null;
  dettaglioEsito: string | null;
  data: string;
  durataEvento: number;
  idDominio: string | null;
  iuv: string | null;
  ccp: string | null;
  idA2A: string | null;
  idPendenza: string | null;
  idSessione: string | null;
  severita: number | null;
  clusterId: string | null;
  parametriRichiesta: Record<string, unknown> | null;
  parametriRisposta: Record<string, unknown> | null;
}

/** GovPay's evento: its DettaglioRichiesta/Risposta dates in the REST format, the payload base64 as stored. */
function evento(e: GraphEvento) {
  return stripNulls({
    id: e.numero,
    componente: e.componente,
    categoriaEvento: e.categoriaEvento,
    ruolo: e.ruolo,
    tipoEvento: e.tipoEvento,
    esito: e.esito,
    dataEvento: romeDateTime(e.data),
    durataEvento: e.durataEvento,
    sottotipoEvento: e.sottotipoEvento,
    sottotipoEsito: e.sottotipoEsito,
    dettaglioEsito: e.dettaglioEsito,
    idDominio: e.idDominio,
    iuv: e.iuv,
    ccp: e.ccp,
    idA2A: e.idA2A,
    idPendenza: e.idPendenza,
    idPagamento: e.idSessione,
    severita: e.severita,
    clusterId: e.clusterId,
    // The spec requires both: empty when the messages were not kept or not asked for (messaggi).
    parametriRichiesta: e.parametriRichiesta ? dettaglio(e.parametriRichiesta, 'dataOraRichiesta') : {},
    parametriRisposta: e.parametriRisposta ? dettaglio(e.parametriRisposta, 'dataOraRisposta') : {},
  });
}

const dettaglio = (d: Record<string, unknown>, campo: string) =>
  typeof d[campo] === 'string' ? { ...d, [campo]: romeDateTime(d[campo] as string) } : d;

const enumParam = <T extends [string, ...string[]]>(values: T) => z.enum(values).optional();

const severita = (nome: string) =>
  z
    .string()
    .max(11)
    .optional()
    .transform((v) => {
      if (v === undefined) return undefined;
      if (!/^-?\d+$/.test(v))
        throw errors.syntax(`Il valore indicato per il parametro [${nome}] non e' valido: il valore fornito [${v}] non e' un intero.`);
      return Number(v);
    });

export const BACKOFFICE_EVENTI: Operation[] = [
  list({
    path: '/eventi',
    query: {
      idDominio: textParam.optional(),
      iuv: textParam.optional(),
      ccp: textParam.optional(),
      idA2A: textParam.optional(),
      idPendenza: textParam.optional(),
      idPagamento: textParam.optional(),
      esito: enumParam([...ESITI_EVENTO]),
      categoriaEvento: enumParam([...CATEGORIE_EVENTO]),
      tipoEvento: textParam.optional(),
      sottotipoEvento: textParam.optional(),
      componente: textParam.optional(),
      ruolo: enumParam([...RUOLI_EVENTO]),
      dataDa: dateTimeParam().optional(),
      dataA: dateTimeParam(true).optional(),
      messaggi: lenientBoolean.optional(),
      severitaDa: severita('severitaDa'),
      severitaA: severita('severitaA'),
    },
    field: 'eventi',
    filterType: 'EventoFilter',
    orderType: 'EventoOrder',
    selection: EVENTO_FIELDS,
    ordinamento: { data: 'DATA', dataEvento: 'DATA', id: 'ID' },
    filter: (q) => {
      // A componente the graph's enum does not hold is an evento no one recorded: GovPay answers no rows.
      const componente = enumFilter(COMPONENTI, q.componente);
      if (componente === null) return null;
      return {
        idDominio: q.idDominio,
        iuv: q.iuv,
        ccp: q.ccp,
        idA2A: q.idA2A,
        idPendenza: q.idPendenza,
        idSessione: q.idPagamento,
        esito: q.esito,
        categoriaEvento: q.categoriaEvento,
        tipoEvento: q.tipoEvento,
        sottotipoEvento: q.sottotipoEvento,
        componente,
        ruolo: q.ruolo,
        dataDa: q.dataDa,
        dataA: q.dataA,
        severitaDa: q.severitaDa,
        severitaA: q.severitaA,
        messaggi: q.messaggi,
      };
    },
    map: (e: GraphEvento) => evento(e),
  }),
  custom({
    method: 'get',
    path: '/eventi/:id',
    run: async ({ params, graph, principal }) => {
      const numero = parseInput(
        z.coerce
          .number({ message: "Il formato dell'id evento passato non e' valido" })
          .int("Il formato dell'id evento passato non e' valido")
          .min(1)
          .max(Number.MAX_SAFE_INTEGER),
        params.id,
        'id',
      );
      const data = await graph.run<{ evento: GraphEvento | null }>(
        `query ($numero: Int) { evento(numero: $numero) { ${EVENTO_FIELDS} } }`,
        { numero },
        principal,
      );
      return { status: 200, body: evento(found(data.evento, `Evento ${numero}`)) };
    },
  }),
];
