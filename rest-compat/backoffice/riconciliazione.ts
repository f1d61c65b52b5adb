import { z } from 'zod';
import { stripNulls } from '../../core/compact';
import type { Principal } from '../../core/principal';
import { flussiQuery, flussoOperations, listaFlussi } from '../ragioneria/flussi';
import {
  FLUSSO_FIELDS,
  RENDICONTAZIONE_FIELDS,
  RICONCILIAZIONE_FIELDS,
  riscossioneFields,
  type GraphFlusso,
  type GraphRendicontazioneConFlusso,
  type GraphRiconciliazione,
  type GraphRiscossione,
} from '../ragioneria/graph';
import { incassoBackoffice, incassoIndexBackoffice, riscossioneBackoffice, riscossioneIndexBackoffice } from '../ragioneria/incassi-json';
import { euro, flussoIndex, rendicontazione } from '../ragioneria/json';
import { leggiRiconciliazione, leggiRiscossione, registraRiconciliazione } from '../ragioneria/operazioni';
import { BACKOFFICE_PENDENZA } from './pendenze';
import {
  ORDINAMENTO_RICONCILIAZIONI,
  ORDINAMENTO_RISCOSSIONI,
  riscossioniFilter,
  riscossioniQuery,
  tipiParam,
} from '../ragioneria/parametri';
import type { GraphClient } from '../shared/graph-client';
import { dateTimeParam, lenientBoolean, listaCompleta, listParam, textParam, type Operation, list, custom } from '../shared/table';
import { DOMINIO_FIELDS, dominioIndex, type GraphDominio } from './domini';
import { TIPOLOGIA_GOVPAY } from '../../subgraphs/pendenze/services';

/**
 * The Backoffice's riconciliazione paths (api-backoffice-v1.yaml): flows, rendicontazioni, incassi,
 * riscossioni and the two quadrature, for the operators' accounting screens, as one table.
 */

/** The Backoffice's flow index adds the dominio's name. */
const flussoIndexBackoffice = (f: GraphFlusso) => stripNulls({ ...flussoIndex(f), ragioneSocialeDominio: f.dominio.ragioneSociale });

const testi = listParam(z.string().max(255)).optional();

const rendicontazioniQuery = {
  'flussoRendicontazione.dataFlussoDa': dateTimeParam().optional(),
  'flussoRendicontazione.dataFlussoA': dateTimeParam(true).optional(),
  dataDa: dateTimeParam().optional(),
  dataA: dateTimeParam(true).optional(),
  idDominio: textParam.optional(),
  idFlusso: textParam.optional(),
  iuv: textParam.optional(),
};
type RendicontazioniQuery = z.output<z.ZodObject<typeof rendicontazioniQuery>>;

const rendicontazioniFilter = (q: RendicontazioniQuery) => ({
  idDominio: q.idDominio ? [q.idDominio] : undefined,
  idFlusso: q.idFlusso,
  iuv: q.iuv,
  dataDa: q.dataDa,
  dataA: q.dataA,
  dataFlussoDa: q['flussoRendicontazione.dataFlussoDa'],
  dataFlussoA: q['flussoRendicontazione.dataFlussoA'],
});

const GRUPPI_RISCOSSIONI = ['DOMINIO', 'UNITA_OPERATIVA', 'TIPO_PENDENZA', 'DIVISIONE', 'DIREZIONE', 'TASSONOMIA', 'APPLICAZIONE'] as const;
const GRUPPI_RENDICONTAZIONI = ['FLUSSO_RENDICONTAZIONE', 'DIVISIONE', 'DIREZIONE'] as const;

interface GruppoRiscossioni {
  numeroPagamenti: number;
  importo: string;
  idDominio?: string | null;
  idUnita?: string | null;
  idTipoPendenza?: string | null;
  divisione?: string | null;
  direzione?: string | null;
  tassonomia?: string | null;
  idA2A?: string | null;
}

interface Anagrafiche {
  domini: Map<string, GraphDominio>;
  tipi: Map<string, { idTipoPendenza: string; descrizione: string }>;
  applicazioni: Map<string, { idA2A: string; principal: string; abilitato: boolean }>;
}

/**
 * GovPay's quadrature name each group by its index (the dominio's, the tipo pendenza's, the
 * applicazione's): read once per page, for the distinct ids of its groups, in one query.
 */
async function anagrafiche(graph: GraphClient, principal: Principal, gruppi: GruppoRiscossioni[]): Promise<Anagrafiche> {
  const distinct = (k: keyof GruppoRiscossioni) => [...new Set(gruppi.map((g) => g[k]).filter((v): v is string => typeof v === 'string'))];
  const domini = distinct('idDominio');
  const tipi = distinct('idTipoPendenza');
  const applicazioni = distinct('idA2A');
  const fields = [
    ...domini.map((_, i) => `d${i}: dominio(idDominio: $d${i}) { ${DOMINIO_FIELDS} }`),
    ...tipi.map((_, i) => `t${i}: tipoPendenza(idTipoPendenza: $t${i}) { idTipoPendenza descrizione }`),
    ...applicazioni.map((_, i) => `a${i}: applicazione(idA2A: $a${i}) { idA2A principal abilitato }`),
  ];
  const empty: Anagrafiche = { domini: new Map(), tipi: new Map(), applicazioni: new Map() };
  if (!fields.length) return empty;
  const vars = [...domini.map((_, i) => `$d${i}: ID!`), ...tipi.map((_, i) => `$t${i}: ID!`), ...applicazioni.map((_, i) => `$a${i}: ID!`)];
  const values = Object.fromEntries([
    ...domini.map((v, i) => [`d${i}`, v]),
    ...tipi.map((v, i) => [`t${i}`, v]),
    ...applicazioni.map((v, i) => [`a${i}`, v]),
  ]);
  const data = await graph.run<Record<string, never>>(`query (${vars.join(', ')}) { ${fields.join(' ')} }`, values, principal);
  domini.forEach((id, i) => empty.domini.set(id, data[`d${i}`]));
  tipi.forEach((id, i) => empty.tipi.set(id, data[`t${i}`]));
  applicazioni.forEach((id, i) => empty.applicazioni.set(id, data[`a${i}`]));
  return empty;
}

function statisticaQuadratura(g: GruppoRiscossioni, a: Anagrafiche) {
  const dominio = g.idDominio ? a.domini.get(g.idDominio) : undefined;
  return stripNulls({
    numeroPagamenti: g.numeroPagamenti,
    importo: euro(g.importo),
    // The unità operativa is named by its id: its index would need its dominio, which a group by unità does not carry.
    dettaglio: g.idUnita ?? undefined,
    direzione: g.direzione,
    divisione: g.divisione,
    tassonomia: g.tassonomia,
    // Every pendenza the hub holds is dovuta (pendenze/domain/views.ts): so is every tipo's tipologia.
    tipoPendenza: g.idTipoPendenza ? { ...a.tipi.get(g.idTipoPendenza), tipo: TIPOLOGIA_GOVPAY.DOVUTO } : undefined,
    dominio: dominio ? dominioIndex(dominio) : undefined,
    applicazione: g.idA2A ? a.applicazioni.get(g.idA2A) : undefined,
  });
}

/** A riscossione embeds its pendenza in the Backoffice's own shape, with the fields it always fills. */
const RISCOSSIONE_BACKOFFICE = riscossioneFields(BACKOFFICE_PENDENZA.campi);
const incasso = (r: GraphRiconciliazione & { riscossioni: GraphRiscossione[] }) => incassoBackoffice(r, BACKOFFICE_PENDENZA.adapt);

export const BACKOFFICE_RICONCILIAZIONE: Operation[] = [
  listaFlussi(flussoIndexBackoffice, { ...flussiQuery, incassato: lenientBoolean.optional() }),
  ...flussoOperations((f, righe) => ({ ...flussoIndexBackoffice(f), rendicontazioni: righe.map(rendicontazione) })),
  list({
    path: '/rendicontazioni',
    query: { ...rendicontazioniQuery, direzione: testi, divisione: testi, escludiObsoleti: lenientBoolean.optional() },
    field: 'rendicontazioni',
    filterType: 'RendicontazioneFilter',
    orderType: 'RendicontazioneOrder',
    selection: `${RENDICONTAZIONE_FIELDS} flusso { ${FLUSSO_FIELDS} }`,
    ordinamento: { data: 'DATA', iuv: 'IUV', importo: 'IMPORTO' },
    filter: rendicontazioniFilter,
    map: (r: GraphRendicontazioneConFlusso) => ({ ...rendicontazione(r), flussoRendicontazione: flussoIndexBackoffice(r.flusso) }),
  }),
  list({
    path: '/incassi',
    query: {
      idDominio: textParam.optional(),
      dataDa: dateTimeParam().optional(),
      dataA: dateTimeParam(true).optional(),
      sct: textParam.optional(),
      stato: z.enum(['ACQUISITO', 'ERRORE', 'IN_ELABORAZIONE']).optional(),
      idFlusso: textParam.optional(),
      iuv: textParam.optional(),
    },
    field: 'riconciliazioni',
    filterType: 'RiconciliazioneFilter',
    orderType: 'RiconciliazioneOrder',
    selection: RICONCILIAZIONE_FIELDS,
    ordinamento: ORDINAMENTO_RICONCILIAZIONI,
    // The hub records a riconciliazione synchronously: none is ever IN_ELABORAZIONE, so asking for it finds none.
    filter: (q) => ({
      idDominio: q.idDominio ? [q.idDominio] : undefined,
      dataDa: q.dataDa,
      dataA: q.dataA,
      sct: q.sct,
      stato: q.stato ? (q.stato === 'IN_ELABORAZIONE' ? [] : [q.stato]) : undefined,
    }),
    map: (r: GraphRiconciliazione) => incassoIndexBackoffice(r),
  }),
  registraRiconciliazione('/incassi/:idDominio', 'incasso', incasso, true, RISCOSSIONE_BACKOFFICE),
  leggiRiconciliazione('/incassi/:idDominio/:idIncasso', incasso, RISCOSSIONE_BACKOFFICE),
  list({
    path: '/riscossioni',
    query: {
      ...riscossioniQuery,
      idUnita: textParam.optional(),
      idTipoPendenza: textParam.optional(),
      direzione: testi,
      divisione: testi,
      tassonomia: testi,
    },
    field: 'riscossioni',
    filterType: 'RiscossioneFilter',
    orderType: 'RiscossioneOrder',
    selection: riscossioneFields(),
    ordinamento: { ...ORDINAMENTO_RISCOSSIONI, stato: 'DATA' },
    filter: riscossioniFilter,
    map: (r: GraphRiscossione) => riscossioneIndexBackoffice(r),
  }),
  leggiRiscossione((r) => riscossioneBackoffice(r, BACKOFFICE_PENDENZA.adapt), RISCOSSIONE_BACKOFFICE),
  custom({
    method: 'get',
    path: '/quadrature/riscossioni',
    query: {
      gruppi: listParam(z.enum(GRUPPI_RISCOSSIONI), 1),
      dataDa: dateTimeParam().optional(),
      dataA: dateTimeParam(true).optional(),
      idDominio: testi,
      idUnita: testi,
      idTipoPendenza: testi,
      idA2A: testi,
      direzione: testi,
      divisione: testi,
      tassonomia: testi,
      tipo: tipiParam,
    },
    async run({ req, principal, graph, query: { gruppi, ...f } }) {
      const filter = { ...f, tipo: f.tipo?.length ? f.tipo : undefined };
      const body = await listaCompleta(
        req,
        async (first, offset) =>
          (
            await graph.run<{ q: GruppoRiscossioni[] }>(
              `query ($filter: QuadraturaRiscossioniFilter, $gruppi: [GruppoQuadraturaRiscossioni!]!, $first: Int, $offset: Int) {
                q: quadraturaRiscossioni(filter: $filter, gruppi: $gruppi, first: $first, offset: $offset) {
                  numeroPagamenti importo idDominio idUnita idTipoPendenza divisione direzione tassonomia idA2A } }`,
              { filter, gruppi, first, offset },
              principal,
            )
          ).q,
        (g) => g,
      );
      const gruppiPagina = body.risultati as GruppoRiscossioni[];
      const nomi = await anagrafiche(graph, principal, gruppiPagina);
      return { status: 200, body: { ...body, risultati: gruppiPagina.map((g) => statisticaQuadratura(g, nomi)) } };
    },
  }),
  custom({
    method: 'get',
    path: '/quadrature/rendicontazioni',
    query: { ...rendicontazioniQuery, gruppi: listParam(z.enum(GRUPPI_RENDICONTAZIONI), 1), direzione: testi, divisione: testi },
    async run({ req, principal, graph, query }) {
      const body = await listaCompleta(
        req,
        async (first, offset) =>
          (
            await graph.run<{
              q: Array<{
                numeroPagamenti: number;
                importo: string;
                flusso?: GraphFlusso | null;
                divisione?: string | null;
                direzione?: string | null;
              }>;
            }>(
              `query ($filter: RendicontazioneFilter, $gruppi: [GruppoQuadraturaRendicontazioni!]!, $first: Int, $offset: Int) {
                q: quadraturaRendicontazioni(filter: $filter, gruppi: $gruppi, first: $first, offset: $offset) {
                  numeroPagamenti importo flusso { ${FLUSSO_FIELDS} } divisione direzione } }`,
              { filter: rendicontazioniFilter(query), gruppi: query.gruppi, first, offset },
              principal,
            )
          ).q,
        (g) =>
          stripNulls({
            numeroRendicontazioni: g.numeroPagamenti,
            importo: euro(g.importo),
            flussoRendicontazione: g.flusso ? flussoIndexBackoffice(g.flusso) : undefined,
            direzione: g.direzione,
            divisione: g.divisione,
          }),
      );
      return { status: 200, body };
    },
  }),
];
