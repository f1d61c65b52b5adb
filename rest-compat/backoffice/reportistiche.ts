import type { RequestHandler } from 'express';
import { stripNulls } from '../../core/compact';
import { errors } from '../../core/errors';
import { romeDate } from '../../core/rome-time';
import { riscossioniFilter } from '../ragioneria/parametri';
import { dateTimeParam, list, textParam, type Operation } from '../shared/table';

/**
 * GovPay's report of expected income (GET /reportistiche/entrate-previste): the money taken for
 * the domini in a period, one row per riscossione with what it was for (pendenza, voce, entrata,
 * debtor), read page by page from the graph's riscossioni (SQL, never a full scan into memory).
 */

interface GraphEntrata {
  idDominio: string;
  iuv: string;
  iur: string;
  indice: number;
  importo: string;
  data: string;
  pendenza?: {
    idA2A: string;
    idPendenza: string;
    idTipoPendenza: string;
    annoRiferimento?: number | null;
    soggettoPagatore?: { identificativo?: string | null } | null;
    voci: Array<{ indice: number; idVocePendenza: string; codEntrata?: string | null }>;
  } | null;
}

const entrataPrevista = (r: GraphEntrata) => {
  const voce = r.pendenza?.voci.find((v) => v.indice === r.indice);
  return stripNulls({
    idDominio: r.idDominio,
    iuv: r.iuv,
    iur: r.iur,
    indice: r.indice,
    importoPagato: Number(r.importo),
    dataPagamento: romeDate(r.data),
    idVocePendenza: voce?.idVocePendenza,
    idEntrata: voce?.codEntrata,
    idPendenza: r.pendenza?.idPendenza,
    idA2A: r.pendenza?.idA2A,
    idTipoPendenza: r.pendenza?.idTipoPendenza,
    identificativoDebitore: r.pendenza?.soggettoPagatore?.identificativo,
    anno: r.pendenza?.annoRiferimento,
  });
};

/** The hub gives the report as JSON only: GovPay's answer for a format it cannot give. */
const soloJson: RequestHandler = (req, _res, next) =>
  next(
    req.accepts(['application/json', 'application/pdf']) === 'application/pdf'
      ? errors.forbidden('Reportistica Entrate Previste non disponibile nel formato richiesto')
      : undefined,
  );

export const BACKOFFICE_REPORTISTICHE: Operation[] = [
  list({
    path: '/reportistiche/entrate-previste',
    guard: soloJson,
    query: { idDominio: textParam.optional(), dataDa: dateTimeParam().optional(), dataA: dateTimeParam(true).optional() },
    field: 'riscossioni',
    filterType: 'RiscossioneFilter',
    orderType: 'RiscossioneOrder',
    selection: `idDominio iuv iur indice importo data pendenza { idA2A idPendenza idTipoPendenza annoRiferimento
      soggettoPagatore { identificativo } voci { indice idVocePendenza codEntrata } }`,
    ordinamento: { data: 'DATA' },
    filter: (q) => riscossioniFilter({ idDominio: q.idDominio, dataDa: q.dataDa, dataA: q.dataA, tipo: undefined }),
    map: entrataPrevista,
  }),
];
