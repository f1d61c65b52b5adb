import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { centsToEuro } from '../../core/money';
import type { SourceFaults } from './faults';
import type { PublishedFlow } from './flow';
import type { Flows } from './flows';

/** Where the simulated FdR serves its organizations' API (RENDICONTAZIONI_FDR_URL's default). */
export const FDR_BASE = '/fdr-org/service/v1';
const MAX_PAGE_SIZE = 1000;

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 500: 'Internal Server Error' };

/** FdR's ErrorResponse. */
function error(res: Response, status: number, appErrorCode: string, message: string, path = ''): void {
  res.status(status).json({
    errorId: randomUUID(),
    httpStatusCode: status,
    httpStatusDescription: STATUS_TEXT[status],
    appErrorCode,
    errors: [{ path, message }],
  });
}

/** page/size as FdR reads them: page from 1, size 1..1000; undefined (and a 400 sent) when invalid. */
function paging(req: Request, res: Response): { page: number; size: number } | undefined {
  const page = req.query.page === undefined ? 1 : Number(req.query.page);
  const size = req.query.size === undefined ? MAX_PAGE_SIZE : Number(req.query.size);
  if (!Number.isInteger(page) || page < 1) return void error(res, 400, 'FDR-0702', 'page must be an integer from 1', 'page');
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    return void error(res, 400, 'FDR-0702', `size must be an integer from 1 to ${MAX_PAGE_SIZE}`, 'size');
  return { page, size };
}

function paged<T, U>(items: T[], { page, size }: { page: number; size: number }, map: (item: T, index: number) => U) {
  const start = (page - 1) * size;
  const data = items.slice(start, start + size).map((item, i) => map(item, start + i));
  return {
    metadata: { pageSize: size, pageNumber: page, totPage: Math.max(1, Math.ceil(items.length / size)) },
    count: items.length,
    data,
  };
}

const PAY_STATUS = { 0: 'EXECUTED', 3: 'REVOKED', 4: 'STAND_IN', 8: 'STAND_IN_NO_RPT', 9: 'NO_RPT' } as const;

function singleFlow(f: PublishedFlow) {
  const published = f.dataOraFlusso.toISOString();
  return {
    status: 'PUBLISHED',
    revision: f.revision,
    created: published,
    updated: published,
    fdr: f.idFlusso,
    fdrDate: published,
    regulation: f.trn,
    regulationDate: f.dataRegolamento,
    bicCodePouringBank: f.bic,
    sender: { type: 'ABI_CODE', id: f.idPsp, pspId: f.idPsp, pspName: f.pspName, pspBrokerId: f.idBrokerPsp, channelId: f.idChannel },
    receiver: { id: f.idDominio, organizationId: f.idDominio, organizationName: f.ragioneSocialeDominio ?? f.idDominio },
    published,
    computedTotPayments: f.lines.length,
    computedSumPayments: centsToEuro(f.lines.reduce((n, l) => n + l.importoCents, 0)),
    totPayments: f.lines.length,
    sumPayments: centsToEuro(f.importoTotaleCents),
  };
}

/**
 * pagoPA's FdR REST API for organizations (fdr_organization.json), read-only: the published flows
 * of an organization (latest revision of each), a revision, its payments; paged with page/size and
 * metadata as FdR does. With an `apiKey`, every call must carry it in Ocp-Apim-Subscription-Key
 * (401 otherwise, as pagoPA's API gateway answers).
 */
export function fdrRoutes(flows: Flows, apiKey: string | undefined, faults: SourceFaults): express.Router {
  const router = express.Router();
  router.use(FDR_BASE, (req, res, next) => {
    if (faults.fdr === 'hang') return;
    if (faults.fdr === 'down') return void req.socket.destroy();
    if (apiKey !== undefined && req.header('ocp-apim-subscription-key') !== apiKey) {
      return void res
        .status(401)
        .json({
          statusCode: 401,
          message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
        });
    }
    if (faults.fdr === 'fault') return error(res, 500, 'FDR-0500', 'simulated failure');
    next();
  });

  router.get(`${FDR_BASE}/organizations/:organizationId/fdrs`, (req, res) => {
    const p = paging(req, res);
    if (!p) return;
    const pspId = typeof req.query.pspId === 'string' ? req.query.pspId : undefined;
    const list = flows.latest(req.params.organizationId).filter((f) => !pspId || f.idPsp === pspId);
    res.json(
      paged(list, p, (f) => ({
        fdr: f.idFlusso,
        pspId: f.idPsp,
        revision: f.revision,
        published: f.dataOraFlusso.toISOString(),
        flowDate: f.dataOraFlusso.toISOString(),
      })),
    );
  });

  const flowOf = (req: Request, res: Response): PublishedFlow | undefined => {
    const { organizationId, fdr, revision, pspId } = req.params as Record<string, string>;
    const f = flows.find(organizationId, fdr, Number(revision));
    if (!f || f.idPsp !== pspId) return void error(res, 404, 'FDR-0701', `Reporting Fdr [${fdr}] not found`);
    return f;
  };
  const FLOW = `${FDR_BASE}/organizations/:organizationId/fdrs/:fdr/revisions/:revision/psps/:pspId`;
  router.get(FLOW, (req, res) => {
    const f = flowOf(req, res);
    if (f) res.json(singleFlow(f));
  });
  router.get(`${FLOW}/payments`, (req, res) => {
    const f = flowOf(req, res);
    const p = f && paging(req, res);
    if (!f || !p) return;
    res.json(
      paged(f.lines, p, (l, i) => ({
        index: i + 1,
        iuv: l.iuv,
        iur: l.iur,
        idTransfer: l.indice,
        pay: centsToEuro(l.importoCents),
        payStatus: PAY_STATUS[l.esito],
        payDate: `${l.data}T12:00:00Z`,
      })),
    );
  });
  return router;
}
