import type { EntityManager } from '@mikro-orm/core';
import { fromGlobalId, toGlobalId } from '../../../core/global-id';
import { findPage, type Where } from '../../../core/find-page';
import { mapPage, type Page, type PageRequest } from '../../../core/paging';
import { requireRight, type Principal } from '../../../core/principal';
import { OutboxJob } from '../../../schema/entities';
import { signalCommitted } from '../../../schema/outbox';

/**
 * The notifications to the Ente's systems as operators see them (GovPay's Notifica): in the hub
 * each is an outbox job of tipo NOTIFICA_RICEVUTA, one per receipt. GovPay also notifies the
 * activation of a payment, its failure and its cancellation; the hub notifies receipts only, so
 * every notification is a RICEVUTA, and none is ever given up (ANNULLATA): it is retried until
 * the Ente's system takes it.
 */
export type StatoNotifica = 'DA_SPEDIRE' | 'SPEDITA' | 'ANNULLATA';
export type TipoNotifica = 'ATTIVAZIONE' | 'RICEVUTA' | 'ANNULLAMENTO' | 'FALLIMENTO';

export interface NotificheFilter {
  stato?: StatoNotifica[] | null;
  tipo?: TipoNotifica[] | null;
  dataDa?: Date | null;
  dataA?: Date | null;
}

export interface NotificaView {
  id: string;
  tipo: TipoNotifica;
  stato: StatoNotifica;
  descrizioneStato?: string;
  tentativi: number;
  dataCreazione: Date;
  dataAggiornamento: Date;
  /** When the next attempt is due; none once delivered. */
  dataProssimaSpedizione?: Date;
  /** The receipt it tells about. */
  rpp?: { idDominio: string; iuv: string; ccp: string };
}

export const NOTIFICHE_ORDER = { DATA_CREAZIONE: 'createdAt', DATA_PROSSIMA_SPEDIZIONE: 'prossimoTentativo' } as const;

const STATI: Record<StatoNotifica, OutboxJob['stato'] | undefined> = {
  DA_SPEDIRE: 'DA_ESEGUIRE',
  SPEDITA: 'ESEGUITO',
  ANNULLATA: undefined,
};
const TIPO = 'NOTIFICA_RICEVUTA';

/** GovPay shows the notifications to whoever has the read right on 'Configurazione e manutenzione'. */
export class NotificheService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async list(filter: NotificheFilter, page: PageRequest): Promise<Page<NotificaView>> {
    requireRight(this.actor, 'Configurazione e manutenzione', 'R');
    const stati = filter.stato?.length ? filter.stato.flatMap((s) => STATI[s] ?? []) : undefined;
    const nessuna = (filter.tipo?.length && !filter.tipo.includes('RICEVUTA')) || stati?.length === 0;
    const where: Where = nessuna ? { id: { $lt: 0 } } : { tipo: TIPO, ...(stati ? { stato: { $in: stati } } : {}) };
    if (filter.dataDa || filter.dataA) {
      where.createdAt = { ...(filter.dataDa ? { $gte: filter.dataDa } : {}), ...(filter.dataA ? { $lte: filter.dataA } : {}) };
    }
    const ordered = { ...page, orderBy: [...page.orderBy, ['id', page.orderBy[0]?.[1] ?? 'DESC'] as [string, 'ASC' | 'DESC']] };
    return mapPage(await findPage(this.em, OutboxJob, where, ordered), toNotificaView);
  }

  /** One notification by its graph id, to whoever may list them; null when there is none. */
  async get(id: string): Promise<NotificaView | null> {
    const pk = fromGlobalId('Notifica', id);
    requireRight(this.actor, 'Configurazione e manutenzione', 'R');
    const job = await this.em.findOne(OutboxJob, { id: pk, tipo: TIPO });
    return job ? toNotificaView(job) : null;
  }

  /**
   * GovPay's spedizioneNotifiche: the notifications waiting for a later retry are due now, and
   * this instance's outbox worker is woken to send them. Returns how many are waiting.
   */
  async spedisci(): Promise<{ daSpedire: number; anticipate: number }> {
    requireRight(this.actor, 'Configurazione e manutenzione', 'W');
    const now = new Date();
    const anticipate = await this.em.nativeUpdate(
      OutboxJob,
      { tipo: TIPO, stato: 'DA_ESEGUIRE', prossimoTentativo: { $gt: now } },
      { prossimoTentativo: now },
    );
    const daSpedire = await this.em.count(OutboxJob, { tipo: TIPO, stato: 'DA_ESEGUIRE' });
    signalCommitted(this.em, [TIPO]);
    return { daSpedire, anticipate };
  }
}

function toNotificaView(j: OutboxJob): NotificaView {
  const spedita = j.stato === 'ESEGUITO';
  const key = j.payload as { idDominio?: unknown; iuv?: unknown; ccp?: unknown };
  const rpp =
    typeof key.idDominio === 'string' && typeof key.iuv === 'string' && typeof key.ccp === 'string'
      ? { idDominio: key.idDominio, iuv: key.iuv, ccp: key.ccp }
      : undefined;
  return {
    id: toGlobalId('Notifica', j.id),
    tipo: 'RICEVUTA',
    stato: spedita ? 'SPEDITA' : 'DA_SPEDIRE',
    descrizioneStato: spedita ? 'Notifica completata' : (j.ultimoErrore ?? undefined),
    tentativi: j.tentativi,
    dataCreazione: j.createdAt,
    dataAggiornamento: j.updatedAt,
    dataProssimaSpedizione: spedita ? undefined : j.prossimoTentativo,
    rpp,
  };
}
