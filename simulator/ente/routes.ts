import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../core/logger';
import { bodyError } from '../api/body-error';
import { recordsRoutes } from '../api/records';
import { parseRequest } from '../flow/request';
import { answersRequestSchema, type Ente, type EnteAnswer } from './ente';
import { summarizeNotifica, type EnteApi, type EnteCallRecord } from './received';

/** Where the simulator serves GovPay's "API Notifica e Verifica" (v1) and API Ente v2: the demo applicazione's connector URL ends so. */
export const ENTE_V1_BASE = '/ente/v1';
export const ENTE_V2_BASE = '/ente/v2';

type Kind = 'verifica' | 'notifica';

/**
 * The Ente's system on the simulator's server: the calls the hub makes (verify a notice, notify a
 * receipt; api-ente-verifica-notifica-v1.yaml and api-ente-v2), each recorded and answered as
 * `ente` says; and its control API, `/api/ente/notifiche`, `/api/ente/verifiche` (the records) and
 * `/api/ente/risposte` (how it answers). Any authentication the connector sends is accepted.
 */
export function enteRoutes(ente: Ente, log: Logger): express.Router {
  const router = express.Router();
  const json = express.json({ limit: '1mb' });

  const serve = (api: EnteApi, kind: Kind, fields: (req: Request) => Partial<EnteCallRecord>) => (req: Request, res: Response) => {
    const record: EnteCallRecord = {
      id: randomUUID(),
      receivedAt: new Date().toISOString(),
      api,
      method: req.method,
      path: req.path.slice(api === 'REST v1' ? ENTE_V1_BASE.length : ENTE_V2_BASE.length),
      idDominio: String(req.params.idDominio),
      ...fields(req),
      status: 0,
      ...(kind === 'notifica' ? { body: req.body as unknown } : {}),
    };
    (kind === 'notifica' ? ente.notifiche : ente.verifiche).add(record);
    answer(res, record, ente.answerTo(kind));
  };

  router.get(
    `${ENTE_V1_BASE}/avvisi/:idDominio/:iuv`,
    serve('REST v1', 'verifica', (req) => ({ iuv: String(req.params.iuv) })),
  );
  router.get(
    `${ENTE_V2_BASE}/avvisi/:idDominio/:numeroAvviso`,
    serve('REST v2', 'verifica', (req) => ({ numeroAvviso: String(req.params.numeroAvviso) })),
  );
  router.post(
    `${ENTE_V1_BASE}/pagamenti/:idDominio/:iuv`,
    json,
    serve('REST v1', 'notifica', (req) => ({ iuv: String(req.params.iuv), ...summarizeNotifica('REST v1', req.body) })),
  );
  router.put(
    `${ENTE_V2_BASE}/ricevute/:idDominio/:iuv/:idRicevuta`,
    json,
    serve('REST v2', 'notifica', (req) => ({
      iuv: String(req.params.iuv),
      idRicevuta: String(req.params.idRicevuta),
      ...summarizeNotifica('REST v2', req.body),
    })),
  );

  router.use(recordsRoutes('/api/ente/notifiche', 'notifica', ente.notifiche));
  router.use(recordsRoutes('/api/ente/verifiche', 'verifica', ente.verifiche));
  router.get('/api/ente/risposte', (_req, res) => {
    res.json({ verifica: ente.answerTo('verifica'), notifica: ente.answerTo('notifica') });
  });
  router.put('/api/ente/risposte', express.json({ limit: '100kb' }), (req, res) => {
    res.json(ente.setAnswers(parseRequest(answersRequestSchema, req.body)));
  });

  // What the Ente's API cannot read gets GovPay's FaultBean, as an Ente's system answers; the control API's errors go on to its handler.
  for (const base of [ENTE_V1_BASE, ENTE_V2_BASE]) {
    router.use(base, (err: unknown, req: Request, res: Response, next: NextFunction) => {
      const unread = bodyError(err);
      if (!unread) return next(err);
      log.warn({ url: req.originalUrl, err: unread.message }, 'Ente simulator: unreadable request');
      res.status(unread.status).json({ categoria: 'RICHIESTA', codice: 'SINTASSI', descrizione: unread.message });
    });
  }
  return router;
}

/** Answers after the configured delay; the record keeps what was answered, or 0 when the hub hung up first. */
function answer(res: Response, record: EnteCallRecord, a: EnteAnswer): void {
  const send = () => {
    if (res.destroyed) return;
    record.status = a.status;
    if (a.body === undefined) res.status(a.status).end();
    else res.status(a.status).json(a.body);
  };
  if (a.delayMs === 0) return send();
  const timer = setTimeout(send, a.delayMs);
  timer.unref();
  res.on('close', () => clearTimeout(timer));
}
