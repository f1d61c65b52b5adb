import type { Request } from 'express';
import { z } from 'zod';
import { DomainError } from '../../core/errors';
import { parseInput } from '../../core/validation';
import type { RestResult } from '../shared/http';
import {
  dateTimeParam,
  found,
  lenientBoolean,
  list,
  textParam,
  type Operation,
  type CustomOperation,
  type TableCall,
} from '../shared/table';
import { FLUSSO_FIELDS, righeDelFlusso, type GraphFlusso, type GraphRendicontazione } from './graph';
import { STATI_FLUSSO, statoFlussoGraph } from './json';

/**
 * A reporting flow's detail, shared by every API that serves it: by idFlusso (the latest
 * revision), scoped to a dominio, or a given revision by its dataOraFlusso; the flow as XML when the
 * caller's Accept names XML (GovPay checks `application/xml` in Accept), else JSON with every line.
 */

const DOMINIO = /^\d{11}$/;
const dataOraFlusso = dateTimeParam();

export interface FlussoCercato {
  idFlusso: string;
  idDominio?: string;
  dataOraFlusso?: string;
}

/**
 * The two-segment path is ambiguous in GovPay's specs (`{idDominio}/{idFlusso}` and
 * `{idFlusso}/{dataOraFlusso}`): a flow id begins with its date and is never an 11-digit fiscal
 * code, so an 11-digit first segment is a dominio.
 */
export function flussoDaPercorso(p: Record<string, string>): FlussoCercato {
  const parti = [p.idDominio, p.idFlusso, p.dataOraFlusso].filter((x) => x !== undefined);
  const [primo, secondo, terzo] = parti;
  const conDominio = parti.length === 3 || (parti.length === 2 && DOMINIO.test(primo));
  const cercato = conDominio ? { idDominio: primo, idFlusso: secondo, data: terzo } : { idFlusso: primo, data: secondo };
  return {
    idFlusso: cercato.idFlusso,
    idDominio: cercato.idDominio,
    dataOraFlusso: cercato.data === undefined ? undefined : parseInput(dataOraFlusso, cercato.data, 'dataOraFlusso'),
  };
}

/** GovPay's 406 for a representation it cannot give. */
const nonDisponibile = (dettaglio: string) =>
  new DomainError(406, {
    categoria: 'RICHIESTA',
    codice: '406000',
    descrizione: 'Risorsa non disponibile nel formato richiesto',
    dettaglio,
  });

export const vuoleXml = (req: Request) => (req.header('accept') ?? '').toLowerCase().includes('application/xml');

/** Reads the flow (404 when the caller cannot see it), as XML or with its lines for `toJson`. */
export function dettaglioFlusso(toJson: (f: GraphFlusso, righe: GraphRendicontazione[]) => unknown) {
  return async ({ req, params, principal, graph }: TableCall<unknown>): Promise<RestResult> => {
    const cercato = flussoDaPercorso(params);
    const xml = vuoleXml(req);
    const data = await graph.run<{ flusso: (GraphFlusso & { xml?: string | null }) | null }>(
      `query ($idFlusso: String!, $idDominio: ID, $dataFlusso: DateTimeISO, $xml: Boolean!) {
        flusso: flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso, idDominio: $idDominio, dataFlusso: $dataFlusso) {
          ${FLUSSO_FIELDS} xml @include(if: $xml) } }`,
      { idFlusso: cercato.idFlusso, idDominio: cercato.idDominio, dataFlusso: cercato.dataOraFlusso, xml },
      principal,
    );
    const flusso = found(data.flusso, `Flusso di rendicontazione ${cercato.idFlusso}`);
    if (xml) {
      if (!flusso.xml) throw nonDisponibile(`Il flusso ${cercato.idFlusso} non e' disponibile in formato XML.`);
      return { status: 200, contentType: 'application/xml', body: flusso.xml };
    }
    return { status: 200, body: toJson(flusso, await righeDelFlusso(graph, principal, flusso.id)) };
  };
}

/** The detail's paths: with and without dominio and revision. */
export const PERCORSI_FLUSSO = [
  '/flussiRendicontazione/:idFlusso',
  '/flussiRendicontazione/:idDominio/:idFlusso',
  '/flussiRendicontazione/:idDominio/:idFlusso/:dataOraFlusso',
];

/** The flow detail operations of one API, one per path. */
export const flussoOperations = (
  toJson: (f: GraphFlusso, righe: GraphRendicontazione[]) => unknown,
  percorsi = PERCORSI_FLUSSO,
): CustomOperation<{}>[] => percorsi.map((path) => ({ kind: 'custom', method: 'get', path, run: dettaglioFlusso(toJson) }));

/** The flows list's parameters every API shares (GovPay's v2 reads `stato`, its spec names it statoFlussoRendicontazione). */
export const flussiQuery = {
  idDominio: textParam.optional(),
  dataDa: dateTimeParam().optional(),
  dataA: dateTimeParam(true).optional(),
  stato: z.enum(STATI_FLUSSO as [string, ...string[]]).optional(),
  statoFlussoRendicontazione: z.enum(STATI_FLUSSO as [string, ...string[]]).optional(),
  iuv: textParam.optional(),
  idFlusso: textParam.optional(),
  escludiObsoleti: lenientBoolean.optional(),
};

type FlussiQuery = z.output<z.ZodObject<typeof flussiQuery>>;

/** The graph's FlussoRendicontazioneFilter of a flows list; `obsoletiDefault` is what an absent escludiObsoleti means. */
export function flussiFilter(q: FlussiQuery, escludiDefault: boolean) {
  const stato = q.stato ?? q.statoFlussoRendicontazione;
  return {
    idDominio: q.idDominio ? [q.idDominio] : undefined,
    dataDa: q.dataDa,
    dataA: q.dataA,
    stato: stato ? [statoFlussoGraph(stato)] : undefined,
    iuv: q.iuv,
    idFlusso: q.idFlusso,
    incluseObsolete: !(q.escludiObsoleti ?? escludiDefault),
  };
}

/** GET /flussiRendicontazione of one API: its query parameters (the shared ones by default) and index mapper. */
export const listaFlussi = (map: (f: GraphFlusso) => unknown, query: z.ZodRawShape = flussiQuery): Operation =>
  list({
    path: '/flussiRendicontazione',
    query,
    field: 'flussiRendicontazione',
    filterType: 'FlussoRendicontazioneFilter',
    orderType: 'FlussoRendicontazioneOrder',
    selection: FLUSSO_FIELDS,
    ordinamento: ORDINAMENTO_FLUSSI,
    filter: (q) => flussiFilter(q as FlussiQuery, false),
    map,
  });

export const ORDINAMENTO_FLUSSI = {
  data: 'DATA_FLUSSO',
  dataFlusso: 'DATA_FLUSSO',
  idFlusso: 'ID_FLUSSO',
  dataRegolamento: 'DATA_REGOLAMENTO',
  importoTotale: 'IMPORTO_TOTALE',
};
