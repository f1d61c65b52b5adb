import { errors } from '../../../core/errors';
import { inScope, requireRight, type Principal, type Servizio } from '../../../core/principal';

/**
 * Authorization for the anagrafica: the ACL service and right decide what may be done, the
 * principal's domini decide on which Ente.
 */
export function authorize(actor: Principal, servizio: Servizio, diritto: 'R' | 'W'): void {
  requireRight(actor, servizio, diritto);
}

export function authorizeDominio(actor: Principal, servizio: Servizio, diritto: 'R' | 'W', idDominio: string): void {
  requireRight(actor, servizio, diritto);
  if (!inScope(actor.domini, idDominio)) {
    throw errors.forbidden(`Il chiamante non e' autorizzato ad operare sul dominio ${idDominio}.`);
  }
}

/** The domini a list may show to this actor: undefined when every dominio is visible. */
export function visibleDomini(actor: Principal): string[] | undefined {
  return actor.domini === '*' ? undefined : actor.domini;
}
