import { SERVIZI_ACL, type Acl, type Diritto } from '../../core/principal';
import { nomiDeiTesti } from './nomi';

/*
 * An ACL's servizio: the graph's ServizioAcl names it (ANAGRAFICA_PAGOPA), GovPay's REST writes and
 * shows its text ("Anagrafica PagoPA"); both from the domain's one table.
 */

type Nome = keyof typeof SERVIZI_ACL;

/** An ACL as the graph shows it. */
export interface GraphAcl {
  servizio: Nome;
  autorizzazioni: Diritto[];
}

const NOMI = nomiDeiTesti(SERVIZI_ACL);

/** ACLs of GovPay's body (checked against GovPay's texts) as the graph's input takes them. */
export const aclDelGrafo = (acl: readonly Acl[]): GraphAcl[] => acl.map((a) => ({ ...a, servizio: NOMI[a.servizio] }));

/** ACLs the graph shows, as GovPay's REST shows them. */
export const aclGovPay = (acl: readonly GraphAcl[]): Acl[] => acl.map((a) => ({ ...a, servizio: SERVIZI_ACL[a.servizio] }));
