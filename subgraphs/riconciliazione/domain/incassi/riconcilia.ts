import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { Dominio, Riconciliazione } from '../../../../schema/entities';
import type { HubEvent } from '../../../../core/events';
import { DomainError, errors } from '../../../../core/errors';
import { inScope, requireRight, type Principal } from '../../../../core/principal';
import { perDatabase } from '../../../../core/per-database';
import { RowInserter } from '../../../../core/row-inserter';
import { transaction } from '../../../../core/transaction';
import { enqueue, signalCommitted } from '../../../../schema/outbox';
import { abbina, incassa } from './abbinamento';
import { erroreIncasso } from './errori';
import { validaRichiesta, type RichiestaRiconciliazione, type RichiestaValida } from './richiesta';
import { toRiconciliazioneView, type RiconciliazioneView } from './viste';

export interface EsitoRiconciliazione {
  riconciliazione: RiconciliazioneView;
  /** False when the same request was already recorded: its first answer. */
  creata: boolean;
}

const COLUMNS = [
  'dominio',
  'idRiconciliazione',
  'causale',
  'importoCents',
  'dataValuta',
  'dataContabile',
  'contoAccredito',
  'sct',
  'iuv',
  'flusso',
  'stato',
  'descrizioneStato',
  'dataRichiesta',
  'richiedente',
  'richiestaHash',
  'createdAt',
  'updatedAt',
] as const;
// One compiled INSERT: the unit of work would also diff every riscossione the match loaded.
const inserter = (em: EntityManager) =>
  perDatabase(em, 'riconciliazione.incassi.inserter', () => new RowInserter(em, Riconciliazione, COLUMNS));

/** Who posted it, as GovPay records it: the applicazione's idA2A or the operatore's principal. */
const richiedente = (p: Principal) => p.id;

/**
 * Records a bank entry matched to what it pays (GovPay's POST /riconciliazioni), whole or not at
 * all: the riconciliazione, its riscossioni INCASSATA, and the riconciliazioneRegistrata event,
 * in one transaction. A request is identified by (dominio, idRiconciliazione): the same request
 * again gets the recorded answer (creata false), other data under the same id 021409. Concurrent
 * copies of one request race on that unique key; the losers read the winner's row.
 */
export class Riconciliazioni {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async riconcilia(input: RichiestaRiconciliazione): Promise<EsitoRiconciliazione> {
    requireRight(this.actor, 'Rendicontazioni e Incassi', 'W');
    if (!inScope(this.actor.domini, input.idDominio)) {
      throw errors.forbidden(`Il chiamante non e' autorizzato a operare sul dominio ${input.idDominio}.`);
    }
    if (!(await this.em.fork().count(Dominio, { idDominio: input.idDominio }))) {
      throw erroreIncasso(
        'DOMINIO_INESISTENTE',
        `Il dominio ${input.idDominio} indicato nella richiesta non risulta censito in anagrafica GovPay.`,
      );
    }
    const req = validaRichiesta(input);
    const gia = await this.registrata(req);
    if (gia) return { riconciliazione: gia, creata: false };
    try {
      const riconciliazione = await transaction(this.em, (tx) => this.registra(tx, req));
      signalCommitted(this.em, ['EVENTO']);
      return { riconciliazione, creata: true };
    } catch (e) {
      // A copy of this request that committed meanwhile either took the unique key or, read
      // first, made the payment look already reconciled: either way its answer is this one's.
      if (!(e instanceof UniqueConstraintViolationException) && !(e instanceof DomainError)) throw e;
      const vincitrice = await this.registrata(req);
      if (!vincitrice) throw e;
      return { riconciliazione: vincitrice, creata: false };
    }
  }

  /** The riconciliazione already recorded under this request's id, if the same request; 021409 if another. */
  private async registrata(req: RichiestaValida): Promise<RiconciliazioneView | undefined> {
    const r = await this.em
      .fork()
      .findOne(Riconciliazione, { dominio: req.idDominio, idRiconciliazione: req.idRiconciliazione }, { populate: ['flusso'] });
    if (!r) return undefined;
    if (r.richiestaHash !== req.hash) {
      throw erroreIncasso(
        'DUPLICATO',
        `La riconciliazione ${req.idRiconciliazione} e' gia' registrata con dati diversi (causale, iuv, idFlusso, importo, sct o date).`,
      );
    }
    return toRiconciliazioneView(r);
  }

  private async registra(tx: EntityManager, req: RichiestaValida): Promise<RiconciliazioneView> {
    const a = await abbina(tx, req);
    const now = new Date();
    const riga = {
      dominio: { idDominio: req.idDominio },
      idRiconciliazione: req.idRiconciliazione,
      causale: req.causale,
      importoCents: req.importoCents,
      dataValuta: req.dataValuta,
      dataContabile: req.dataContabile,
      contoAccredito: req.contoAccredito,
      sct: req.sct,
      iuv: a.iuv,
      flusso: a.flusso,
      stato: 'ACQUISITO' as const,
      descrizioneStato: null,
      dataRichiesta: now,
    };
    // The unique key (dominio, idRiconciliazione) is claimed before any riscossione changes.
    const id = await inserter(tx).insert(tx, [
      {
        ...riga,
        dominio: req.idDominio,
        flusso: a.flusso?.id ?? null,
        richiedente: richiedente(this.actor),
        richiestaHash: req.hash,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await incassa(tx, id, a);
    const evento: HubEvent = {
      v: 1,
      tipo: 'riconciliazioneRegistrata',
      idDominio: req.idDominio,
      idRiconciliazione: req.idRiconciliazione,
      at: now.toISOString(),
    };
    await enqueue(tx, [
      { tipo: 'EVENTO', chiave: `evento:riconciliazioneRegistrata:${req.idDominio}:${req.idRiconciliazione}`, payload: evento },
    ]);
    return toRiconciliazioneView({ ...riga, id });
  }
}
