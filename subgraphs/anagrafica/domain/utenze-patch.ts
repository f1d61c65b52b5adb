import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { Applicazione, Dominio, Operatore, TipoPendenza, UnitaOperativa, type DominioAutorizzato } from '../../../schema/entities';
import { dominioAutorizzato, ids, tipoPendenzaAutorizzato, type PatchOp } from './inputs';
import { patchAcl, patchError } from './patch';
import { checkRuoli } from './ruoli';

/** New password hashes by the `/password` operation that sets them (null: remove the password). */
export type PasswordHashes = Map<PatchOp, string | null>;

/** A patch's value as `schema` reads it, or GovPay's "Value non valido" for the path. */
function valueOf<S extends z.ZodType>(schema: S, op: PatchOp): z.output<S> {
  const r = schema.safeParse(op.value);
  if (!r.success) throw patchError.value(op);
  return r.data;
}

/**
 * GovPay's patch of an applicazione or operatore, applied to the entity inside the caller's
 * transaction (the first refused operation undoes them all):
 * - `/acl` ADD a servizio's rights, DELETE a servizio;
 * - `/domini` ADD or DELETE a dominio (`'*'` for all), or some of its unità operative
 *   (`{ idDominio, unitaOperative }`);
 * - `/tipiPendenza` ADD or DELETE a tipo pendenza (`'*'` for all);
 * - `/password` any op: the new password, or null to remove it.
 * The hub adds what its own model has: `/ruoli` ADD or DELETE a role (REPLACE: the whole list), and
 * `/abilitato` REPLACE with a boolean.
 */
export async function patchUtenza(em: EntityManager, u: Applicazione | Operatore, ops: PatchOp[], hashes: PasswordHashes): Promise<void> {
  for (const op of ops) {
    switch (op.path) {
      case '/acl':
        u.acl = patchAcl(u.acl, op, true);
        break;
      case '/domini':
        u.domini = await patchDomini(em, u.domini, op);
        break;
      case '/tipiPendenza':
        u.tipiPendenza = await patchTipiPendenza(em, u.tipiPendenza, op);
        break;
      case '/password':
        u.passwordHash = hashes.get(op) ?? null;
        break;
      case '/ruoli':
        u.ruoli = await patchRuoli(em, u.ruoli, op);
        break;
      case '/abilitato':
        if (op.op !== 'REPLACE') throw patchError.op(op);
        u.abilitato = valueOf(z.boolean(), op);
        break;
      default:
        throw patchError.path(op);
    }
  }
}

async function patchDomini(em: EntityManager, domini: DominioAutorizzato[], op: PatchOp): Promise<DominioAutorizzato[]> {
  const { idDominio, unitaOperative = [] } = valueOf(dominioAutorizzato, op);
  if (op.op === 'REPLACE') throw patchError.op(op);
  if (idDominio === '*') return op.op === 'ADD' ? [{ idDominio: '*' }] : [];
  if (!(await em.count(Dominio, { idDominio }))) throw patchError.value(op);
  for (const idUnita of unitaOperative) {
    if (!(await em.count(UnitaOperativa, { dominio: { idDominio }, idUnita }))) throw patchError.value(op);
  }
  const current = domini.find((d) => d.idDominio === idDominio);
  const others = domini.filter((d) => d !== current);
  if (op.op === 'ADD') {
    // A dominio without unità operative is the whole dominio: adding units to it narrows nothing.
    const whole = !unitaOperative.length || (current && !current.unitaOperative?.length);
    const unita = whole ? undefined : [...new Set([...(current?.unitaOperative ?? []), ...unitaOperative])];
    return [...others, unita ? { idDominio, unitaOperative: unita } : { idDominio }];
  }
  if (!unitaOperative.length || !current?.unitaOperative?.length) return others;
  const rest = current.unitaOperative.filter((id) => !unitaOperative.includes(id));
  return rest.length ? [...others, { idDominio, unitaOperative: rest }] : others;
}

async function patchTipiPendenza(em: EntityManager, tipi: string[], op: PatchOp): Promise<string[]> {
  const id = valueOf(tipoPendenzaAutorizzato, op);
  if (op.op === 'REPLACE') throw patchError.op(op);
  if (id === '*') return op.op === 'ADD' ? ['*'] : [];
  if (!(await em.count(TipoPendenza, { idTipoPendenza: id }))) throw patchError.value(op);
  const others = tipi.filter((t) => t !== id);
  return op.op === 'ADD' ? [...others, id] : others;
}

async function patchRuoli(em: EntityManager, ruoli: string[], op: PatchOp): Promise<string[]> {
  if (op.op === 'REPLACE') {
    const all = [...new Set(valueOf(z.array(ids.ruolo).max(100), op))];
    await checkRuoli(em, all);
    return all;
  }
  const id = valueOf(ids.ruolo, op);
  const others = ruoli.filter((r) => r !== id);
  if (op.op === 'DELETE') return others;
  await checkRuoli(em, [id]);
  return [...others, id];
}
