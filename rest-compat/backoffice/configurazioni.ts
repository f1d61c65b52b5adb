import { errors } from '../../core/errors';
import { OPERAZIONI_PATCH, type OperazionePatch } from '../../core/json-patch';
import { custom, type Operation } from '../shared/table';
import { jsonBody, patchBody } from '../shared/http';

/**
 * The Backoffice's /configurazioni (GET, POST, PATCH) over the giornale subgraph: GovPay's
 * Configurazione; PATCH takes GovPay's patchOp list, applied all or none.
 */

const SEZIONI = 'giornaleEventi servizioGDE tracciatoCsv hardening mailBatch avvisaturaMail avvisaturaAppIO appIOBatch';

/**
 * A patch's op as the graph's PatchOperation: GovPay's configuration takes it in any case, and
 * answers an unknown one with its own text. A value that is not text is left for the graph to refuse.
 */
function operazione(op: unknown): unknown {
  if (typeof op !== 'string') return op;
  const nome = op.toUpperCase();
  if (!OPERAZIONI_PATCH.includes(nome as OperazionePatch))
    throw errors.syntax(`Operazione '${op}' non valida: ammesse ADD, REPLACE, DELETE.`);
  return nome;
}

const withoutNulls = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

export const BACKOFFICE_CONFIGURAZIONI: Operation[] = [
  custom({
    method: 'get',
    path: '/configurazioni',
    run: async ({ graph, principal }) => {
      const data = await graph.run<{ configurazione: Record<string, unknown> }>(`{ configurazione { ${SEZIONI} } }`, {}, principal);
      return { status: 200, body: withoutNulls(data.configurazione) };
    },
  }),
  custom({
    method: 'post',
    path: '/configurazioni',
    run: async ({ req, graph, principal }) => {
      await graph.run(
        `mutation ($input: SalvaConfigurazioneInput!) { salvaConfigurazione(input: $input) { configurazione { giornaleEventi } } }`,
        { input: { configurazione: jsonBody(req) } },
        principal,
      );
      return { status: 200 };
    },
  }),
  custom({
    method: 'patch',
    path: '/configurazioni',
    run: async ({ req, graph, principal }) => {
      const operazioni = patchBody(req).map((o) => ({ op: operazione(o.op), path: o.path, value: { value: o.value } }));
      const data = await graph.run<{ modificaConfigurazione: { configurazione: Record<string, unknown> } }>(
        `mutation ($input: ModificaConfigurazioneInput!) { modificaConfigurazione(input: $input) { configurazione { ${SEZIONI} } } }`,
        { input: { operazioni } },
        principal,
      );
      return { status: 200, body: withoutNulls(data.modificaConfigurazione.configurazione) };
    },
  }),
];
