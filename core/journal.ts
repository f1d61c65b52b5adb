import { Counter, type Registry } from 'prom-client';
import type { Logger } from './logger';
import {
  type CategoriaEvento,
  type Componente,
  type EsitoEvento,
  type GiornaleEventi,
  type RuoloEvento,
  decisione,
} from './journal-policy';
import { messaggio, type Messaggio, type MessaggioRegistrato } from './journal-message';

export {
  CATEGORIE_EVENTO,
  COMPONENTI,
  ESITI_EVENTO,
  RUOLI_EVENTO,
  type CategoriaEvento,
  type Componente,
  type EsitoEvento,
  type RuoloEvento,
} from './journal-policy';

/** One exchange as an entrance (REST, the station) or an outbound client saw it. */
export interface Scambio {
  componente: Componente;
  ruolo: RuoloEvento;
  /** The operation (GovPay's operation id: paVerifyPaymentNotice, getPendenza…). */
  tipoEvento: string;
  sottotipoEvento?: string;
  /** A read (GovPay's "letture") or a change ("scritture"): the configuration treats them apart. */
  scrittura: boolean;
  esito: EsitoEvento;
  /** The HTTP status or the pagoPA fault code. */
  sottotipoEsito?: string;
  dettaglioEsito?: string;
  data: Date;
  durataEvento: number;
  idDominio?: string | null;
  iuv?: string | null;
  ccp?: string | null;
  idA2A?: string | null;
  idPendenza?: string | null;
  idSessione?: string | null;
  /** Who called the hub, for its own servers. */
  principal?: string | null;
  /** Built only when the configuration keeps this exchange's messages. */
  richiesta?: () => Messaggio;
  risposta?: () => Messaggio;
}

/** A row of the eventi table, as the writer receives it. */
export interface EventoRegistrato {
  componente: Componente;
  /** Extract, so that a value outside GovPay's categories (which the graph's enum would refuse) fails the build. */
  categoriaEvento: Extract<CategoriaEvento, 'INTERFACCIA'>;
  ruolo: RuoloEvento;
  tipoEvento: string;
  sottotipoEvento: string | null;
  esito: EsitoEvento;
  sottotipoEsito: string | null;
  dettaglioEsito: string | null;
  data: Date;
  durataEvento: number;
  idDominio: string | null;
  iuv: string | null;
  ccp: string | null;
  idA2A: string | null;
  idPendenza: string | null;
  idSessione: string | null;
  principal: string | null;
  severita: number | null;
  clusterId: string;
  parametriRichiesta: MessaggioRegistrato | null;
  parametriRisposta: MessaggioRegistrato | null;
}

export interface JournalOptions {
  /** The configuration in force now (read with a short TTL by whoever hands it). */
  configurazione: () => GiornaleEventi;
  /** Writes one batch (a multi-row INSERT); a rejection counts the batch as lost. */
  write: (rows: EventoRegistrato[]) => Promise<void>;
  /** Events waiting beyond this are dropped and counted, never queued without bound. */
  maxBuffer: number;
  /** A batch is written at most this long after its first event, or as soon as it holds batchSize. */
  flushMs: number;
  batchSize: number;
  /** The largest message body kept, in bytes (the rest is cut). */
  bodyMaxBytes: number;
  clusterId: string;
  log: Logger;
  registry?: Registry;
}

/** The events of a FAIL or KO, as GovPay grades them (0 OK, higher worse). */
const SEVERITA: Record<EsitoEvento, number> = { OK: 0, KO: 2, FAIL: 5 };

/**
 * The Giornale degli Eventi off the request path (DESIGN §4b): an exchange only pushes a small
 * record into memory; a writer flushes them in batches. A full buffer drops and counts, a failed
 * write counts and logs once per burst, and neither ever fails the exchange that was recorded.
 * Closing writes what is left.
 */
export class Journal {
  private buffer: EventoRegistrato[] = [];
  private timer?: NodeJS.Timeout;
  private writing?: Promise<void>;
  private failing = false;
  private closed = false;
  private readonly written?: Counter;
  private readonly lost?: Counter<'motivo'>;

  constructor(private readonly options: JournalOptions) {
    if (options.registry) {
      this.written = new Counter({
        name: 'govpay_giornale_eventi_scritti_total',
        help: 'Events of the Giornale degli Eventi written to the database',
        registers: [options.registry],
      });
      this.lost = new Counter({
        name: 'govpay_giornale_eventi_persi_total',
        help: 'Events of the Giornale degli Eventi lost: buffer full (buffer) or database write failed (scrittura)',
        labelNames: ['motivo'],
        registers: [options.registry],
      });
      this.lost.inc({ motivo: 'buffer' }, 0);
      this.lost.inc({ motivo: 'scrittura' }, 0);
    }
  }

  /** Records an exchange, if the configuration asks for it; never throws. */
  record(s: Scambio): void {
    try {
      const scelta = decisione(this.options.configurazione(), s.componente, s.scrittura, s.esito);
      if (!scelta.log || this.closed) return;
      if (this.buffer.length >= this.options.maxBuffer) {
        this.lost?.inc({ motivo: 'buffer' });
        return;
      }
      const max = this.options.bodyMaxBytes;
      this.buffer.push({
        componente: s.componente,
        categoriaEvento: 'INTERFACCIA',
        ruolo: s.ruolo,
        tipoEvento: s.tipoEvento.slice(0, 100),
        sottotipoEvento: s.sottotipoEvento ?? null,
        esito: s.esito,
        sottotipoEsito: s.sottotipoEsito?.slice(0, 60) ?? null,
        dettaglioEsito: s.dettaglioEsito?.slice(0, 1000) ?? null,
        data: s.data,
        durataEvento: Math.max(0, Math.round(s.durataEvento)),
        idDominio: cut(s.idDominio),
        iuv: cut(s.iuv),
        ccp: cut(s.ccp),
        idA2A: cut(s.idA2A),
        idPendenza: cut(s.idPendenza),
        idSessione: s.idSessione?.slice(0, 100) ?? null,
        principal: s.principal?.slice(0, 255) ?? null,
        severita: SEVERITA[s.esito],
        clusterId: this.options.clusterId,
        parametriRichiesta: scelta.dump && s.richiesta ? messaggio(s.richiesta(), max) : null,
        parametriRisposta: scelta.dump && s.risposta ? messaggio(s.risposta(), max) : null,
      });
      if (this.buffer.length >= this.options.batchSize) this.schedule(0);
      else this.schedule(this.options.flushMs);
    } catch (e) {
      this.options.log.warn({ err: e }, 'giornale degli eventi: an exchange could not be recorded');
    }
  }

  /** Writes everything buffered so far (and waits for a write in progress). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, this.options.batchSize);
      this.writing = this.write(batch);
      await this.writing;
      this.writing = undefined;
    }
  }

  /** Stops taking events and writes the ones waiting. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private schedule(ms: number): void {
    if (this.timer && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.writing) void this.flush();
    }, ms);
    this.timer.unref();
  }

  private async write(batch: EventoRegistrato[]): Promise<void> {
    try {
      await this.options.write(batch);
      this.written?.inc(batch.length);
      if (this.failing) this.options.log.info('giornale degli eventi: writing again');
      this.failing = false;
    } catch (e) {
      this.lost?.inc({ motivo: 'scrittura' }, batch.length);
      // Once per burst: a database that is down would otherwise log every few hundred ms.
      if (!this.failing)
        this.options.log.error({ err: e, persi: batch.length }, 'giornale degli eventi: a batch could not be written, its events are lost');
      this.failing = true;
    }
  }
}

const cut = (v: string | null | undefined) => (v ? v.slice(0, 35) : null);

/**
 * The journal of the hub an EntityManager belongs to, for the code that calls outside with only an
 * EntityManager at hand (the Ente's connector): one per MikroORM instance, so hubs sharing a
 * process (tests) keep theirs apart.
 */
const journals = new WeakMap<object, Journal>();

export function attachJournal(em: { config: object }, journal: Journal): void {
  journals.set(em.config, journal);
}

export function journalOf(em: { config: object }): Journal | undefined {
  return journals.get(em.config);
}

/** Times an outbound call and records it (a rejection as `failure` grades it, FAIL by default): the helper every client wrapper uses. */
export async function journaled<T>(
  journal: Journal | undefined,
  base: Omit<Scambio, 'esito' | 'data' | 'durataEvento' | 'ruolo'>,
  call: () => Promise<T>,
  outcome: (result: T) => Pick<Scambio, 'esito' | 'sottotipoEsito' | 'dettaglioEsito' | 'risposta'>,
  failure: (e: unknown) => Pick<Scambio, 'esito' | 'sottotipoEsito'> = () => ({ esito: 'FAIL' }),
): Promise<T> {
  if (!journal) return call();
  const data = new Date();
  const start = performance.now();
  try {
    const result = await call();
    journal.record({ ...base, ruolo: 'CLIENT', data, durataEvento: performance.now() - start, ...outcome(result) });
    return result;
  } catch (e) {
    journal.record({
      ...base,
      ruolo: 'CLIENT',
      data,
      durataEvento: performance.now() - start,
      dettaglioEsito: (e as Error).message,
      ...failure(e),
    });
    throw e;
  }
}

/** GovPay's esito of an HTTP status: OK for 2xx (and 3xx), KO for 4xx, FAIL for 5xx. */
export const esitoHttp = (status: number): EsitoEvento => (status >= 500 ? 'FAIL' : status >= 400 ? 'KO' : 'OK');
