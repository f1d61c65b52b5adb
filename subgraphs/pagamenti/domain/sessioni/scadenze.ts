import type { EntityManager } from '@mikro-orm/core';
import { PagamentoPortale } from '../../../../schema/entities';
import type { Logger } from '../../../../core/logger';
import { PollingWorker } from '../../../../core/polling-worker';
import { transaction } from '../../../../core/transaction';
import { outboxSignal } from '../outbox';
import { salvaSessione, sessionePerModifica } from './sessione';

export interface ChiusuraOptions {
  pollMs: number;
  /** How long a session stays open (PAYMENT_SESSION_TIMEOUT_SECONDS), for the text of its closure. */
  sessionTimeoutMs: number;
  /** The worker's clock (tests move it instead of waiting). */
  now?: () => Date;
}

const LOTTO = 100;

/** GovPay's words for a session closed by its timeout. */
export function descrizioneScadenza(timeoutMs: number): string {
  const seconds = Math.round(timeoutMs / 1000);
  const durata = seconds % 60 === 0 ? `${seconds / 60} minuti` : `${seconds} secondi`;
  return `Tentativo di pagamento scaduto dopo timeout di ${durata}.`;
}

/**
 * Closes carts abandoned at Checkout: a session still IN_CORSO past its expiry becomes
 * NON_ESEGUITO (ESEGUITO_PARZIALE when some of its pendenze were paid), its pendenze free to be
 * paid again. Any number of instances may sweep: each session is closed in a transaction that
 * locks its row and re-checks that it is still open and expired, so one instance closes it and
 * the others find nothing to do. A receipt that arrives afterwards still counts (see ricevute).
 */
export class ChiusuraSessioniScadute extends PollingWorker {
  private readonly now: () => Date;

  constructor(
    private readonly root: EntityManager,
    log: Logger,
    private readonly options: ChiusuraOptions,
  ) {
    super(log, { name: 'payment session sweep', pollMs: options.pollMs });
    this.now = options.now ?? (() => new Date());
  }

  protected async drain(stopping: () => boolean): Promise<void> {
    const chiuse = await chiudiSessioniScadute(this.root, this.options.sessionTimeoutMs, stopping, this.now);
    if (chiuse) this.log.info({ chiuse }, 'abandoned payment sessions closed');
  }
}

/**
 * One sweep of the abandoned carts, in batches, until none is left or `stopping` says so: the
 * worker's, and GovPay's on-demand operation chiusuraRptScadute. Returns how many it closed.
 */
export async function chiudiSessioniScadute(
  root: EntityManager,
  sessionTimeoutMs: number,
  stopping: () => boolean = () => false,
  clock: () => Date = () => new Date(),
): Promise<number> {
  const descrizione = descrizioneScadenza(sessionTimeoutMs);
  let after = 0;
  let totale = 0;
  while (!stopping()) {
    const now = clock();
    const scadute = await root
      .fork()
      .find(
        PagamentoPortale,
        { stato: 'IN_CORSO', scadenza: { $lt: now }, id: { $gt: after } },
        { fields: ['id'], orderBy: { id: 'ASC' }, limit: LOTTO },
      );
    let chiuse = 0;
    for (const { id } of scadute) {
      after = id;
      if (await transaction(root, (tx) => chiudiScaduta(tx, id, now, descrizione))) chiuse++;
    }
    if (chiuse) outboxSignal(root).emit('enqueued');
    totale += chiuse;
    if (scadute.length < LOTTO) break;
  }
  return totale;
}

async function chiudiScaduta(tx: EntityManager, id: number, now: Date, descrizione: string): Promise<boolean> {
  const s = await sessionePerModifica(tx, { id });
  if (!s || s.stato !== 'IN_CORSO' || s.scadenza >= now) return false;
  for (const v of s.pendenze.getItems()) if (v.esito === 'IN_CORSO') v.esito = 'NON_ESEGUITO';
  s.descrizioneStato = descrizione;
  await salvaSessione(tx, s);
  return true;
}
