import { SERVIZI } from '../../core/principal';
import { VERSIONI_CONNETTORE } from '../../subgraphs/anagrafica/services';
import { custom, type Operation } from '../shared/table';

/**
 * The Backoffice's enumerazioni: the values its consoles offer in their forms (the ACL services,
 * the connector versions), the same for every authenticated caller, as in GovPay.
 */
export const BACKOFFICE_ENUMERAZIONI: readonly Operation[] = [
  custom({ method: 'get', path: '/enumerazioni/serviziACL', run: async () => ({ status: 200, body: [...SERVIZI] }) }),
  custom({ method: 'get', path: '/enumerazioni/versioneConnettore', run: async () => ({ status: 200, body: [...VERSIONI_CONNETTORE] }) }),
];
