import type { EntityManager } from '@mikro-orm/core';
import { Ruolo } from '../../../schema/entities';
import { errors } from '../../../core/errors';
import { findPage, type Where } from '../../../core/find-page';
import { mapPage, type Page, type PageRequest } from '../../../core/paging';
import type { Principal } from '../../../core/principal';
import { parseInput } from '../../../core/validation';
import { mergeAcl } from './acl';
import { authorize } from './access';
import { ids, patchOps, ruoloInput } from './inputs';
import type { Saved } from './intermediari';
import { patchAcl, patchError } from './patch';
import { saveConfiguration } from './revision';
import { toRuoloView, type RuoloView } from './views';

export const RUOLI_ORDER = { ID_RUOLO: 'idRuolo' };

/**
 * GovPay's roles ("Anagrafica Ruoli"): named sets of ACLs that applicazioni and operatori take on.
 * Every change moves the anagrafica revision, so callers holding a role get its new rights on their
 * next call, on every instance.
 */
export class RuoliService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
  ) {}

  async list(filter: { idRuolo?: string | null }, page: PageRequest): Promise<Page<RuoloView>> {
    authorize(this.actor, 'Anagrafica Ruoli', 'R');
    const where: Where = {};
    if (filter.idRuolo) where.idRuolo = filter.idRuolo;
    return mapPage(await findPage(this.em, Ruolo, where, page), toRuoloView);
  }

  async get(idRuolo: string): Promise<RuoloView> {
    authorize(this.actor, 'Anagrafica Ruoli', 'R');
    return toRuoloView(await load(this.em, idRuolo));
  }

  /** A role by its primary key (its global id's), with get's rights and error. */
  async getByPk(pk: number): Promise<RuoloView> {
    authorize(this.actor, 'Anagrafica Ruoli', 'R');
    const r = await this.em.findOne(Ruolo, { id: pk });
    if (!r) throw errors.notFound(`Ruolo ${pk} inesistente.`);
    return toRuoloView(r);
  }

  async save(idRuolo: string, raw: unknown): Promise<Saved<RuoloView>> {
    authorize(this.actor, 'Anagrafica Ruoli', 'W');
    parseInput(ids.ruolo, idRuolo, 'idRuolo');
    const input = parseInput(ruoloInput, raw);
    return saveConfiguration(this.em, async (em) => {
      const existing = await em.findOne(Ruolo, { idRuolo });
      const entity = existing ?? em.create(Ruolo, { idRuolo } as Ruolo);
      entity.acl = mergeAcl(input.acl);
      return { created: !existing, value: toRuoloView(entity) };
    });
  }

  /** GovPay's patch of a role: `/acl` with ADD (a servizio's rights) or DELETE (a servizio). */
  async patch(idRuolo: string, raw: unknown): Promise<RuoloView> {
    authorize(this.actor, 'Anagrafica Ruoli', 'W');
    parseInput(ids.ruolo, idRuolo, 'idRuolo');
    const ops = parseInput(patchOps, raw);
    return saveConfiguration(this.em, async (em) => {
      const entity = await load(em, idRuolo);
      let acl = entity.acl;
      for (const op of ops) {
        if (op.path !== '/acl') throw patchError.path(op);
        acl = patchAcl(acl, op, false);
      }
      entity.acl = acl;
      return toRuoloView(entity);
    });
  }
}

async function load(em: EntityManager, idRuolo: string): Promise<Ruolo> {
  const r = await em.findOne(Ruolo, { idRuolo });
  if (!r) throw errors.notFound(`Ruolo ${idRuolo} inesistente.`);
  return r;
}

/** GovPay's 422 for a role that does not exist, when assigning roles to an utenza. */
export async function checkRuoli(em: EntityManager, ruoli: readonly string[]): Promise<void> {
  if (!ruoli.length) return;
  const found = new Set((await em.find(Ruolo, { idRuolo: { $in: [...ruoli] } })).map((r) => r.idRuolo));
  const missing = ruoli.find((r) => !found.has(r));
  if (missing) throw errors.unprocessable('SEMANTICA', `Il ruolo ${missing} indicato non esiste.`);
}
