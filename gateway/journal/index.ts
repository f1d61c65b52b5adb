import type { MikroORM } from '@mikro-orm/core';
import type { Registry } from 'prom-client';
import type { Config } from '../../core/config';
import { attachJournal, Journal, type Componente, type EventoRegistrato } from '../../core/journal';
import type { Logger } from '../../core/logger';
import { RowInserter } from '../../core/row-inserter';
import { Evento } from '../../schema/entities';
import { GiornaleCorrente } from './configurazione';
import { PurgaGiornale } from './purge';
import { journalRest } from './rest';
import { journalStation } from './station';

export type { Riferimenti } from './rest';

const COLUMNS = [
  'componente',
  'categoriaEvento',
  'ruolo',
  'tipoEvento',
  'sottotipoEvento',
  'esito',
  'sottotipoEsito',
  'dettaglioEsito',
  'data',
  'durataEvento',
  'idDominio',
  'iuv',
  'ccp',
  'idA2A',
  'idPendenza',
  'idSessione',
  'principal',
  'severita',
  'clusterId',
  'parametriRichiesta',
  'parametriRisposta',
] as const satisfies readonly (keyof Evento & keyof EventoRegistrato)[];

/**
 * The hub's Giornale degli Eventi, assembled: the journal (buffer and batch writer), the
 * configuration it follows, what wraps each entrance (a REST API's mount, the station) and the purge.
 * Off (GIORNALE_EVENTI=false), the entrances are left bare.
 */
export class Giornale {
  readonly journal?: Journal;
  readonly corrente: GiornaleCorrente;
  readonly purge: PurgaGiornale;

  constructor(config: Config, orm: MikroORM, log: Logger, registry: Registry, owner: string) {
    this.corrente = new GiornaleCorrente(orm.em, config.giornale.defaults, config.configurazioneTtlMs, log);
    this.purge = new PurgaGiornale(orm.em, {
      retentionDays: config.giornale.retentionDays,
      intervalMs: config.giornale.purgeIntervalMs,
      owner,
      log,
    });
    if (!config.giornale.enabled) return;
    const inserter = new RowInserter(orm.em, Evento, COLUMNS);
    this.journal = new Journal({
      configurazione: this.corrente.get,
      write: async (rows) => void (await inserter.insert(orm.em.fork(), rows)),
      maxBuffer: config.giornale.bufferMax,
      flushMs: config.giornale.flushMs,
      batchSize: config.giornale.batchSize,
      bodyMaxBytes: config.giornale.bodyMaxBytes,
      clusterId: owner,
      log,
      registry,
    });
    attachJournal(orm.em, this.journal);
  }

  /** The middleware recording one REST API's calls, mounted in front of its router. */
  rest(componente: Componente) {
    const journal = this.journal;
    return journal ? [journalRest(journal, componente, this.corrente.get)] : [];
  }

  /** The station router's hook. */
  get station() {
    return this.journal ? journalStation(this.journal) : undefined;
  }

  async start(): Promise<void> {
    await this.corrente.refresh();
    this.purge.start();
  }

  async close(): Promise<void> {
    await this.purge.stop();
    await this.journal?.close();
  }
}
