import { errors } from '../../../core/errors';
import { DIRITTI, SERVIZI, type Acl, type Diritto, type Servizio } from '../../../core/principal';
import type { PatchOp } from './inputs';

/*
 * GovPay's JSON-patch of the anagrafica (UtenzaPatchUtils): the errors it answers, with its texts,
 * and the operations on an ACL list that utenze and ruoli share.
 */

export const patchError = {
  path: (op: PatchOp) => errors.syntax(`Path '${op.path}' non valido`),
  op: (op: PatchOp) => errors.syntax(`Op '${op.op}' non valido per il path '${op.path}'`),
  value: (op: PatchOp) => errors.syntax(`Value non valido per il path '${op.path}'`),
};

const DIRITTO: Record<string, Diritto> = { R: 'R', W: 'W', Lettura: 'R', Scrittura: 'W' };

/** An ACL as a patch's value, checked as GovPay checks it (and with its messages). */
export function aclOf(value: unknown): Acl {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw errors.syntax('ACL non valida: atteso campo `servizio`');
  const { servizio, autorizzazioni } = value as Record<string, unknown>;
  if (servizio == null) throw errors.syntax('ACL non valida: atteso campo `servizio`');
  if (typeof servizio !== 'string') throw errors.syntax('ACL non valida: attesa stringa come valore di `servizio`');
  if (!(SERVIZI as readonly string[]).includes(servizio)) throw errors.syntax(`ACL non valida: servizio \`${servizio}\` non gestito.`);
  if (autorizzazioni == null) throw errors.syntax('ACL non valida: atteso campo `autorizzazioni`');
  if (!Array.isArray(autorizzazioni) || autorizzazioni.some((a) => typeof a !== 'string')) {
    throw errors.syntax('ACL non valida: attesa lista di stringhe nel campo `autorizzazioni`');
  }
  const rights = new Set<Diritto>();
  for (const a of autorizzazioni as string[]) {
    const d = Object.hasOwn(DIRITTO, a) ? DIRITTO[a] : undefined;
    if (!d) throw errors.syntax(`ACL non valida: servizio \`${servizio}\` non gestito.`);
    rights.add(d);
  }
  return { servizio: servizio as Servizio, autorizzazioni: DIRITTI.filter((r) => rights.has(r)) };
}

/**
 * `/acl`: ADD sets a servizio's rights (adding the servizio or replacing its rights), DELETE removes
 * the servizio; GovPay refuses DELETE of a servizio an utenza does not have (`strict`), and lets a
 * role's pass.
 */
export function patchAcl(acl: readonly Acl[], op: PatchOp, strict: boolean): Acl[] {
  const entry = aclOf(op.value);
  const others = acl.filter((a) => a.servizio !== entry.servizio);
  switch (op.op) {
    case 'ADD':
      return [...others, entry];
    case 'DELETE':
      if (strict && others.length === acl.length) throw patchError.op(op);
      return others;
    default:
      throw patchError.op(op);
  }
}
