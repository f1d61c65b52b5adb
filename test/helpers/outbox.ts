import type { EntityManager } from '@mikro-orm/core';
import type { EventBus } from '../../core/events';
import { createLogger } from '../../core/logger';
import type { NuovoJob } from '../../subgraphs/pagamenti/domain/outbox';
import { OutboxWorker, type OutboxWorkerOptions } from '../../subgraphs/pagamenti/domain/outbox-worker';
import { notificaJob } from '../../subgraphs/pagamenti/ente/notifica';
import { nuovaPendenza } from './fixtures';
import { basic, call, IDA2A01 } from './http';
import { DOMINIO, insertPaidRpp } from './rpp';

const silent = createLogger('silent');

/**
 * The outbox workers of one test file, started on the test's terms: silent, on the test's clock,
 * looking only when kicked and at start (each retry is a decision of the test); `stopAll` after
 * each test.
 */
export class TestWorkers {
  private readonly running: OutboxWorker[] = [];

  constructor(private readonly defaults: { owner: string; leaseMs: number; now: () => Date }) {}

  start(em: EntityManager, bus: EventBus, opts: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
    const w = new OutboxWorker(em, bus, silent, {
      owner: `${this.defaults.owner}-${this.running.length}`,
      pollMs: 3_600_000,
      leaseMs: this.defaults.leaseMs,
      notifyTimeoutMs: 5000,
      now: this.defaults.now,
      ...opts,
    });
    this.running.push(w);
    w.start();
    return w;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.running.splice(0).map((w) => w.stop()));
  }
}

/** A pendenza loaded through the hub and paid (its receipt written straight): the Ente's notification of it, not yet committed. */
export async function paidNotification(baseUrl: string, em: EntityManager, idPendenza: string): Promise<NuovoJob> {
  const r = await call(baseUrl, 'PUT', `/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/${idPendenza}`, {
    auth: basic(IDA2A01),
    body: nuovaPendenza(idPendenza),
  });
  if (r.status !== 201) throw new Error(`PUT of ${idPendenza} answered ${r.status}`);
  const rpp = await insertPaidRpp(em, { idPendenza });
  return notificaJob({ idDominio: DOMINIO, iuv: rpp.iuv, ccp: rpp.ccp });
}
