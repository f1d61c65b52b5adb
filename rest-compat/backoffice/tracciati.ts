import type { Router } from 'express';
import { z } from 'zod';
import { DomainError, errors } from '../../core/errors';
import { romeDateTime } from '../../core/rome-time';
import { parseInput } from '../../core/validation';
import type { GraphClient } from '../shared/graph-client';
import { numericIdParam, route } from '../shared/http';
import { stripNulls } from '../../core/compact';
import { booleanParam, listEnvelope, LIST_PAGE, LIST_PAGE_ARGS, parsePaging, readGovPayPage, type GraphConnection } from '../shared/paging';
import { STATI_TRACCIATO } from '../../schema/entities';
import { enumFilter } from '../shared/enum-filter';
import { list, mountTable, ordinamento, textParam } from '../shared/table';
import { MAX_PAGE_SIZE } from '../../core/paging';
import { DOMINIO_FIELDS, dominioIndex, type GraphDominio } from './domini';

/** The paths that take an upload: the tracciato's dominio in the body, or in the path. */
export const TRACCIATI_UPLOAD = ['/pendenze/tracciati', '/pendenze/tracciati/:idDominio', '/pendenze/tracciati/:idDominio/:idTipoPendenza'];

const TRACCIATO_FIELDS = `numero idTracciato nomeFile stato descrizioneStato numeroOperazioniTotali numeroOperazioniEseguite
  numeroOperazioniFallite operatoreMittente dataOraCaricamento dataOraUltimoAggiornamento stampaAvvisi dominio { ${DOMINIO_FIELDS} }`;
const OPERAZIONE_FIELDS = 'numero tipoOperazione stato esito descrizioneEsito idA2A idPendenza numeroAvviso richiesta dati';

/** GovPay's ordering fields of the tracciati and of a tracciato's operazioni as the graph's order fields. */
const ORDINAMENTO_TRACCIATI = { dataOraCaricamento: 'DATA_ORA_CARICAMENTO', id: 'NUMERO', stato: 'STATO' };
const ORDINAMENTO_OPERAZIONI = { numero: 'NUMERO' };

interface GraphTracciato {
  numero: number;
  dataOraCaricamento: string;
  dataOraUltimoAggiornamento: string;
  dominio: GraphDominio;
  [field: string]: unknown;
}

interface GraphOperazione {
  numero: number;
  tipoOperazione: string;
  stato: string;
  esito: string;
  descrizioneEsito: string;
  idA2A?: string | null;
  idPendenza?: string | null;
  numeroAvviso?: string | null;
  richiesta: unknown;
  dati?: Record<string, unknown> | null;
}

/** GovPay's tracciatoPendenzeIndex: its id is the graph's numero. */
const tracciatoIndex = ({ numero, dominio, dataOraCaricamento, dataOraUltimoAggiornamento, idTracciato: _id, ...t }: GraphTracciato) =>
  stripNulls({
    id: numero,
    ...t,
    dominio: dominioIndex(dominio),
    dataOraCaricamento: romeDateTime(dataOraCaricamento),
    dataOraUltimoAggiornamento: romeDateTime(dataOraUltimoAggiornamento),
  });

/** GovPay's operazionePendenza (the /operazioni list). */
const operazionePendenza = (o: GraphOperazione, t: GraphTracciato) =>
  stripNulls({
    numero: o.numero,
    tipoOperazione: o.tipoOperazione,
    stato: o.stato,
    descrizioneStato: o.descrizioneEsito,
    enteCreditore: dominioIndex(t.dominio),
    soggettoPagatore: (o.richiesta as { soggettoPagatore?: unknown } | null)?.soggettoPagatore,
    applicazione: o.idA2A,
    identificativoPendenza: o.idPendenza,
    numeroAvviso: o.numeroAvviso,
    richiesta: o.richiesta,
    risposta: esitoOperazione(o),
  });

/** GovPay's esitoOperazionePendenza (the /esito document). */
const esitoOperazione = (o: GraphOperazione) =>
  stripNulls({
    idA2A: o.idA2A ?? '',
    idPendenza: o.idPendenza ?? '',
    tipoOperazione: o.tipoOperazione,
    stato: o.stato,
    esito: o.esito,
    descrizioneEsito: o.descrizioneEsito,
    numero: o.numero,
    dati: o.dati ?? {},
  });

const CSV_HEADER = ['numero', 'tipoOperazione', 'stato', 'esito', 'idA2A', 'idPendenza', 'numeroAvviso', 'descrizioneEsito'];

/** The per-row outcome file as CSV: one line per processed row, fields quoted where needed. */
function esitoCsv(ops: GraphOperazione[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [CSV_HEADER, ...ops.map((o) => CSV_HEADER.map((h) => o[h as keyof GraphOperazione]))]
      .map((row) => row.map(cell).join(','))
      .join('\r\n') + '\r\n'
  );
}

const uploadQuery = z.object({ stampaAvvisi: booleanParam.default(true), nomeFile: z.string().min(1).max(255).optional() });

/** Backoffice tracciati: bulk loads of pendenze, uploaded as JSON and processed in the background. */
export function tracciatiRoutes(router: Router, graph: GraphClient): void {
  router.post(
    TRACCIATI_UPLOAD,
    route(graph, async ({ req, principal }) => {
      if (!req.is('application/json')) {
        const dettaglio =
          'Tracciato in formato non supportato: caricare il tracciato in JSON (Content-Type: application/json); i tracciati CSV non sono gestiti.';
        throw new DomainError(415, { ...errors.syntax(dettaglio).fault });
      }
      if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
        throw errors.syntax(
          'Il corpo della richiesta deve essere un oggetto JSON con il tracciato (idTracciato, inserimenti, annullamenti).',
        );
      }
      const { stampaAvvisi, nomeFile } = parseInput(uploadQuery, { ...(req.query as Record<string, unknown>) });
      const data = await graph.run<{ caricaTracciatoPendenze: { tracciato: GraphTracciato } }>(
        `mutation ($input: CaricaTracciatoPendenzeInput!) { caricaTracciatoPendenze(input: $input) { tracciato { ${TRACCIATO_FIELDS} } } }`,
        {
          input: {
            tracciato: req.body,
            nomeFile,
            stampaAvvisi,
            idDominio: req.params.idDominio,
            idTipoPendenza: req.params.idTipoPendenza,
          },
        },
        principal,
      );
      return { status: 201, body: tracciatoIndex(data.caricaTracciatoPendenze.tracciato) };
    }),
  );

  mountTable(router, graph, [
    list({
      path: '/pendenze/tracciati',
      query: { idDominio: textParam.optional(), statoTracciatoPendenza: textParam.optional() },
      field: 'tracciatiPendenze',
      filterType: 'TracciatoPendenzeFilter',
      orderType: 'TracciatoPendenzeOrder',
      ordinamento: ORDINAMENTO_TRACCIATI,
      maxRisultatiPerPagina: MAX_PAGE_SIZE,
      selection: TRACCIATO_FIELDS,
      filter: ({ idDominio, statoTracciatoPendenza }) => {
        const stato = enumFilter(STATI_TRACCIATO, statoTracciatoPendenza);
        return stato === null ? null : { idDominio, stato };
      },
      map: tracciatoIndex,
    }),
  ]);

  router.get(
    '/pendenze/tracciati/:id',
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ tracciatoPendenze: GraphTracciato & { richiesta: unknown } }>(
        `query ($numero: Int!) { tracciatoPendenze(numero: $numero) { ${TRACCIATO_FIELDS} richiesta } }`,
        { numero: numericIdParam(req) },
        principal,
      );
      const { richiesta, ...t } = data.tracciatoPendenze;
      return { status: 200, body: { ...tracciatoIndex(t as GraphTracciato), contenuto: richiesta } };
    }),
  );

  router.get(
    '/pendenze/tracciati/:id/richiesta',
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{ tracciatoPendenze: { richiesta: unknown } }>(
        'query ($numero: Int!) { tracciatoPendenze(numero: $numero) { richiesta } }',
        { numero: numericIdParam(req) },
        principal,
      );
      return { status: 200, body: data.tracciatoPendenze.richiesta };
    }),
  );

  router.get(
    '/pendenze/tracciati/:id/esito',
    route(graph, async ({ req, principal }) => {
      const data = await graph.run<{
        tracciatoPendenze: GraphTracciato & { esito: { inserimenti: GraphOperazione[]; annullamenti: GraphOperazione[] } };
      }>(
        `query ($numero: Int!) { tracciatoPendenze(numero: $numero) { ${TRACCIATO_FIELDS}
          esito { inserimenti { ${OPERAZIONE_FIELDS} } annullamenti { ${OPERAZIONE_FIELDS} } } } }`,
        { numero: numericIdParam(req) },
        principal,
      );
      const { esito, ...t } = data.tracciatoPendenze;
      if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
        return { status: 200, contentType: 'text/csv; charset=utf-8', body: esitoCsv([...esito.inserimenti, ...esito.annullamenti]) };
      }
      const dettaglio = {
        idTracciato: t.idTracciato as string,
        idDominio: t.dominio.idDominio,
        inserimenti: esito.inserimenti.map(esitoOperazione),
        annullamenti: esito.annullamenti.map(esitoOperazione),
      };
      return { status: 200, body: { ...tracciatoIndex(t as GraphTracciato), esito: dettaglio } };
    }),
  );

  router.get(
    '/pendenze/tracciati/:id/operazioni',
    route(graph, async ({ req, principal }) => {
      const paging = parsePaging(req);
      const variables = { numero: numericIdParam(req), orderBy: ordinamento(paging.ordinamento, ORDINAMENTO_OPERAZIONI) };
      let tracciato: GraphTracciato | undefined;
      const operazioni = await readGovPayPage(paging, async (page) => {
        const data = await graph.run<{ tracciatoPendenze: GraphTracciato & { operazioni: GraphConnection<GraphOperazione> } }>(
          `query ($numero: Int!, $orderBy: [OperazioneTracciatoOrder!], ${LIST_PAGE}) { tracciatoPendenze(numero: $numero) { ${TRACCIATO_FIELDS}
            operazioni(orderBy: $orderBy, ${LIST_PAGE_ARGS}) { nodes { ${OPERAZIONE_FIELDS} } totalCount pageInfo { hasNextPage } } } }`,
          { ...variables, ...page },
          principal,
        );
        tracciato ??= data.tracciatoPendenze;
        return data.tracciatoPendenze.operazioni;
      });
      const t = tracciato as GraphTracciato;
      return { status: 200, body: listEnvelope(req, paging, operazioni, (o) => operazionePendenza(o, t)) };
    }),
  );
}
