import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Registry } from 'prom-client';
import { PAA_FAULTS, type PaaFaultCode, PagoPaFault, type StationCaller, type StationService } from '../../subgraphs/pagamenti/services';
import type { Admission } from '../../core/admission';
import { RetryLaterError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { parseSoap } from '../soap/parse';
import { OPERATIONS, PAFORNODE_NS, type Operation } from '../soap/protocol';
import { writable } from '../soap/xml';
import type { StationAuthenticate } from './auth';
import { stationMetrics } from './metrics';
import { readRequest, type StationRequest } from './read-request';
import { getPaymentResponse, koResponse, sendRTResponse, soapFault, verifyResponse } from './responses';
import { requestedUrl, serviceDescription, XSD_QUERY } from './wsdl';

/** Where GovPay's station answers, and so the Nodo calls it. */
export const STATION_PATH = '/govpay/frontend/api/pagopa/PagamentiTelematiciCCPservice';

export interface StationRouterOptions {
  service: StationService;
  authenticate: StationAuthenticate;
  log: Logger;
  /** The largest request body read (express's size syntax: `512kb`); beyond it, HTTP 413. */
  bodyLimit: string;
  /** The /metrics registry, to count requests by operation and outcome. */
  registry?: Registry;
  /** Told of every answered SOAP request (the Giornale degli Eventi's hook): after the reply is sent. */
  onExchange?: (exchange: StationExchange) => void;
  /** How many SOAP requests are served at once and may wait (STATION_MAX_CONCURRENT…); unset: no limit. */
  admission?: Admission;
}

/** One SOAP request of the Nodo and the station's reply, as the hook sees it. */
export interface StationExchange {
  operation: Operation | 'unknown';
  /** When the request arrived, and how long the station took to answer it (ms). */
  data: Date;
  durataMs: number;
  caller?: StationCaller;
  /** The request as read, when it was well-formed. */
  request?: StationRequest;
  requestBody: Buffer | string;
  requestHeaders: Request['headers'];
  status: number;
  outcome: 'OK' | 'KO' | 'SOAP_FAULT' | 'UNAUTHENTICATED';
  faultCode?: string;
  faultDescription?: string;
  responseBody: string;
}

const XML = 'text/xml; charset=utf-8';
const REALM = 'Basic realm="GovPay pagoPA station", charset="UTF-8"';

/**
 * The paForNode station: SOAP 1.1 over POST, the operation named by SOAPAction; `GET ?wsdl` serves
 * the WSDL. The Nodo is authenticated before its body is read; what is not a paForNode request
 * gets a SOAP Fault, a request of a known operation always gets that operation's response: OK with
 * the domain's data, or KO with the fault (PAA_SINTASSI_XSD for XML that fails the schema, the
 * domain's PagoPaFault, PAA_SYSTEM_ERROR for anything unexpected).
 */
export function stationRouter(options: StationRouterOptions): Router {
  const { service, authenticate, log } = options;
  const description = serviceDescription();
  const metrics = stationMetrics(options.registry);
  const router = Router();
  const tell = options.onExchange ?? (() => undefined);

  router.get('/', (req, res, next) => {
    const query = Object.keys(req.query).map((k) => k.toLowerCase());
    if (!query.includes('wsdl') && req.query.xsd !== XSD_QUERY) return next();
    const endpoint = requestedUrl(req, req.baseUrl + req.path.replace(/\/$/, ''));
    if (!endpoint) return void res.status(400).type('text/plain').send('Bad Host header');
    if (query.includes('wsdl')) res.type(XML).send(description.wsdl(endpoint));
    else res.type(XML).send(description.xsd);
  });

  router.post(
    '/',
    admit(options.admission, (req, res) => {
      metrics.count(operationOf(req), 'THROTTLED');
      res.status(503).set('Retry-After', '1').type(XML).send(soapFault('Server', 'the station is busy: retry in a second'));
    }),
    (req, res, next) => {
      res.locals.data = new Date();
      res.locals.start = performance.now();
      authenticate(req).then((caller) => {
        if (!caller) {
          metrics.count(operationOf(req), 'UNAUTHENTICATED');
          const body = soapFault('Client', "Authentication required: the Nodo's credentials are missing or wrong");
          res.status(401).set('WWW-Authenticate', REALM).type(XML).send(body);
          tell(exchange(req, res, { status: 401, outcome: 'UNAUTHENTICATED', body }, undefined, ''));
          return;
        }
        res.locals.caller = caller;
        next();
      }, next);
    },
    express.raw({ type: () => true, limit: options.bodyLimit }),
    async (req, res) => {
      const caller = res.locals.caller as StationCaller;
      const operation = operationOf(req);
      if (operation === 'unknown') {
        metrics.count(operation, 'SOAP_FAULT');
        const action = actionOf(req);
        const said = action === undefined ? 'no SOAPAction header' : `unknown SOAPAction "${writable(action)}"`;
        const body = soapFault('Client', `${said}: the station answers ${Object.keys(OPERATIONS).join(', ')}`);
        res.status(500).type(XML).send(body);
        return tell(exchange(req, res, { status: 500, outcome: 'SOAP_FAULT', body }, caller, req.body as Buffer));
      }
      const requestBody = Buffer.isBuffer(req.body) ? req.body : '';
      const reply = await working(res, () => answer(operation, requestBody, caller));
      metrics.count(operation, reply.outcome, reply.faultCode);
      res.status(reply.status).type(XML).send(reply.body);
      tell(exchange(req, res, reply, caller, requestBody));
    },
  );

  router.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const operation = operationOf(req);
    if (err.type === 'entity.too.large') {
      metrics.count(operation, 'SOAP_FAULT');
      return void res
        .status(413)
        .type(XML)
        .send(soapFault('Client', `the request body is larger than ${options.bodyLimit}`));
    }
    if (err instanceof RetryLaterError) {
      metrics.count(operation, 'THROTTLED');
      return void res.status(err.status).set('Retry-After', String(err.retryAfterSeconds)).type(XML).send(soapFault('Client', err.message));
    }
    if (err.status && err.status < 500) {
      metrics.count(operation, 'SOAP_FAULT');
      return void res
        .status(err.status)
        .type(XML)
        .send(soapFault('Client', `the request body could not be read: ${writable(err.message)}`));
    }
    const reference = randomUUID();
    log.error({ err, reference, operation }, 'station request failed');
    metrics.count(operation, 'SOAP_FAULT');
    res
      .status(500)
      .type(XML)
      .send(soapFault('Server', `internal error of the station (reference ${reference})`));
  });

  interface Reply {
    status: number;
    body: string;
    outcome: 'OK' | 'KO' | 'SOAP_FAULT' | 'UNAUTHENTICATED';
    faultCode?: PaaFaultCode;
    faultDescription?: string;
    request?: StationRequest;
  }

  const ko = (operation: Operation, code: PaaFaultCode, id: string, description: string, request?: StationRequest): Reply => ({
    status: 200,
    outcome: 'KO',
    faultCode: code,
    faultDescription: description,
    request,
    body: koResponse(operation, { faultCode: code, faultString: PAA_FAULTS[code], id, description: writable(description) }),
  });

  const exchange = (
    req: Request,
    res: Response,
    reply: Reply,
    caller: StationCaller | undefined,
    requestBody: Buffer | string,
  ): StationExchange => ({
    operation: operationOf(req),
    data: res.locals.data as Date,
    durataMs: performance.now() - (res.locals.start as number),
    caller,
    request: reply.request,
    requestBody,
    requestHeaders: req.headers,
    status: reply.status,
    outcome: reply.outcome,
    faultCode: reply.faultCode,
    faultDescription: reply.faultDescription,
    responseBody: reply.body,
  });

  async function answer(operation: Operation, body: Buffer | string, caller: StationCaller): Promise<Reply> {
    const parsed = parseSoap(body);
    if (!parsed.ok) return ko(operation, 'PAA_SINTASSI_XSD', caller.idIntermediario, parsed.error);
    const root = parsed.document.root;
    const expected = OPERATIONS[operation].request;
    if (root.name !== expected) {
      const faultString = `SOAPAction "${operation}" does not match the body element ${writable(root.name)} (expected ${expected})`;
      return { status: 500, outcome: 'SOAP_FAULT', body: soapFault('Client', faultString) };
    }
    // Until the request is read, its idPA as sent is the best answer to who is answering.
    const idPA = root.children.find((c) => c.name === 'idPA' && !c.children.length)?.text || caller.idIntermediario;
    if (root.namespace !== PAFORNODE_NS) {
      return ko(
        operation,
        'PAA_SINTASSI_XSD',
        idPA,
        `${expected} must be in the namespace ${PAFORNODE_NS}, not ${root.namespace ?? 'none'}`,
      );
    }
    const read = readRequest(operation, root);
    if (!read.ok) return ko(operation, 'PAA_SINTASSI_XSD', idPA, read.problems.map((p) => `${p.path} ${p.message}`).join('; '));
    try {
      return { status: 200, outcome: 'OK', body: await dispatch(read.value, caller), request: read.value };
    } catch (e) {
      if (e instanceof PagoPaFault) return ko(operation, e.code, read.value.request.idPA, e.description, read.value);
      const reference = randomUUID();
      log.error({ err: e, reference, operation, idPA: read.value.request.idPA }, 'station operation failed');
      return ko(
        operation,
        'PAA_SYSTEM_ERROR',
        read.value.request.idPA,
        `Errore interno della stazione (riferimento ${reference}).`,
        read.value,
      );
    }
  }

  async function dispatch(r: StationRequest, caller: StationCaller): Promise<string> {
    switch (r.operation) {
      case 'paVerifyPaymentNotice':
        return verifyResponse(await service.verify(caller, r.request));
      case 'paGetPayment':
      case 'paGetPaymentV2': {
        const version = r.operation === 'paGetPaymentV2' ? 'V2' : 'V1';
        return getPaymentResponse(version, await service.getPayment(caller, r.request, version));
      }
      case 'paSendRT':
      case 'paSendRTV2':
        await service.sendRT(caller, r.request);
        return sendRTResponse(r.operation);
    }
  }

  return router;
}

/** The SOAPAction, quoted (as the WSDL's clients send it) or not. */
function actionOf(req: Request): string | undefined {
  const header = req.header('soapaction')?.trim();
  if (!header) return undefined;
  return header.replace(/^"(.*)"$/, '$1').trim() || undefined;
}

/** The operation the SOAPAction names, or `unknown`: a bounded label, never the header itself. */
function operationOf(req: Request): Operation | 'unknown' {
  const action = actionOf(req);
  return action !== undefined && Object.hasOwn(OPERATIONS, action) ? (action as Operation) : 'unknown';
}

/** The request's turn (core/admission.ts): ends when the connection closes, unless its answer is still being worked out. */
interface Turn {
  working: boolean;
  closed: boolean;
  end(): void;
}

/**
 * Waits for a turn before anything else (authentication reads the database too), or refuses the
 * request with `busy`. A caller that hangs up gives back its turn only when the work it started
 * ends: the work goes on, and counts.
 */
function admit(admission: Admission | undefined, busy: (req: Request, res: Response) => void) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!admission) return next();
    const turn: Turn = { working: false, closed: false, end: () => undefined };
    res.once('close', () => {
      turn.closed = true;
      if (!turn.working) turn.end();
    });
    const end = await admission.enter();
    if (!end) return busy(req, res);
    turn.end = end;
    // Closed while it waited (when the socket told us: an unread body can hide it): nothing to answer.
    if (turn.closed) return end();
    res.locals.turn = turn;
    next();
  };
}

/** Runs the request's work holding its turn, which a hung-up caller gives back only once the work is done. */
async function working<T>(res: Response, work: () => Promise<T>): Promise<T> {
  const turn = res.locals.turn as Turn | undefined;
  if (turn) turn.working = true;
  try {
    return await work();
  } finally {
    if (turn) {
      turn.working = false;
      if (turn.closed) turn.end();
    }
  }
}
