import { z } from 'zod';
import { History } from '../flow/history';
import type { EnteCallRecord } from './received';

const answer = z.strictObject({
  status: z.number().int().min(100).max(599),
  /** JSON to send back; absent: an empty body. */
  body: z.unknown().optional(),
  /** Wait this long before answering: a slow Ente (the hub's timeouts). */
  delayMs: z.number().int().min(0).max(60_000).default(0),
});
export type EnteAnswer = z.output<typeof answer>;

/** `PUT /api/ente/risposte`: how the Ente answers from now on; null: as by default. */
export const answersRequestSchema = z.strictObject({ verifica: answer.nullable().optional(), notifica: answer.nullable().optional() });

/**
 * By default the Ente knows no position (GovPay's expectation for a notice the Ente did not issue:
 * 404, the station then tells the PSP PAA_PAGAMENTO_SCONOSCIUTO) and takes every notification (201,
 * "notifica acquisita" in both APIs).
 */
const DEFAULTS: Record<'verifica' | 'notifica', EnteAnswer> = {
  verifica: {
    status: 404,
    body: { categoria: 'RICHIESTA', codice: 'SCONOSCIUTA', descrizione: 'Pendenza sconosciuta all\u2019Ente' },
    delayMs: 0,
  },
  notifica: { status: 201, delayMs: 0 },
};

/**
 * The Ente's system as the simulator plays it: what the hub asked (verify) and told it
 * (notifications), newest first and bounded like every record of the simulator, and how it
 * answers, which a test or a demo can change.
 */
export class Ente {
  readonly notifiche: History<EnteCallRecord>;
  readonly verifiche: History<EnteCallRecord>;
  private answers: Partial<Record<'verifica' | 'notifica', EnteAnswer>> = {};

  constructor(historyLimit: number) {
    this.notifiche = new History(historyLimit);
    this.verifiche = new History(historyLimit);
  }

  answerTo(kind: 'verifica' | 'notifica'): EnteAnswer {
    return this.answers[kind] ?? DEFAULTS[kind];
  }

  /** Sets the answers named (null: back to the default) and returns them all. */
  setAnswers(request: z.output<typeof answersRequestSchema>): Record<'verifica' | 'notifica', EnteAnswer> {
    for (const kind of ['verifica', 'notifica'] as const) {
      const next = request[kind];
      if (next === null) delete this.answers[kind];
      else if (next) this.answers[kind] = next;
    }
    return { verifica: this.answerTo('verifica'), notifica: this.answerTo('notifica') };
  }
}
