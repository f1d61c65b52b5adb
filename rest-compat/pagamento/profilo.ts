import { stripNulls } from '../../core/compact';
import type { Principal } from '../../core/principal';
import { aclInParole } from '../pendenze';

/**
 * The Profilo of a cittadino or an anonymous caller: who the hub takes it for, with the rights API
 * Pagamento gives it; a cittadino's anagrafica as the SPID proxy asserted it.
 */
export function profiloPubblico(p: Principal) {
  const anagrafica =
    p.kind === 'cittadino' ? stripNulls({ tipo: 'F', identificativo: p.id, anagrafica: p.nome, email: p.anagrafica?.email }) : undefined;
  return stripNulls({ nome: p.nome, domini: [], tipiPendenza: [], acl: aclInParole(p.acl), anagrafica });
}
