import { raw, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { AllegatoPendenza, Dominio, Pendenza, TipoPendenza, UnitaOperativa, VocePendenza } from '../../../schema/entities';
import { errors } from '../../../core/errors';
import { contains, findPage, type Where } from '../../../core/find-page';
import { centsToDecimalString } from '../../../core/money';
import { mapPage, type Page, type PageRequest } from '../../../core/paging';
import { inScope, requireRight, soloDebitore, type Principal } from '../../../core/principal';
import { romeDate } from '../../../core/rome-time';
import { transaction } from '../../../core/transaction';
import { upsert } from '../../../core/upsert';
import { parseInput } from '../../../core/validation';
import { enqueue, signalCommitted } from '../../../schema/outbox';
import { ids, nuovaPendenza, patchOps, type NuovaPendenzaInput, type VoceInput } from './inputs';
import type { LinguaSecondaria } from '../avviso';
import { avvisoPdf } from './avviso';
import { eventoPendenza, type Annuncio, type PendenzaCambiata } from './eventi';
import {
  checkNumeroAvviso,
  numberingPlan,
  releaseNumeriAvviso,
  takeNumeriAvviso,
  type NumberingPlan,
  type NumeroAvviso,
} from './numero-avviso';
import { incassataSql } from './pagato';
import { applyPatch } from './patch';
import { lockPendenza } from './pendenza-lock';
import { referenceCache, type DominioRef, type ReferenceCache } from './references';
import { allegatiOf, newPendenza, newPendenzaRefs, pendenzaFields, pendenzaInserts, StaleReferences, voceFields } from './pendenza-rows';
import { anagraficaRevision } from '../../anagrafica/services';
import { pendenzaView, refsOf, toAllegatoView, toPendenzaView, type AllegatoView, type PendenzaRefs, type PendenzaView } from './views';

/** The graph's order fields of a list of pendenze, as the entity's. */
export const PENDENZE_ORDER = {
  DATA_CARICAMENTO: 'dataCaricamento',
  DATA_VALIDITA: 'dataValidita',
  DATA_SCADENZA: 'dataScadenza',
  STATO: 'stato',
  ID_PENDENZA: 'idPendenza',
  IMPORTO: 'importoCents',
} as const;

export interface PendenzeFilter {
  idDominio?: string | null;
  idA2A?: string | null;
  idPendenza?: string | null;
  idDebitore?: string | null;
  stato?: string | null;
  direzione?: string | null;
  divisione?: string | null;
  dataDa?: Date | null;
  dataA?: Date | null;
  causale?: string | null;
  iuv?: string | null;
  numeroAvviso?: string | null;
  idTipoPendenza?: string | null;
  /** Flagged anomalo (paid after its cancellation, or paid otherwise than asked). */
  anomalo?: boolean | null;
  /** Wholly cashed: paid, and covered by riconciliazioni (GovPay's INCASSATA). */
  incassata?: boolean | null;
}

/** A pendenza that passed every check that needs no lock, ready to be written. */
export interface PreparedPendenza {
  idA2A: string;
  idPendenza: string;
  /** GovPay's way of naming it in messages: (IdA2A:…, Id:…). */
  label: string;
  input: NuovaPendenzaInput;
  dominio: DominioRef;
  unita: { id: number; idUnita: string; ragioneSociale: string; abilitato: boolean } | null;
  tipo: { codificaIUV: string | null };
  /** The IBAN each voce credits (null for a marca da bollo). */
  ibanOf: Map<VoceInput, string | null>;
  /** The Ente's own numero avviso, already validated. */
  supplied?: NumeroAvviso;
  /** How to number it when the Ente supplies no number. */
  plan?: NumberingPlan;
}

/** The labels a view of a just-written pendenza takes from its checked configuration. */
export function labelsOf(p: PreparedPendenza): Pick<PendenzaRefs, 'ragioneSocialeDominio' | 'unitaOperativa'> {
  return {
    ragioneSocialeDominio: p.dominio.ragioneSociale,
    unitaOperativa: p.unita ? { idUnita: p.unita.idUnita, ragioneSociale: p.unita.ragioneSociale } : undefined,
  };
}

/** Ente-supplied numbers inside the hub's own range are rare; after this many the load gives up. */
const MAX_NUMBER_ATTEMPTS = 3;

const POPULATE = ['dominio', 'tipoPendenza', 'applicazione', 'unitaOperativa', 'voci', 'allegati'] as const;
/** What printing an avviso reads: the checks' references and the voci (not the allegati, the heaviest). */
const AVVISO_POPULATE = ['dominio', 'tipoPendenza', 'applicazione', 'unitaOperativa', 'voci'] as const;

/**
 * Pendenze (debt positions): loading, reading, cancelling, with GovPay's checks and codes. Every
 * write announces its change to subscribers (pendenzaAggiornata) through the outbox, in its own
 * transaction: a write that rolls back announces nothing. `annuncio` picks the lane (eventi.ts).
 */
export class PendenzeService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
    private readonly annuncio: Annuncio = 'subito',
  ) {}

  /** PUT semantics: creates (created=true) or updates an unpaid pendenza, or restores an ANNULLATA one. */
  async save(idA2A: string, idPendenza: string, raw: unknown): Promise<{ created: boolean; value: PendenzaView }> {
    const refs = referenceCache(this.em);
    if (refs.revisione < 0) await refs.refresh(this.em);
    // The checks run on the cached anagrafica; its revision is confirmed by the write (a new
    // pendenza's insert transaction reads it) or, for a refusal, read here: either way no outcome
    // rests on a configuration older than the database's, and the checks run again on the new one.
    for (;;) {
      const revision = refs.revisione;
      try {
        return await this.write(await this.prepare(idA2A, idPendenza, raw), revision);
      } catch (e) {
        if (e instanceof StaleReferences) refs.adopt(e.revision);
        else {
          await refs.refresh(this.em);
          if (refs.revisione === revision) throw e;
        }
      }
    }
  }

  /**
   * Every check of a PUT that needs no lock, in GovPay's order: the caller's rights, the body, the
   * references to the anagrafica (as cached: the caller refreshes the cache first), an
   * Ente-supplied numero avviso. Nothing is written. A spontaneous pendenza that a portal puts in a
   * payment's cart (GovPay's API Pagamento) needs the right to pay, `Pagamenti`, instead of `Pendenze`.
   */
  async prepare(
    idA2A: string,
    idPendenza: string,
    raw: unknown,
    servizio: 'Pendenze' | 'Pagamenti' = 'Pendenze',
  ): Promise<PreparedPendenza> {
    requireRight(this.actor, servizio, 'W');
    parseInput(ids.idA2A, idA2A, 'idA2A');
    parseInput(ids.idPendenza, idPendenza, 'idPendenza');
    this.requireOwn(idA2A);
    const input = parseInput(nuovaPendenza, raw);
    if (!inScope(this.actor.domini, input.idDominio) || !inScope(this.actor.tipiPendenza, input.idTipoPendenza)) {
      throw errors.forbidden(
        `Il chiamante non e' autorizzato a caricare pendenze di tipo ${input.idTipoPendenza} per il dominio ${input.idDominio}.`,
      );
    }
    const label = `(IdA2A:${idA2A}, Id:${idPendenza})`;
    const refs = referenceCache(this.em);
    const context = await this.checkReferences(refs, input, label);
    const applicazione = await refs.applicazione(this.em, idA2A);
    if (!applicazione) throw errors.unprocessable('APP_000', `Applicazione (${idA2A}) inesistente`);
    const supplied = input.numeroAvviso
      ? checkNumeroAvviso(input.numeroAvviso, { dominio: context.dominio, applicazione, idPendenza })
      : undefined;
    const plan = supplied ? undefined : numberingPlan(context.dominio, applicazione, idPendenza, context.tipo.codificaIUV);
    return { idA2A, idPendenza, label, input, ...context, supplied, plan };
  }

  /**
   * Writes a prepared pendenza: a new one with one INSERT per table in one transaction; when its
   * key exists (or a concurrent PUT created it first), the update rules apply instead. With
   * `revision` (the anagrafica revision `prepared` was checked against), a write finding another
   * one writes nothing and throws StaleReferences.
   */
  async write(prepared: PreparedPendenza, revision?: number): Promise<{ created: boolean; value: PendenzaView }> {
    const { plan, supplied } = prepared;
    for (let attempt = 1; ; attempt++) {
      // Taken before the transaction: a refill is a short transaction of its own.
      const generated = plan ? (await takeNumeriAvviso(this.em, plan))[0] : undefined;
      const numero = (supplied ?? generated) as NumeroAvviso;
      const row = newPendenza(prepared, numero);
      try {
        const evento = eventoPendenza(cambiata(prepared.input, prepared, 'NON_ESEGUITA'), this.annuncio);
        const allegati = await pendenzaInserts(this.em).insertOne(this.em, row, [evento], revision);
        this.announced();
        return { created: true, value: pendenzaView(row.fields, newPendenzaRefs(row, labelsOf(prepared), allegati)) };
      } catch (e) {
        // The insert was rolled back, so a generated number was never written: it can be reused.
        const release = () => plan && generated && releaseNumeriAvviso(this.em, plan, [generated]);
        if (e instanceof StaleReferences) release();
        if (!(e instanceof UniqueConstraintViolationException)) throw e;
        if (await this.exists(prepared.idA2A, prepared.idPendenza)) {
          release();
          if (revision !== undefined) await this.confirmRevision(revision);
          return this.update(prepared);
        }
        const owner = await this.owner(prepared.dominio.idDominio, numero.numeroAvviso);
        // A generated number an Ente once supplied itself is skipped for good; a supplied one is refused.
        if (owner && (!generated || attempt >= MAX_NUMBER_ATTEMPTS)) {
          throw errors.unprocessable(
            'VER_025',
            `La pendenza ${prepared.label} ha un numero avviso (${numero.numeroAvviso}) gia' utilizzato (IdA2A:${owner.idA2A}, Id:${owner.idPendenza}).`,
          );
        }
        if (attempt >= MAX_NUMBER_ATTEMPTS) throw e;
      }
    }
  }

  /** The update of an existing pendenza (or the restore of an ANNULLATA one), with GovPay's update rules. */
  private async update(prepared: PreparedPendenza): Promise<{ created: boolean; value: PendenzaView }> {
    const { idA2A, idPendenza, label, input, dominio, unita, supplied } = prepared;
    const updated = await upsert(this.em, async (em) => {
      await lockPendenza(em, idA2A, idPendenza);
      const p = await em.findOne(Pendenza, { applicazione: idA2A, idPendenza }, { populate: ['voci', 'allegati'] });
      if (!p) throw errors.notFound(`Pendenza ${label} inesistente.`);
      this.checkWritable(p, label);
      this.checkUpdate(p, input, label);
      if (!p.numeroAvviso || !p.iuv) throw errors.internal(`La pendenza ${label} non ha un numero avviso.`);
      const numero = supplied ?? { numeroAvviso: p.numeroAvviso, iuv: p.iuv };
      Object.assign(p, {
        ...pendenzaFields(input, numero),
        dominio: em.getReference(Dominio, dominio.idDominio),
        unitaOperativa: unita ? em.getReference(UnitaOperativa, unita.id) : null,
        tipoPendenza: em.getReference(TipoPendenza, input.idTipoPendenza),
        descrizioneStato: p.stato === 'ANNULLATA' ? null : (p.descrizioneStato ?? null),
      });
      this.setVoci(em, p, input.voci, prepared.ibanOf);
      if (input.allegati) {
        p.allegati.removeAll();
        for (const a of allegatiOf(input)) {
          p.allegati.add(em.create(AllegatoPendenza, { ...a, pendenza: p } as never));
        }
      }
      await em.flush();
      await enqueue(em, [eventoPendenza(cambiata(input, prepared, p.stato), this.annuncio)]);
      // The references are not loaded: their labels come from the checked configuration.
      return { created: false, value: toPendenzaView(p, { ...refsOf(p), ...labelsOf(prepared) }) };
    });
    this.announced();
    return updated;
  }

  /** An update's checks must have run on the current anagrafica, as a new pendenza's insert confirms them. */
  private async confirmRevision(revision: number): Promise<void> {
    const current = await anagraficaRevision(this.em);
    if (current !== revision) throw new StaleReferences(current);
  }

  /** Wakes this instance's outbox worker once a write committed its announcement. */
  private announced(): void {
    signalCommitted(this.em, [this.annuncio === 'subito' ? 'EVENTO' : 'EVENTI']);
  }

  private async exists(idA2A: string, idPendenza: string): Promise<boolean> {
    return (await this.em.fork().count(Pendenza, { applicazione: idA2A, idPendenza })) > 0;
  }

  /** Who holds a numero avviso of a dominio, if anyone. */
  private async owner(idDominio: string, numeroAvviso: string): Promise<{ idA2A: string; idPendenza: string } | null> {
    const other = await this.em.fork().findOne(Pendenza, { dominio: idDominio, numeroAvviso }, { fields: ['idPendenza', 'applicazione'] });
    return other ? { idA2A: other.applicazione.idA2A, idPendenza: other.idPendenza } : null;
  }

  async get(idA2A: string, idPendenza: string): Promise<PendenzaView> {
    requireRight(this.actor, 'Pendenze', 'R');
    // GovPay refuses another applicazione's key before looking it up: nothing is told of it.
    if (this.actor.kind === 'applicazione' && this.actor.id !== idA2A) throw notYours();
    const p = await this.em.findOne(Pendenza, { applicazione: { idA2A }, idPendenza }, { populate: POPULATE as never });
    return this.visible(p, `Pendenza (IdA2A:${idA2A}, Id:${idPendenza}) inesistente.`);
  }

  /**
   * A pendenza by its avviso. An anonymous caller (API Pagamento's `public` mode) must prove it
   * knows the debtor, as GovPay asks: the debtor's codice fiscale or the pendenza's UUID.
   */
  async getByAvviso(idDominio: string, numeroAvviso: string, prova: ProvaDebitore = {}): Promise<PendenzaView> {
    requireRight(this.actor, 'Pendenze', 'R');
    const p = await this.em.findOne(Pendenza, { dominio: { idDominio }, numeroAvviso }, { populate: POPULATE as never });
    return this.visible(p, `Avviso ${numeroAvviso} del dominio ${idDominio} inesistente.`, prova);
  }

  /** The Avviso pagoPA PDF of a pendenza the caller may see. */
  async avvisoPdf(idA2A: string, idPendenza: string, lingua?: LinguaSecondaria | null, prova?: ProvaDebitore): Promise<Buffer> {
    requireRight(this.actor, 'Pendenze', 'R');
    const p = await this.em.findOne(Pendenza, { applicazione: { idA2A }, idPendenza }, { populate: AVVISO_POPULATE as never });
    return avvisoPdf(this.em, [this.checkVisible(p, `Pendenza (IdA2A:${idA2A}, Id:${idPendenza}) inesistente.`, prova)], lingua);
  }

  /** One PDF with the avvisi of every rata of a documento (or of the numeri avviso asked for). */
  async documentoPdf(
    idDominio: string,
    numeroDocumento: string,
    numeriAvviso: string[] | null,
    lingua?: LinguaSecondaria | null,
    idA2A?: string | null,
  ): Promise<Buffer> {
    requireRight(this.actor, 'Pendenze', 'R');
    if (!inScope(this.actor.domini, idDominio))
      throw errors.forbidden(`Il chiamante non e' autorizzato a consultare i documenti del dominio ${idDominio}.`);
    const where: Where = { dominio: { idDominio }, idDocumento: numeroDocumento, numeroAvviso: { $ne: null } };
    if (idA2A) where.applicazione = { idA2A };
    if (numeriAvviso?.length) where.numeroAvviso = { $in: numeriAvviso };
    if (this.actor.kind === 'applicazione') where.applicazione = { idA2A: this.actor.id };
    const rate = (
      await this.em.find(Pendenza, where as never, { populate: AVVISO_POPULATE as never, orderBy: { numeroAvviso: 'ASC' } })
    ).filter((p) => inScope(this.actor.domini, p.dominio.idDominio) && inScope(this.actor.tipiPendenza, p.tipoPendenza.idTipoPendenza));
    if (!rate.length) throw errors.notFound(`Documento ${numeroDocumento} del dominio ${idDominio} inesistente o senza avvisi.`);
    rate.sort((a, b) => Number(a.documento?.rata ?? 0) - Number(b.documento?.rata ?? 0));
    return avvisoPdf(this.em, rate, lingua);
  }

  /** An allegato (its name, type and description), for a caller who may see its pendenza. */
  async allegato(id: number): Promise<AllegatoView> {
    return toAllegatoView(await this.visibleAllegato(id, []));
  }

  /** An allegato's file, for a caller who may see its pendenza. */
  async fileAllegato(id: number): Promise<{ nome: string; tipo: string; contenuto: Buffer }> {
    const a = await this.visibleAllegato(id, ['contenuto']);
    // Drivers differ: mysql2 returns a Buffer, libsql an ArrayBuffer.
    const bytes = a.contenuto as Buffer | ArrayBuffer;
    return { nome: a.nome, tipo: a.tipo, contenuto: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) };
  }

  /** The allegato, with the checks (and the refusals) of a read of its pendenza; `populate` adds its content when asked. */
  private async visibleAllegato(id: number, populate: string[]): Promise<AllegatoPendenza> {
    requireRight(this.actor, 'Pendenze', 'R');
    const a = await this.em.findOne(
      AllegatoPendenza,
      { id },
      { populate: [...populate, 'pendenza.dominio', 'pendenza.tipoPendenza', 'pendenza.applicazione'] as never },
    );
    if (!a) throw errors.notFound(`Allegato ${id} inesistente.`);
    this.checkVisible(a.pendenza, `Allegato ${id} inesistente.`);
    return a;
  }

  async list(filter: PendenzeFilter, page: PageRequest): Promise<Page<PendenzaView>> {
    requireRight(this.actor, 'Pendenze', 'R');
    const where: Where = {};
    // A filter narrows the caller's scope, never widens it: a dominio outside it matches nothing.
    const domini = this.actor.domini === '*' ? undefined : this.actor.domini;
    if (domini) where.dominio = { idDominio: { $in: domini } };
    if (this.actor.tipiPendenza !== '*') where.tipoPendenza = { idTipoPendenza: { $in: this.actor.tipiPendenza } };
    if (filter.idDominio) where.dominio = { idDominio: domini && !domini.includes(filter.idDominio) ? { $in: [] } : filter.idDominio };
    if (filter.idA2A) where.applicazione = { idA2A: filter.idA2A };
    // As in GovPay, an applicazione lists its own pendenze only, whatever idA2A it asks for.
    if (this.actor.kind === 'applicazione') where.applicazione = { idA2A: this.actor.id };
    if (filter.idPendenza) where.idPendenza = filter.idPendenza;
    if (filter.idDebitore) where.idDebitore = filter.idDebitore;
    if (filter.iuv) where.iuv = filter.iuv;
    if (filter.numeroAvviso) where.numeroAvviso = filter.numeroAvviso;
    if (filter.idTipoPendenza) {
      const allowed = this.actor.tipiPendenza === '*' || this.actor.tipiPendenza.includes(filter.idTipoPendenza);
      where.tipoPendenza = { idTipoPendenza: allowed ? filter.idTipoPendenza : { $in: [] } };
    }
    // A cittadino lists the pendenze it owes, whatever debtor it asks for; an anonymous caller none.
    if (this.actor.kind === 'anonimo') throw anonimo();
    const proprio = soloDebitore(this.actor);
    if (proprio) where.idDebitore = proprio;
    if (filter.direzione) where.direzione = filter.direzione;
    if (filter.divisione) where.divisione = filter.divisione;
    if (filter.causale) where.causale = contains(filter.causale);
    if (filter.dataDa || filter.dataA) {
      where.dataCaricamento = { ...(filter.dataDa ? { $gte: filter.dataDa } : {}), ...(filter.dataA ? { $lte: filter.dataA } : {}) };
    }
    const today = romeDate();
    if (filter.stato === 'SCADUTA') Object.assign(where, { stato: 'NON_ESEGUITA', dataScadenza: { $lt: today } });
    else if (filter.stato === 'NON_ESEGUITA') {
      Object.assign(where, { stato: 'NON_ESEGUITA', $or: [{ dataScadenza: null }, { dataScadenza: { $gte: today } }] });
    } else if (filter.stato) where.stato = filter.stato;
    if (typeof filter.anomalo === 'boolean') where.anomalo = filter.anomalo;
    const { incassata } = filter;
    const conditions =
      typeof incassata === 'boolean'
        ? () => ({ ...where, [raw((alias: string) => `${incassata ? '' : 'not '}${incassataSql(alias)}`)]: [] })
        : where;
    // Joined, a page of pendenze with their voci becomes a query that tests every row of the table
    // against the page's ids (MikroORM's limit over a to-many join): the page first, then its relations.
    return mapPage(await findPage(this.em, Pendenza, conditions, page, { populate: POPULATE as never, strategy: 'select-in' }), (p) =>
      toPendenzaView(p),
    );
  }

  /**
   * GovPay's PATCH: annullamento (stato ANNULLATA) and its description; an ANNULLATA pendenza comes
   * back with a PUT. The row is locked first, as a receipt locks it, so a payment committed
   * meanwhile is seen and the pendenza is never cancelled over it.
   */
  async patch(idA2A: string, idPendenza: string, raw: unknown): Promise<PendenzaView> {
    requireRight(this.actor, 'Pendenze', 'W');
    this.requireOwn(idA2A);
    const ops = parseInput(patchOps, raw);
    const label = `(IdA2A:${idA2A}, Id:${idPendenza})`;
    const patched = await transaction(this.em, async (em) => {
      await lockPendenza(em, idA2A, idPendenza);
      const p = await em.findOne(Pendenza, { applicazione: { idA2A }, idPendenza }, { populate: POPULATE as never });
      if (!p) throw errors.notFound(`Pendenza ${label} inesistente.`);
      this.checkWritable(p, label);
      applyPatch(p, ops, this.actor.id, label);
      await em.flush();
      const view = toPendenzaView(p);
      await enqueue(em, [eventoPendenza({ ...view, stato: p.stato }, this.annuncio)]);
      return view;
    });
    this.announced();
    return patched;
  }

  /** An applicazione writes only the pendenze under its own idA2A (GovPay's APP_002). */
  private requireOwn(idA2A: string): void {
    if (this.actor.kind === 'applicazione' && this.actor.id !== idA2A) {
      throw errors.badRequest('APP_002', `Applicazione autenticata (${this.actor.id}) diversa dalla chiamante (${idA2A})`);
    }
  }

  /**
   * A write must be allowed on the pendenza as it is stored, not only on what the body says it
   * becomes: otherwise a caller could take over a dominio or tipo pendenza outside its scope by
   * naming one inside it.
   */
  private checkWritable(p: Pendenza, label: string): void {
    const idDominio = p.dominio.idDominio;
    const idTipoPendenza = p.tipoPendenza.idTipoPendenza;
    if (!inScope(this.actor.domini, idDominio) || !inScope(this.actor.tipiPendenza, idTipoPendenza)) {
      throw errors.forbidden(
        `Il chiamante non e' autorizzato ad aggiornare la pendenza ${label}: tipo pendenza ${idTipoPendenza} del dominio ${idDominio}.`,
      );
    }
  }

  private visible(p: Pendenza | null, missing: string, prova?: ProvaDebitore): PendenzaView {
    return toPendenzaView(this.checkVisible(p, missing, prova));
  }

  /**
   * A pendenza outside the caller's domini or tipi, another applicazione's, another debtor's for a
   * cittadino, or one an anonymous caller cannot prove it owes, is forbidden.
   */
  private checkVisible(p: Pendenza | null, missing: string, prova?: ProvaDebitore): Pendenza {
    if (!p) throw errors.notFound(missing);
    if (this.actor.kind === 'applicazione' && p.applicazione.idA2A !== this.actor.id) throw notYours();
    if (this.actor.kind === 'anonimo' && !provato(p, prova)) throw anonimo();
    const proprio = soloDebitore(this.actor);
    if (proprio && p.idDebitore.toUpperCase() !== proprio) throw notYours();
    if (!inScope(this.actor.domini, p.dominio.idDominio) || !inScope(this.actor.tipiPendenza, p.tipoPendenza.idTipoPendenza)) {
      throw errors.forbidden(`Il chiamante non e' autorizzato a consultare la pendenza.`);
    }
    return p;
  }

  /** GovPay's semantic checks of a new pendenza, in GovPay's order, before anything is written. */
  private async checkReferences(refs: ReferenceCache, input: NuovaPendenzaInput, label: string) {
    const dominio = await this.dominio(refs, input.idDominio);
    let unita: PreparedPendenza['unita'] = null;
    if (input.idUnitaOperativa) {
      unita = dominio.unita.get(input.idUnitaOperativa) ?? null;
      if (!unita) {
        throw errors.unprocessable(
          'UOP_000',
          `Unita' operativa (${input.idUnitaOperativa}) del dominio (${dominio.idDominio}) inesistente`,
        );
      }
      if (!unita.abilitato) {
        throw errors.unprocessable(
          'UOP_001',
          `Unita' operativa (${input.idUnitaOperativa}) del dominio (${dominio.idDominio}) disabilitata`,
        );
      }
    }
    const tipo = dominio.tipi.get(input.idTipoPendenza);
    if (!tipo)
      throw errors.unprocessable('TVD_000', `Tipo pendenza (${input.idTipoPendenza}) inesistente per il dominio (${dominio.idDominio})`);
    if (!tipo.abilitato) {
      throw errors.unprocessable('TVD_001', `Tipo pendenza (${input.idTipoPendenza}) disabilitato per il dominio (${dominio.idDominio})`);
    }

    const seen = new Set<string>();
    for (const v of input.voci) {
      if (seen.has(v.idVocePendenza)) {
        throw errors.unprocessable(
          'VER_001',
          `La pendenza ${label} presenta il codSingoloVersamentoEnte (${v.idVocePendenza}) piu' di una volta`,
        );
      }
      seen.add(v.idVocePendenza);
    }
    const sum = input.voci.reduce((s, v) => s + v.importo, 0);
    if (sum !== input.importo) {
      throw errors.unprocessable(
        'VER_002',
        `La pendenza ${label} ha un importo totale (${centsToDecimalString(input.importo)}) diverso dalla somma dei singoli importi (${centsToDecimalString(sum)})`,
      );
    }

    const ibanOf = new Map<VoceInput, string | null>();
    for (const v of input.voci) ibanOf.set(v, await this.resolveVoce(refs, v, dominio));
    return { dominio, unita, tipo, ibanOf };
  }

  /** Checks a voce's references; returns the IBAN it credits (null for a marca da bollo). */
  private async resolveVoce(refs: ReferenceCache, v: VoceInput, dominioPendenza: DominioRef): Promise<string | null> {
    const dominio = v.idDominio && v.idDominio !== dominioPendenza.idDominio ? await this.dominio(refs, v.idDominio) : dominioPendenza;
    if (v.tipoBollo) return null;
    if (v.ibanAccredito) {
      this.conto(dominio, v.ibanAccredito, 'VER_020', 'VER_032', 'accredito');
      if (v.ibanAppoggio) this.conto(dominio, v.ibanAppoggio, 'VER_033', 'VER_034', 'appoggio');
      return v.ibanAccredito;
    }
    const entrata = dominio.entrate.get(v.codEntrata);
    if (!entrata) throw errors.unprocessable('TRB_000', `Tributo (${v.codEntrata}) inesistente per il dominio (${dominio.idDominio})`);
    if (!entrata.abilitato)
      throw errors.unprocessable('TRB_001', `Tributo (${v.codEntrata}) disabilitato per il dominio (${dominio.idDominio})`);
    return entrata.iban;
  }

  private conto(dominio: DominioRef, iban: string, missing: string, disabled: string, ruolo: string): void {
    const conto = dominio.conti.get(iban);
    if (!conto) throw errors.unprocessable(missing, `Iban di ${ruolo} (${iban}) non censito per il dominio (${dominio.idDominio})`);
    if (!conto.abilitato)
      throw errors.unprocessable(disabled, `Iban di ${ruolo} (${iban}) disabilitato per il dominio (${dominio.idDominio})`);
  }

  private async dominio(refs: ReferenceCache, idDominio: string): Promise<DominioRef> {
    const d = await refs.dominio(this.em, idDominio);
    if (!d) throw errors.unprocessable('DOM_000', `Dominio (${idDominio}) inesistente`);
    if (!d.abilitato) throw errors.unprocessable('DOM_001', `Dominio (${idDominio}) disabilitato`);
    return d;
  }

  /** The update rules of a PUT on an existing pendenza, GovPay's: a paid one never changes, nor does its dominio. */
  private checkUpdate(existing: Pendenza, input: NuovaPendenzaInput, label: string): void {
    if (existing.stato !== 'NON_ESEGUITA' && existing.stato !== 'ANNULLATA') {
      throw errors.unprocessable('VER_003', `La pendenza ${label} e' in uno stato che non consente l'aggiornamento (${existing.stato})`);
    }
    if (input.idDominio !== existing.dominio.idDominio) {
      throw errors.unprocessable(
        'VER_004',
        `La pendenza ${label} presenta un beneficiario (${input.idDominio}) diverso da quello originale (${existing.dominio.idDominio})`,
      );
    }
    if (input.numeroAvviso && existing.numeroAvviso && input.numeroAvviso !== existing.numeroAvviso) {
      throw errors.unprocessable(
        'VER_024',
        `La pendenza ${label} ha un numero avviso (${input.numeroAvviso}) diverso dall'originale (${existing.numeroAvviso}).`,
      );
    }
  }

  /** Voci are updated in place by position, so the (pendenza, indice) key never collides mid-flush. */
  private setVoci(em: EntityManager, p: Pendenza, voci: VoceInput[], ibanOf: Map<VoceInput, string | null>): void {
    const current = p.voci.isInitialized() ? [...p.voci.getItems()].sort((a, b) => a.indice - b.indice) : [];
    const label = `(IdA2A:${p.applicazione.idA2A}, Id:${p.idPendenza})`;
    for (const old of current) {
      const next = voci.find((v) => v.idVocePendenza === old.idVocePendenza);
      if (next && old.ibanAccredito && ibanOf.get(next) && old.ibanAccredito !== ibanOf.get(next)) {
        throw errors.unprocessable(
          'VER_023',
          `La pendenza ${label} ha la voce (${old.idVocePendenza}) con un iban di accredito diverso dall'originale.`,
        );
      }
    }
    voci.forEach((v, i) => {
      const voce = current[i] ?? em.create(VocePendenza, { pendenza: p, indice: i + 1 } as VocePendenza);
      Object.assign(voce, voceFields(v, i + 1, ibanOf.get(v) ?? null));
      if (!current[i]) p.voci.add(voce);
    });
    for (const surplus of current.slice(voci.length)) p.voci.remove(surplus);
  }
}

/** A pendenza as its event names it, from a checked PUT. */
const cambiata = (input: NuovaPendenzaInput, p: { idA2A: string; idPendenza: string }, stato: string): PendenzaCambiata => ({
  idDominio: input.idDominio,
  idA2A: p.idA2A,
  idPendenza: p.idPendenza,
  idTipoPendenza: input.idTipoPendenza,
  stato,
});

const notYours = () => errors.forbidden(`Il chiamante non e' autorizzato a consultare la pendenza di un'altra applicazione.`);

/** What an anonymous caller shows to read a pendenza: the debtor's codice fiscale, or the pendenza's UUID. */
export interface ProvaDebitore {
  idDebitore?: string | null;
  UUID?: string | null;
}

const provato = (p: Pendenza, prova: ProvaDebitore = {}): boolean =>
  (!!prova.idDebitore && prova.idDebitore.toUpperCase() === p.idDebitore.toUpperCase()) ||
  (!!prova.UUID && !!p.uuid && prova.UUID === p.uuid);

/** GovPay's refusal of an anonymous caller who does not name the pendenza's debtor. */
const anonimo = () =>
  errors.forbidden('Utenza non autorizzata, il codice fiscale del debitore non corrisponde a quello indicato nella pendenza.');
