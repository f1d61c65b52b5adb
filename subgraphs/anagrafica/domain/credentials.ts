import type { EntityManager } from '@mikro-orm/core';
import { Applicazione, Operatore, type DominioAutorizzato } from '../../../schema/entities';
import { errors } from '../../../core/errors';
import { verifyPassword } from '../../../core/passwords';
import type { Acl, Principal, Scope } from '../../../core/principal';
import { effectiveAcl } from './acl';

/**
 * Turns credentials into a Principal: the gateway calls this once per caller (and caches the
 * result), the subgraphs only ever see the signed outcome.
 */
export class CredentialsService {
  constructor(private readonly em: EntityManager) {}

  /** HTTP Basic: the principal must exist, have a password, and the password must match. */
  async basic(principal: string, password: string): Promise<Principal> {
    const utenza = await this.find(principal);
    if (!utenza || !(await verifyPassword(password, utenza.passwordHash))) throw errors.unauthenticated();
    return principalOf(this.em, utenza, 'BASIC');
  }

  /** Header mode: a trusted proxy already authenticated the principal it forwards. */
  async trusted(principal: string): Promise<Principal> {
    const utenza = await this.find(principal);
    if (!utenza) throw errors.unauthenticated();
    return principalOf(this.em, utenza, 'HEADER');
  }

  private async find(principal: string): Promise<Applicazione | Operatore | null> {
    return (await this.em.findOne(Applicazione, { principal })) ?? (await this.em.findOne(Operatore, { principal }));
  }
}

function scopeOf(domini: DominioAutorizzato[]): Scope {
  return domini.some((d) => d.idDominio === '*') ? '*' : domini.map((d) => d.idDominio);
}

/** The Principal an enabled utenza acts as, with the rights of its roles (refused, 403, when it is disabled). */
export async function principalOf(
  em: EntityManager,
  u: Applicazione | Operatore,
  autenticazione: Principal['autenticazione'],
): Promise<Principal> {
  if (!u.abilitato) {
    throw errors.forbidden(
      u instanceof Applicazione ? `Applicazione [${u.idA2A}] disabilitata.` : `Operatore [${u.principal}] disabilitato.`,
    );
  }
  return toPrincipal(u, autenticazione, await effectiveAcl(em, u));
}

function toPrincipal(u: Applicazione | Operatore, autenticazione: Principal['autenticazione'], acl: Acl[]): Principal {
  if (u instanceof Applicazione) {
    return {
      kind: 'applicazione',
      id: u.idA2A,
      principal: u.principal,
      nome: u.idA2A,
      domini: scopeOf(u.domini),
      tipiPendenza: u.tipiPendenza.includes('*') ? '*' : u.tipiPendenza,
      acl,
      api: { pagamenti: u.apiPagamenti, pendenze: u.apiPendenze, ragioneria: u.apiRagioneria },
      autenticazione,
    };
  }
  return {
    kind: 'operatore',
    id: u.principal,
    principal: u.principal,
    nome: u.ragioneSociale,
    domini: scopeOf(u.domini),
    // GovPay: an operatore with no tipi pendenza listed may act on all of them.
    tipiPendenza: u.tipiPendenza.length === 0 || u.tipiPendenza.includes('*') ? '*' : u.tipiPendenza,
    acl,
    api: { pagamenti: false, pendenze: false, ragioneria: false },
    autenticazione,
  };
}
