import type { EntityManager } from '@mikro-orm/core';
import type { Registry } from 'prom-client';
import type { Config } from '../../core/config';
import type { Journal } from '../../core/journal';
import type { Logger } from '../../core/logger';
import type { RegistraFlusso } from '../../subgraphs/riconciliazione/services';
import { AcquisizioneFlussi, type EsitoAcquisizione } from './acquisizione';
import { FdrClient } from './fdr-client';
import { acquisizioneMetrics } from './metrics';
import { NodoClient } from './nodo-client';
import type { SorgenteFlussi } from './sorgente';
import { sorgenteRegistrata } from './sorgente-registrata';
import { AcquisizionePeriodica } from './worker';

export type { EsitoAcquisizione } from './acquisizione';

export interface Rendicontazioni {
  /** A run now (the graph's acquisisciFlussiRendicontazione); undefined when the source is off. */
  acquisisci?: () => Promise<EsitoAcquisizione>;
  /** The periodic runs, when configured. */
  start(): void;
  stop(): Promise<void>;
}

export interface RendicontazioniDeps {
  em: EntityManager;
  registra: RegistraFlusso;
  owner: string;
  log: Logger;
  registry?: Registry;
  /** The station's password for the Nodo when configuration gives none (the simulator's demo station). */
  defaultNodoPassword?: string;
  /** Where the source's calls are recorded (the Giornale degli Eventi). */
  journal?: Journal;
}

/** The source the configuration names, or none. */
function sorgente(c: Config['rendicontazioni'], defaultNodoPassword: string | undefined): SorgenteFlussi | undefined {
  if (c.source === 'fdr') return new FdrClient({ url: c.fdr.url, apiKey: c.fdr.apiKey, timeoutMs: c.timeoutMs });
  if (c.source === 'nodo') {
    const password = c.nodo.password ?? defaultNodoPassword ?? '';
    return new NodoClient({ url: c.nodo.url, password, apiKey: c.nodo.apiKey, timeoutMs: c.timeoutMs });
  }
  return undefined;
}

/**
 * The acquisition of reporting flows as configured (RENDICONTAZIONI_*): the on-demand run the
 * graph's mutation calls, and the periodic one.
 */
export function rendicontazioni(config: Config['rendicontazioni'], deps: RendicontazioniDeps): Rendicontazioni {
  const bare = sorgente(config, deps.defaultNodoPassword);
  if (!bare) return { start: () => undefined, stop: async () => undefined };
  const source = deps.journal ? sorgenteRegistrata(bare, deps.journal, bare.nome === 'NODO' ? config.nodo.url : config.fdr.url) : bare;
  const acquisizione = new AcquisizioneFlussi({
    em: deps.em,
    sorgente: source,
    registra: deps.registra,
    owner: deps.owner,
    leaseMs: config.leaseMs,
    log: deps.log.child({ component: 'rendicontazioni' }),
    metrics: acquisizioneMetrics(deps.registry),
  });
  const periodica = config.intervalMs ? new AcquisizionePeriodica(acquisizione, deps.log, config.intervalMs) : undefined;
  return {
    acquisisci: () => acquisizione.esegui(),
    start: () => periodica?.start(),
    stop: async () => periodica?.stop(),
  };
}
