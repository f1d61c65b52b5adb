import { z } from 'zod';
import { errors } from '../../core/errors';
import { romeDateTime } from '../../core/rome-time';
import { parseInput } from '../../core/validation';
import { pagamentoGlobalId } from '../../subgraphs/pagamenti/services';
import { PAGAMENTO_DETTAGLIO_FIELDS, PAGAMENTO_FIELDS, pagamentoBase, type GraphPagamento } from '../pagamento/pagamento-json';
import { pendenzaIndex, rppJson } from '../pendenze/mapping';
import { patchBody } from '../shared/http';
import { custom, dateTimeParam, found, lenientBoolean, list, textParam, type Operation } from '../shared/table';

/**
 * The Backoffice's payment sessions (GET/PATCH /pagamenti, deprecated in GovPay's spec but still
 * what its console shows): the sessions API Pagamento starts, in the Backoffice's own shape, and
 * an operatore's two changes on one: /verificato and /nota.
 */

/** Every session the hub holds was started on a portal and paid through Checkout: GovPay's Ente-initiated model. */
const MODELLO = 'Pagamento ad iniziativa Ente';

type GraphPagamentoBackoffice = GraphPagamento & { verificato: boolean };

/** The Backoffice's PagamentoBase: API Pagamento's fields, a full date-time, verificato and the model; no pendenze. */
function pagamentoBackoffice(p: GraphPagamentoBackoffice) {
  const { pendenze: _p, ...base } = pagamentoBase(p) as Record<string, unknown>;
  return { ...base, dataRichiestaPagamento: romeDateTime(p.dataRichiesta), modello: MODELLO, verificato: p.verificato };
}

/** GovPay's PagamentoIndex: the attempts as a link. */
const pagamentoIndex = (p: GraphPagamentoBackoffice) => ({ ...pagamentoBackoffice(p), rpp: `/rpp?idPagamento=${p.idPagamento}` });

/** GovPay's Pagamento: the attempts (the receipts that settled the cart's pendenze) in full. */
const pagamentoDettaglio = (p: GraphPagamentoBackoffice) => ({
  ...pagamentoBackoffice(p),
  rpp: (p.pendenze ?? []).flatMap((v) => (v.rpp ? [rppJson(v.rpp, v.rpp.pendenza ? pendenzaIndex(v.rpp.pendenza) : undefined)] : [])),
});

const STATI = ['IN_CORSO', 'ESEGUITO', 'NON_ESEGUITO', 'ESEGUITO_PARZIALE', 'ANNULLATO', 'FALLITO'] as const;

/** GovPay's severita filters: integers, checked as GovPay does; the hub records no severita, so they narrow nothing. */
const severita = (name: string) =>
  z
    .string()
    .max(11)
    .regex(/^-?\d+$/, `Il valore indicato per il parametro [${name}] non e' valido: il valore fornito non e' un intero.`)
    .optional();

const DETTAGLIO = `${PAGAMENTO_DETTAGLIO_FIELDS} verificato`;

/** GovPay's JSON-patch of a session: ADD on /nota ({oggetto, testo}), REPLACE on /verificato (a boolean). */
const notaValue = z.object({ oggetto: z.string().min(1).max(255), testo: z.string().max(1024).nullish() });
const patchOp = z.object({
  op: z.enum(['ADD', 'DELETE', 'REPLACE'], "Il campo op non e' valido."),
  path: z.string().max(255),
  value: z.unknown(),
});

function annotazione(ops: Record<string, unknown>[]) {
  if (!ops.length) throw errors.syntax('Nessuna operazione indicata.');
  const input: { verificato?: boolean; nota?: z.output<typeof notaValue> } = {};
  for (const raw of ops) {
    const op = parseInput(patchOp, raw);
    if (op.path === '/nota') {
      if (op.op !== 'ADD') throw errors.syntax(`Op '${op.op}' non valida per il path '${op.path}'`);
      input.nota = parseInput(notaValue, op.value, 'value');
    } else if (op.path === '/verificato') {
      if (op.op !== 'REPLACE') throw errors.syntax(`Op '${op.op}' non valida per il path '${op.path}'`);
      if (typeof op.value !== 'boolean') throw errors.syntax(`Value non valido per il path '${op.path}'`);
      input.verificato = op.value;
    } else {
      throw errors.syntax(`Path '${op.path}' non valido`);
    }
  }
  return input;
}

export const BACKOFFICE_PAGAMENTI: Operation[] = [
  list({
    path: '/pagamenti',
    query: {
      stato: z
        .enum(STATI, {
          error: (i) => `Codifica inesistente per stato. Valore fornito [${String(i.input)}] valori possibili [${STATI.join(', ')}]`,
        })
        .optional(),
      versante: textParam.optional(),
      idSessionePortale: textParam.optional(),
      verificato: lenientBoolean.optional(),
      dataDa: dateTimeParam().optional(),
      dataA: dateTimeParam(true).optional(),
      idDebitore: textParam.optional(),
      id: textParam.optional(),
      severitaDa: severita('severitaDa'),
      severitaA: severita('severitaA'),
      idDominio: textParam.optional(),
      iuv: textParam.optional(),
      idA2A: textParam.optional(),
      idPendenza: textParam.optional(),
    },
    field: 'pagamenti',
    filterType: 'PagamentiFilter',
    orderType: 'PagamentoOrder',
    selection: `${PAGAMENTO_FIELDS} verificato`,
    ordinamento: { dataRichiestaPagamento: 'DATA_RICHIESTA', stato: 'STATO' },
    filter: (q) => ({
      stato: q.stato,
      idVersante: q.versante,
      idSessionePortale: q.idSessionePortale,
      verificato: q.verificato,
      dataRichiestaDa: q.dataDa,
      dataRichiestaA: q.dataA,
      idDebitore: q.idDebitore,
      idDominio: q.idDominio,
      iuv: q.iuv,
      idA2A: q.idA2A,
      idPendenza: q.idPendenza,
    }),
    map: pagamentoIndex,
  }),
  custom({
    method: 'get',
    path: '/pagamenti/:id',
    async run({ params, principal, graph }) {
      const data = await graph.run<{ pagamento: GraphPagamentoBackoffice | null }>(
        `query ($id: String!) { pagamento(idPagamento: $id) { ${DETTAGLIO} } }`,
        { id: params.id },
        principal,
      );
      return { status: 200, body: pagamentoDettaglio(found(data.pagamento, `Pagamento ${params.id}`)) };
    },
  }),
  custom({
    method: 'patch',
    path: '/pagamenti/:id',
    async run({ req, params, principal, graph }) {
      const input = { id: pagamentoGlobalId(params.id), ...annotazione(patchBody(req)) };
      const data = await graph.run<{ annotaPagamento: { pagamento: GraphPagamentoBackoffice } }>(
        `mutation ($input: AnnotaPagamentoInput!) { annotaPagamento(input: $input) { pagamento { ${DETTAGLIO} } } }`,
        { input },
        principal,
      );
      return { status: 200, body: pagamentoDettaglio(data.annotaPagamento.pagamento) };
    },
  }),
];
