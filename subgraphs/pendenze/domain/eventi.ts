import { randomUUID } from 'node:crypto';
import type { HubEvent } from '../../../core/events';
import type { NuovoJob } from '../../../schema/outbox';

/** A pendenza as its event names it: keys, the filter fields of subscriptions, and its state after the change. */
export interface PendenzaCambiata {
  idDominio: string;
  idA2A: string;
  idPendenza: string;
  idTipoPendenza: string;
  stato: string;
}

/**
 * How a writer announces its changes: `subito`, one job per write, published as soon as it
 * commits (the APIs, payments); `in-blocco`, the job joins the bulk lane the outbox worker
 * publishes at a bounded pace (a tracciato's rows), so that a load of thousands never floods the
 * subscribers nor delays the announcements of single writes.
 */
export type Annuncio = 'subito' | 'in-blocco';

export const pendenzaAggiornata = (p: PendenzaCambiata, at = new Date()): HubEvent => ({
  v: 1,
  tipo: 'pendenzaAggiornata',
  idDominio: p.idDominio,
  idA2A: p.idA2A,
  idPendenza: p.idPendenza,
  idTipoPendenza: p.idTipoPendenza,
  stato: p.stato,
  at: at.toISOString(),
});

/**
 * The outbox job that announces one change of a pendenza: `chiave` names the change when its
 * cause has a key of its own (a receipt), else every write is a change of its own.
 */
export function eventoPendenza(p: PendenzaCambiata, annuncio: Annuncio = 'subito', chiave?: string): NuovoJob {
  const evento = pendenzaAggiornata(p);
  const key = chiave ?? `evento:pendenzaAggiornata:${p.idA2A}:${p.idPendenza}:${randomUUID()}`;
  return annuncio === 'subito' ? { tipo: 'EVENTO', chiave: key, payload: evento } : eventiPendenze([p], key);
}

/** One job announcing many changes (a tracciato's chunk), for the bulk lane. */
export function eventiPendenze(changed: PendenzaCambiata[], chiave: string): NuovoJob {
  const at = new Date();
  return { tipo: 'EVENTI', chiave, payload: { eventi: changed.map((p) => pendenzaAggiornata(p, at)) } };
}
