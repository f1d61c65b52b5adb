import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';

/**
 * The hub's one error model. Domain code throws DomainError; each edge renders it in its own
 * dialect: the graph in `extensions`, rest-compat as GovPay's FaultBean, the station as a PAA fault.
 */
export type Categoria = 'AUTORIZZAZIONE' | 'RICHIESTA' | 'OPERAZIONE' | 'PAGOPA' | 'EC' | 'INTERNO';

export interface FaultBean {
  categoria: Categoria;
  codice: string;
  descrizione: string;
  dettaglio?: string;
  /** GovPay's FaultBeanEsteso: the payment session the refused request left behind (FALLITO), and its path. */
  id?: string;
  location?: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly fault: FaultBean,
  ) {
    super(fault.dettaglio ?? fault.descrizione);
    this.name = 'DomainError';
  }

  get extensions(): Record<string, unknown> {
    return { code: this.fault.codice, status: this.status, ...this.fault };
  }
}

export const RICHIESTA_NON_VALIDA = 'Richiesta non valida';

export const errors = {
  syntax: (dettaglio: string) =>
    new DomainError(400, { categoria: 'RICHIESTA', codice: 'SINTASSI', descrizione: RICHIESTA_NON_VALIDA, dettaglio }),
  badRequest: (codice: string, dettaglio: string) =>
    new DomainError(400, { categoria: 'RICHIESTA', codice, descrizione: RICHIESTA_NON_VALIDA, dettaglio }),
  unauthenticated: (dettaglio?: string) =>
    new DomainError(401, {
      categoria: 'AUTORIZZAZIONE',
      codice: '401000',
      descrizione: 'Utenza non autenticata',
      ...(dettaglio ? { dettaglio } : {}),
    }),
  forbidden: (dettaglio?: string) =>
    new DomainError(403, {
      categoria: 'AUTORIZZAZIONE',
      codice: '403000',
      descrizione: 'Operazione non autorizzata',
      ...(dettaglio ? { dettaglio } : {}),
    }),
  notFound: (dettaglio?: string) =>
    new DomainError(404, {
      categoria: 'OPERAZIONE',
      codice: '404000',
      descrizione: 'Risorsa non trovata',
      ...(dettaglio ? { dettaglio } : {}),
    }),
  unprocessable: (codice: string, dettaglio: string) =>
    new DomainError(422, { categoria: 'RICHIESTA', codice, descrizione: RICHIESTA_NON_VALIDA, dettaglio }),
  internal: (dettaglio?: string) =>
    new DomainError(500, {
      categoria: 'INTERNO',
      codice: '500000',
      descrizione: 'Errore interno',
      ...(dettaglio ? { dettaglio } : {}),
    }),
  /** Something the hub depends on (the database) is down: the request may succeed later. */
  unavailable: (dettaglio: string) =>
    new DomainError(503, { categoria: 'INTERNO', codice: '503000', descrizione: 'Servizio non disponibile', dettaglio }),
  /** A part of the hub in another process (a subgraph) did not answer in time. */
  timeout: (dettaglio: string) =>
    new DomainError(504, { categoria: 'INTERNO', codice: '504000', descrizione: 'Servizio non disponibile', dettaglio }),
};

/** A refusal the caller may retry after `retryAfterSeconds` (HTTP's Retry-After). */
export class RetryLaterError extends DomainError {
  constructor(
    status: number,
    fault: FaultBean,
    readonly retryAfterSeconds: number,
  ) {
    super(status, fault);
  }
}

/**
 * An unexpected failure: the whole of it goes to the log under a new reference, the caller gets
 * GovPay's generic fault naming only that reference, so nothing internal (SQL, hosts, stack)
 * leaks and an operator can still find what happened.
 */
export function internalFault(log: Pick<Logger, 'error'>, err: unknown, what: string, context: Record<string, unknown> = {}): DomainError {
  const reference = randomUUID();
  log.error({ ...context, err, reference }, what);
  return errors.internal(`Errore interno (riferimento ${reference}).`);
}

const CATEGORIE = new Set<string>(['AUTORIZZAZIONE', 'RICHIESTA', 'OPERAZIONE', 'PAGOPA', 'EC', 'INTERNO']);

/** Rebuilds a DomainError from the `extensions` a subgraph put on a GraphQL error, if it carries one. */
export function domainErrorFromExtensions(ext: Record<string, unknown> | undefined): DomainError | undefined {
  if (!ext || typeof ext.codice !== 'string' || typeof ext.status !== 'number') return undefined;
  if (typeof ext.categoria !== 'string' || !CATEGORIE.has(ext.categoria)) return undefined;
  return new DomainError(ext.status, {
    categoria: ext.categoria as Categoria,
    codice: ext.codice,
    descrizione: String(ext.descrizione ?? ''),
    ...(typeof ext.dettaglio === 'string' ? { dettaglio: ext.dettaglio } : {}),
    ...(typeof ext.id === 'string' ? { id: ext.id } : {}),
    ...(typeof ext.location === 'string' ? { location: ext.location } : {}),
  });
}
