import type { EntityManager } from '@mikro-orm/core';
import { Applicazione, Dominio, Operatore, Ruolo, TipoPendenza, UnitaOperativa, type DominioAutorizzato } from '../../../schema/entities';
import { errors } from '../../../core/errors';
import { saveConfiguration } from './revision';
import { findPage, type Where } from '../../../core/find-page';
import type { Page, PageRequest } from '../../../core/paging';
import { hashPassword } from '../../../core/passwords';
import type { Principal } from '../../../core/principal';
import { parseInput } from '../../../core/validation';
import { authorize } from './access';
import { effectiveAcl, mergeAcl } from './acl';
import { applicazioneInput, ids, operatoreInput, password, patchOps, type PatchOp } from './inputs';
import type { Saved } from './intermediari';
import { patchError } from './patch';
import { checkRuoli } from './ruoli';
import { keepSecrets } from './secrets';
import { patchUtenza, type PasswordHashes } from './utenze-patch';
import {
  toApplicazioneView,
  toOperatoreView,
  toRuoloView,
  type ApplicazioneView,
  type OperatoreView,
  type ProfiloView,
  type UtenzaNames,
  utenzaScope,
} from './views';

/* What each list can be sorted by: the graph's order field → the entity's property. */
export const APPLICAZIONI_ORDER = { ID_A2A: 'idA2A', PRINCIPAL: 'principal' };
export const OPERATORI_ORDER = { RAGIONE_SOCIALE: 'ragioneSociale', PRINCIPAL: 'principal' };

export interface UtenzeFilter {
  abilitato?: boolean | null;
  idA2A?: string | null;
  principal?: string | null;
}

/** Applicazioni (integrated systems) and operatori (people): who may use the hub, on what. */
export class UtenzeService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async listApplicazioni(filter: UtenzeFilter, page: PageRequest): Promise<Page<ApplicazioneView>> {
    authorize(this.actor, 'Anagrafica Applicazioni', 'R');
    const where: Where = {};
    if (filter.abilitato != null) where.abilitato = filter.abilitato;
    if (filter.idA2A) where.idA2A = filter.idA2A;
    if (filter.principal) where.principal = filter.principal;
    const result = await findPage(this.em, Applicazione, where, page);
    const names = await this.names(result.items);
    return { ...result, items: result.items.map((a) => toApplicazioneView(a, names)) };
  }

  async getApplicazione(idA2A: string): Promise<ApplicazioneView> {
    authorize(this.actor, 'Anagrafica Applicazioni', 'R');
    const a = await this.em.findOne(Applicazione, { idA2A });
    if (!a) throw errors.notFound(`Applicazione ${idA2A} inesistente.`);
    return toApplicazioneView(a, await this.names([a]));
  }

  async saveApplicazione(idA2A: string, raw: unknown): Promise<Saved<ApplicazioneView>> {
    authorize(this.actor, 'Anagrafica Applicazioni', 'W');
    parseInput(ids.idA2A, idA2A, 'idA2A');
    const input = parseInput(applicazioneInput, raw);
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    const saved = await saveConfiguration(this.em, async (em) => {
      await this.checkScope(em, input.domini, input.tipiPendenza);
      await checkRuoli(em, input.ruoli);
      const existing = await em.findOne(Applicazione, { idA2A });
      await this.checkPrincipalFree(em, input.principal, existing?.principal);
      const entity = existing ?? em.create(Applicazione, { idA2A } as Applicazione);
      Object.assign(entity, {
        principal: input.principal,
        codificaIuv: input.codificaAvvisi?.codificaIuv ?? null,
        regExpIuv: input.codificaAvvisi?.regExpIuv ?? null,
        generazioneIuvInterna: input.codificaAvvisi?.generazioneIuvInterna ?? false,
        domini: input.domini as DominioAutorizzato[],
        tipiPendenza: input.tipiPendenza,
        acl: mergeAcl(input.acl),
        ruoli: input.ruoli,
        apiPagamenti: input.apiPagamenti,
        apiPendenze: input.apiPendenze,
        apiRagioneria: input.apiRagioneria,
        servizioIntegrazione: input.servizioIntegrazione
          ? keepSecrets(
              {
                url: input.servizioIntegrazione.url,
                versioneApi: input.servizioIntegrazione.versioneApi ?? undefined,
                auth: input.servizioIntegrazione.auth ?? undefined,
              },
              existing?.servizioIntegrazione,
            )
          : null,
        // GovPay's Backoffice has no such field: a PUT that leaves it out keeps it.
        ...(input.urlRitorno !== undefined ? { urlRitorno: input.urlRitorno } : {}),
        abilitato: input.abilitato,
      });
      if (passwordHash) entity.passwordHash = passwordHash;
      return { created: !existing, entity };
    });
    return { created: saved.created, value: toApplicazioneView(saved.entity, await this.names([saved.entity])) };
  }

  async listOperatori(filter: UtenzeFilter, page: PageRequest): Promise<Page<OperatoreView>> {
    authorize(this.actor, 'Anagrafica Ruoli', 'R');
    const where: Where = {};
    if (filter.abilitato != null) where.abilitato = filter.abilitato;
    if (filter.principal) where.principal = filter.principal;
    const result = await findPage(this.em, Operatore, where, page);
    const names = await this.names(result.items);
    return { ...result, items: result.items.map((o) => toOperatoreView(o, names)) };
  }

  async getOperatore(principal: string): Promise<OperatoreView> {
    authorize(this.actor, 'Anagrafica Ruoli', 'R');
    const o = await this.em.findOne(Operatore, { principal });
    if (!o) throw errors.notFound(`Operatore ${principal} inesistente.`);
    return toOperatoreView(o, await this.names([o]));
  }

  async saveOperatore(principal: string, raw: unknown): Promise<Saved<OperatoreView>> {
    authorize(this.actor, 'Anagrafica Ruoli', 'W');
    parseInput(ids.principal, principal, 'principal');
    const input = parseInput(operatoreInput, raw);
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    const saved = await saveConfiguration(this.em, async (em) => {
      await this.checkScope(em, input.domini, input.tipiPendenza);
      await checkRuoli(em, input.ruoli);
      const existing = await em.findOne(Operatore, { principal });
      if (!existing) await this.checkPrincipalFree(em, principal);
      const entity = existing ?? em.create(Operatore, { principal } as Operatore);
      Object.assign(entity, {
        ragioneSociale: input.ragioneSociale,
        domini: input.domini as DominioAutorizzato[],
        tipiPendenza: input.tipiPendenza,
        acl: mergeAcl(input.acl),
        ruoli: input.ruoli,
        abilitato: input.abilitato,
      });
      if (passwordHash) entity.passwordHash = passwordHash;
      return { created: !existing, entity };
    });
    return { created: saved.created, value: toOperatoreView(saved.entity, await this.names([saved.entity])) };
  }

  /** GovPay's patch of an applicazione (see patchUtenza for the paths). */
  async patchApplicazione(idA2A: string, raw: unknown): Promise<ApplicazioneView> {
    authorize(this.actor, 'Anagrafica Applicazioni', 'W');
    parseInput(ids.idA2A, idA2A, 'idA2A');
    const entity = await this.patch(raw, true, (em) => em.findOne(Applicazione, { idA2A }), `Applicazione ${idA2A} inesistente.`);
    return toApplicazioneView(entity, await this.names([entity]));
  }

  /** GovPay's patch of an operatore (see patchUtenza for the paths). */
  async patchOperatore(principal: string, raw: unknown): Promise<OperatoreView> {
    authorize(this.actor, 'Anagrafica Ruoli', 'W');
    parseInput(ids.principal, principal, 'principal');
    const entity = await this.patch(raw, true, (em) => em.findOne(Operatore, { principal }), `Operatore ${principal} inesistente.`);
    return toOperatoreView(entity, await this.names([entity]));
  }

  /** What an operatore may change about itself, as in GovPay: its own password (`/password`), nothing else. */
  async patchProfilo(raw: unknown): Promise<ProfiloView> {
    const ops = parseInput(patchOps, raw);
    for (const op of ops) if (op.path !== '/password') throw patchError.path(op);
    const missing = "Non esiste un operatore associato all'utenza autenticata.";
    if (this.actor.kind !== 'operatore') throw errors.notFound(missing);
    await this.patch(ops, false, (em) => em.findOne(Operatore, { principal: this.actor.id }), missing);
    return this.profilo();
  }

  /** The caller's own profile: who it is and what it may do (its own ACLs with its roles'). */
  async profilo(): Promise<ProfiloView> {
    const utenza =
      this.actor.kind === 'applicazione'
        ? await this.em.findOne(Applicazione, { idA2A: this.actor.id })
        : await this.em.findOne(Operatore, { principal: this.actor.id });
    if (!utenza) throw errors.unauthenticated();
    const { domini, tipiPendenza } = utenzaScope(utenza, await this.names([utenza]));
    const acl = mergeAcl(await effectiveAcl(this.em, utenza));
    return { nome: this.actor.nome, domini, tipiPendenza, acl, autenticazione: this.actor.autenticazione };
  }

  /** Applies a patch to the utenza `load` finds (404 `missing` when none), in one transaction that moves the revision. */
  private async patch<U extends Applicazione | Operatore>(
    raw: unknown,
    mayRemovePassword: boolean,
    load: (em: EntityManager) => Promise<U | null>,
    missing: string,
  ): Promise<U> {
    const ops = parseInput(patchOps, raw);
    const hashes = await hashPasswords(ops, mayRemovePassword);
    return saveConfiguration(this.em, async (em) => {
      const u = await load(em);
      if (!u) throw errors.notFound(missing);
      await patchUtenza(em, u, ops, hashes);
      return u;
    });
  }

  /** One query per kind of name for a whole page of utenze. */
  async names(utenze: Array<Applicazione | Operatore>): Promise<UtenzaNames> {
    const dominiIds = new Set<string>();
    const tipiIds = new Set<string>();
    const ruoliIds = new Set<string>();
    for (const u of utenze) {
      for (const d of u.domini) if (d.idDominio !== '*') dominiIds.add(d.idDominio);
      for (const t of u.tipiPendenza) if (t !== '*') tipiIds.add(t);
      for (const r of u.ruoli) ruoliIds.add(r);
    }
    const [domini, unita, tipi, ruoli] = await Promise.all([
      dominiIds.size ? this.em.find(Dominio, { idDominio: { $in: [...dominiIds] } }) : [],
      dominiIds.size ? this.em.find(UnitaOperativa, { dominio: { idDominio: { $in: [...dominiIds] } } }) : [],
      tipiIds.size ? this.em.find(TipoPendenza, { idTipoPendenza: { $in: [...tipiIds] } }) : [],
      ruoliIds.size ? this.em.find(Ruolo, { idRuolo: { $in: [...ruoliIds] } }) : [],
    ]);
    return {
      domini: new Map(domini.map((d) => [d.idDominio, d.ragioneSociale])),
      unita: new Map(unita.map((u) => [`${u.dominio.idDominio}/${u.idUnita}`, u.ragioneSociale])),
      tipiPendenza: new Map(tipi.map((t) => [t.idTipoPendenza, t.descrizione])),
      ruoli: new Map(ruoli.map((r) => [r.idRuolo, toRuoloView(r)])),
    };
  }

  private async checkScope(
    em: EntityManager,
    domini: Array<{ idDominio: string; unitaOperative?: string[] }>,
    tipiPendenza: string[],
  ): Promise<void> {
    for (const d of domini) {
      if (d.idDominio === '*') continue;
      if (!(await em.count(Dominio, { idDominio: d.idDominio }))) {
        throw errors.unprocessable('SEMANTICA', `Il dominio ${d.idDominio} non e' censito.`);
      }
      for (const idUnita of d.unitaOperative ?? []) {
        if (!(await em.count(UnitaOperativa, { dominio: { idDominio: d.idDominio }, idUnita }))) {
          throw errors.unprocessable('SEMANTICA', `L'unita' operativa ${idUnita} del dominio ${d.idDominio} non e' censita.`);
        }
      }
    }
    const concrete = tipiPendenza.filter((t) => t !== '*');
    if (concrete.length) {
      const found = new Set((await em.find(TipoPendenza, { idTipoPendenza: { $in: concrete } })).map((t) => t.idTipoPendenza));
      const missing = concrete.find((t) => !found.has(t));
      if (missing) throw errors.unprocessable('SEMANTICA', `Il tipo pendenza ${missing} non e' censito.`);
    }
  }

  /** Applicazioni and operatori share one namespace of principals, as in GovPay. */
  private async checkPrincipalFree(em: EntityManager, principal: string, current?: string): Promise<void> {
    if (principal === current) return;
    const taken = (await em.count(Applicazione, { principal })) + (await em.count(Operatore, { principal }));
    if (taken) throw errors.unprocessable('SEMANTICA', `Il principal ${principal} e' gia' associato ad un'altra utenza.`);
  }
}

/** The new passwords of a patch, hashed before its transaction (scrypt is slow); `/password` null removes it where allowed. */
async function hashPasswords(ops: PatchOp[], mayRemove: boolean): Promise<PasswordHashes> {
  const hashes: PasswordHashes = new Map();
  for (const op of ops) {
    if (op.path !== '/password') continue;
    if (op.value === null && mayRemove) hashes.set(op, null);
    else if (typeof op.value !== 'string' || !op.value.trim()) throw patchError.value(op);
    else hashes.set(op, await hashPassword(parseInput(password, op.value, 'password')));
  }
  return hashes;
}
