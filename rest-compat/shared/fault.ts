import type { NextFunction, Request, Response } from 'express';
import { DomainError, errors, internalFault, RetryLaterError } from '../../core/errors';
import type { Logger } from '../../core/logger';

export function sendFault(res: Response, e: DomainError): void {
  if (e instanceof RetryLaterError) res.set('Retry-After', String(e.retryAfterSeconds));
  res.status(e.status).type('application/json').json(e.fault);
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * The last middleware of every GovPay API: whatever went wrong becomes GovPay's FaultBean with
 * the right status, and nothing unexpected leaks beyond GovPay's generic 500 naming the log's reference.
 */
export function faultHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (err instanceof DomainError) return sendFault(res, err);
    const e = err as BodyParserError;
    switch (e?.type) {
      case 'entity.parse.failed':
        return sendFault(res, errors.syntax(`Il messaggio ricevuto non e' un JSON valido: ${e.message}`));
      case 'entity.too.large':
        return sendFault(res, new DomainError(413, { ...errors.syntax('').fault, dettaglio: `Il messaggio supera la dimensione massima ammessa (${e.limit} byte).` }));
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return sendFault(res, new DomainError(415, { ...errors.syntax('').fault, dettaglio: e.message }));
    }
    sendFault(res, internalFault(log, err, 'unexpected error in REST compat', { method: req.method, url: req.originalUrl }));
  };
}
