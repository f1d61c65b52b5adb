import { patchOps, ruoloInput } from '../../subgraphs/anagrafica/services';
import { parseInput } from '../../core/validation';
import { aclDelGrafo, aclGovPay, type GraphAcl } from '../shared/acl';
import { jsonBody, patchBody, saved } from '../shared/http';
import { custom, list, type Operation } from '../shared/table';

/** A role as the graph gives it. */
export interface GraphRuolo {
  idRuolo: string;
  acl: GraphAcl[];
}

export const RUOLO_FIELDS = 'idRuolo acl { servizio autorizzazioni }';

/** GovPay's `ruolo`: its name as `id`, and its ACLs. */
export const ruoloJson = (r: GraphRuolo) => ({ id: r.idRuolo, acl: aclGovPay(r.acl) });

/**
 * A PATCH of the anagrafica (roles, utenze, the profile): GovPay's JSON-patch operations handed to
 * the graph's `mutation` (whose input type is its name's, capitalized), answering what it selects
 * rendered as GovPay's resource.
 */
export function patchOperation<P>(op: {
  path: string;
  mutation: string;
  selection: string;
  input: (params: Record<string, string>) => Record<string, unknown>;
  render: (payload: P) => unknown;
}): Operation {
  const inputType = `${op.mutation[0].toUpperCase()}${op.mutation.slice(1)}Input`;
  return custom({
    method: 'patch',
    path: op.path,
    run: async ({ req, params, principal, graph }) => {
      const operazioni = parseInput(patchOps, patchBody(req));
      const data = await graph.run<Record<string, P>>(
        `mutation ($input: ${inputType}!) { payload: ${op.mutation}(input: $input) { ${op.selection} } }`,
        { input: { ...op.input(params), operazioni } },
        principal,
      );
      return { status: 200, body: op.render(data.payload) };
    },
  });
}

/** Backoffice "Anagrafica Ruoli": GovPay's roles, as one table. */
export const BACKOFFICE_RUOLI: readonly Operation[] = [
  list({
    path: '/ruoli',
    field: 'ruoli',
    filterType: 'RuoloFilter',
    orderType: 'RuoloOrder',
    selection: 'idRuolo',
    filter: () => ({}),
    map: (r: GraphRuolo) => ({ id: r.idRuolo }),
  }),
  custom({
    method: 'get',
    path: '/ruoli/:idRuolo',
    run: async ({ params, principal, graph }) => {
      const data = await graph.run<{ ruolo: GraphRuolo }>(
        `query ($id: String!) { ruolo(idRuolo: $id) { ${RUOLO_FIELDS} } }`,
        { id: params.idRuolo },
        principal,
      );
      return { status: 200, body: ruoloJson(data.ruolo) };
    },
  }),
  custom({
    method: 'put',
    path: '/ruoli/:idRuolo',
    run: async ({ req, params, principal, graph }) => {
      const { acl } = parseInput(ruoloInput, jsonBody(req));
      const data = await graph.run<{ salvaRuolo: { creato: boolean } }>(
        'mutation ($input: SalvaRuoloInput!) { salvaRuolo(input: $input) { creato } }',
        { input: { idRuolo: params.idRuolo, acl: aclDelGrafo(acl) } },
        principal,
      );
      return saved(data.salvaRuolo.creato);
    },
  }),
  patchOperation({
    path: '/ruoli/:idRuolo',
    mutation: 'modificaRuolo',
    selection: `ruolo { ${RUOLO_FIELDS} }`,
    input: (params) => ({ idRuolo: params.idRuolo }),
    render: (payload: { ruolo: GraphRuolo }) => ruoloJson(payload.ruolo),
  }),
];
