import type { HubEvent, HubEventType } from '../../core/events';
import { can, inScope, type Principal, type Servizio } from '../../core/principal';
import { pagamentoGlobalId } from '../pagamenti/services';

type EventOf<T extends HubEventType> = Extract<HubEvent, { tipo: T }>;

/**
 * One subscription field fed by one event tipo: what a subscriber may ask for, which events it
 * receives, and the query through the graph that turns an event into the subscriber's selection.
 */
export interface Topic<T extends HubEventType = HubEventType> {
  tipo: T;
  /** The field on `Subscription` (esiti's SDL is made from these), its arguments and (non-null) result type. */
  field: string;
  description: string;
  args: Record<string, TopicArg>;
  type: string;
  /** The ACL right (read) a subscriber needs to subscribe at all. */
  right: Servizio;
  /**
   * The root query field that reads the event's object, and its arguments taken from the event.
   * The arguments are also the result type's federation key: the esiti subgraph returns the
   * object as a reference by them, which its owning subgraph resolves.
   */
  query: { field: string; args: Record<string, { type: string; from: (e: EventOf<T>) => string }> };
  /** Whether the event passes the subscriber's own arguments. */
  matches(e: EventOf<T>, args: Record<string, unknown>): boolean;
  /** Whether the event concerns a dominio and tipo pendenza the subscriber may see. */
  visibleTo(p: Principal, e: EventOf<T>): boolean;
}

/** An argument of a subscription field: its SDL type and doc. */
export interface TopicArg {
  type: string;
  description: string;
}

const ID_DOMINIO: TopicArg = { type: 'String', description: 'Only events of this dominio (the Ente creditore).' };

const given = (args: Record<string, unknown>, name: string, value: string | null) =>
  args[name] === undefined || args[name] === null || args[name] === value;

const pendenzaAggiornata: Topic<'pendenzaAggiornata'> = {
  tipo: 'pendenzaAggiornata',
  field: 'pendenzaAggiornata',
  description:
    "A pendenza created, updated, cancelled, restored or paid (by the APIs, a tracciato or a receipt), optionally only of one dominio or applicazione. A tracciato's rows arrive at a bounded pace after their chunk commits.",
  args: { idDominio: ID_DOMINIO, idA2A: { type: 'String', description: 'Only pendenze of this applicazione.' } },
  type: 'Pendenza',
  right: 'Pendenze',
  query: {
    field: 'pendenza',
    args: { idA2A: { type: 'ID!', from: (e) => e.idA2A }, idPendenza: { type: 'ID!', from: (e) => e.idPendenza } },
  },
  matches: (e, args) => given(args, 'idDominio', e.idDominio) && given(args, 'idA2A', e.idA2A),
  visibleTo: (p, e) => inScope(p.domini, e.idDominio) && inScope(p.tipiPendenza, e.idTipoPendenza),
};

const ricevutaRegistrata: Topic<'ricevutaRegistrata'> = {
  tipo: 'ricevutaRegistrata',
  field: 'ricevutaRegistrata',
  description: 'A payment receipt recorded from pagoPA, optionally only of one dominio.',
  args: { idDominio: ID_DOMINIO },
  type: 'Rpp',
  right: 'Pagamenti',
  query: {
    field: 'rpp',
    args: {
      idDominio: { type: 'ID!', from: (e) => e.idDominio },
      iuv: { type: 'ID!', from: (e) => e.iuv },
      ccp: { type: 'ID!', from: (e) => e.idRicevuta },
    },
  },
  matches: (e, args) => given(args, 'idDominio', e.idDominio),
  // A receipt without a pendenza of the hub (paid on a position the Ente verified) has no tipo to check.
  visibleTo: (p, e) => inScope(p.domini, e.idDominio) && (e.idTipoPendenza === null || inScope(p.tipiPendenza, e.idTipoPendenza)),
};

/** The payment's global id, from the GovPay idPagamento the event carries. */
const pagamentoId = (e: EventOf<'pagamentoAggiornato'>) => pagamentoGlobalId(e.id);

const pagamentoAggiornato: Topic<'pagamentoAggiornato'> = {
  tipo: 'pagamentoAggiornato',
  field: 'pagamentoAggiornato',
  description:
    'A payment started on a portal that changed (started, failed, a receipt of its cart, the return from Checkout, closed), optionally only one payment (id) or those of one dominio.',
  args: { id: { type: 'ID', description: 'Only this payment (its global id, Pagamento.id).' }, idDominio: ID_DOMINIO },
  type: 'Pagamento',
  right: 'Pagamenti',
  query: { field: 'pagamento', args: { id: { type: 'ID!', from: (e) => pagamentoId(e) } } },
  matches: (e, args) => given(args, 'id', pagamentoId(e)) && (typeof args.idDominio !== 'string' || e.domini.includes(args.idDominio)),
  // As the graph reads sessions: an applicazione its own, an operatore those wholly in its scope.
  visibleTo: (p, e) =>
    p.kind === 'applicazione'
      ? e.idA2A === p.id
      : e.domini.every((d) => inScope(p.domini, d)) && e.tipiPendenza.every((t) => inScope(p.tipiPendenza, t)),
};

const flussoRendicontazioneAcquisito: Topic<'flussoRendicontazioneAcquisito'> = {
  tipo: 'flussoRendicontazioneAcquisito',
  field: 'flussoRendicontazioneAcquisito',
  description: 'A reporting flow (or a new revision of one) stored, optionally only of one dominio.',
  args: { idDominio: ID_DOMINIO },
  type: 'FlussoRendicontazione',
  right: 'Rendicontazioni e Incassi',
  query: { field: 'flussoRendicontazione', args: { id: { type: 'ID!', from: (e) => e.id } } },
  matches: (e, args) => given(args, 'idDominio', e.idDominio),
  visibleTo: (p, e) => inScope(p.domini, e.idDominio),
};

const riconciliazioneRegistrata: Topic<'riconciliazioneRegistrata'> = {
  tipo: 'riconciliazioneRegistrata',
  field: 'riconciliazioneRegistrata',
  description: 'A bank entry reconciled (riconcilia), optionally only of one dominio.',
  args: { idDominio: ID_DOMINIO },
  type: 'Riconciliazione',
  right: 'Rendicontazioni e Incassi',
  query: {
    field: 'riconciliazione',
    args: {
      idDominio: { type: 'ID!', from: (e) => e.idDominio },
      idRiconciliazione: { type: 'ID!', from: (e) => e.idRiconciliazione },
    },
  },
  matches: (e, args) => given(args, 'idDominio', e.idDominio),
  visibleTo: (p, e) => inScope(p.domini, e.idDominio),
};

/** Every subscription the hub knows: the esiti subgraph's `Subscription` type, one field each. */
export const TOPICS: Topic[] = [
  pendenzaAggiornata,
  ricevutaRegistrata,
  pagamentoAggiornato,
  flussoRendicontazioneAcquisito,
  riconciliazioneRegistrata,
] as Topic[];

/** Whether this event feeds this topic and may reach this subscriber with these arguments. */
export function delivers(topic: Topic, e: HubEvent, args: Record<string, unknown>, p: Principal): boolean {
  const t = topic as Topic<typeof e.tipo>;
  return e.tipo === topic.tipo && t.matches(e as never, args) && t.visibleTo(p, e as never);
}

/** Whether a principal may hold this subscription: the topic's read right, and the dominio it names in scope. */
export function allows(topic: Topic, p: Principal, args: Record<string, unknown>): boolean {
  const dominio = args.idDominio;
  return can(p, topic.right, 'R') && (typeof dominio !== 'string' || inScope(p.domini, dominio));
}

/** The event's object as a federation reference: its type and key fields (the query's arguments). */
export function referenceOf(topic: Topic, e: HubEvent): Record<string, string> {
  const key = Object.entries(topic.query.args).map(([name, a]) => [name, a.from(e as never)]);
  return { __typename: topic.type, ...Object.fromEntries(key) };
}
