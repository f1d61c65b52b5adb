import type { Logger } from '../../core/logger';
import { PollingWorker } from '../../core/polling-worker';
import type { AcquisizioneFlussi } from './acquisizione';

/** The periodic acquisition: a run at start, then every `intervalMs`; the lease keeps it to one instance. */
export class AcquisizionePeriodica extends PollingWorker {
  constructor(
    private readonly acquisizione: AcquisizioneFlussi,
    log: Logger,
    intervalMs: number,
  ) {
    super(log, { name: 'reporting flows acquisition', pollMs: intervalMs });
  }

  protected async drain(): Promise<void> {
    await this.acquisizione.esegui();
  }
}
