import { toGlobalKeyId } from '../core/global-id';
import { PagamentoPortale } from '../schema/entities';
import { CheckoutDouble } from './helpers/checkout-double';
import { gql, type Reply } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { APP, avvia, avviato, faultOf, loadPendenza, pagamento, riferimento } from './helpers/pagamenti';

/**
 * A payment named through the graph: by its global id (Pagamento.id, what a client holds) or by
 * GovPay's idPagamento, read by pagamento(...) and annotated by annotaPagamento; ids that name no
 * payment, or both or neither key, refused clearly (SINTASSI, never a 5xx).
 */
let t: TestHub;
let checkout: CheckoutDouble;
let p: { id: string; idPagamento: string };

beforeAll(async () => {
  checkout = await new CheckoutDouble().start();
  t = await startHub({ CHECKOUT_URL: checkout.url });
  p = avviato(await avvia(t, [riferimento(await loadPendenza(t))])).pagamento;
});
afterAll(async () => {
  await t?.close();
  await checkout?.stop();
});

/** A refusal of bad input: no 5xx, no data, GovPay's SINTASSI with a detail that says why. */
function refusedAsSyntax(r: Reply, dettaglio: RegExp) {
  expect(r.status).toBeLessThan(500);
  expect(r.body.data?.pagamento ?? r.body.data?.annotaPagamento ?? null).toBeNull();
  expect(faultOf(r)).toMatchObject({ categoria: 'RICHIESTA', codice: 'SINTASSI' });
  expect(faultOf(r)?.dettaglio).toMatch(dettaglio);
}

const OTHER_TYPE = toGlobalKeyId('Pendenza', ['IDA2A01', 'P1']);
const BAD_IDS: Array<[string, string]> = [
  ['a malformed id', 'non-un-id!'],
  ['an id of another type', OTHER_TYPE],
  ["GovPay's idPagamento in place of the global id", 'f'.repeat(32)],
];

describe('pagamento(id:, idPagamento:)', () => {
  it('reads the same payment by either key, for its caller', async () => {
    expect(p.id).toBe(toGlobalKeyId('Pagamento', [p.idPagamento]));
    const byId = await pagamento(t, p.id, APP);
    expect(await pagamento(t, { idPagamento: p.idPagamento }, APP)).toEqual(byId);
    expect(byId).toMatchObject({
      id: p.id,
      idPagamento: p.idPagamento,
      stato: 'IN_CORSO',
      avviatoDa: { tipo: 'APPLICAZIONE', principal: 'IDA2A01' },
    });
  });

  it.each([
    ['neither key', {}],
    ['both keys', () => ({ id: p.id, idPagamento: p.idPagamento })],
  ])('refuses %s', async (_, args) => {
    const variables = typeof args === 'function' ? args() : args;
    const r = await gql(
      t.baseUrl,
      'query ($id: ID, $idPagamento: String) { pagamento(id: $id, idPagamento: $idPagamento) { id } }',
      variables,
    );
    refusedAsSyntax(r, /esattamente uno fra id e idPagamento/);
  });

  it.each(BAD_IDS)('refuses %s', async (_, id) => {
    refusedAsSyntax(await gql(t.baseUrl, 'query ($id: ID!) { pagamento(id: $id) { id } }', { id }), /identificativo/);
  });

  it('answers an unknown payment 404 by either key', async () => {
    const nessuno = 'e'.repeat(32);
    for (const r of [
      await gql(t.baseUrl, `{ pagamento(idPagamento: "${nessuno}") { id } }`),
      await gql(t.baseUrl, `{ pagamento(id: "${toGlobalKeyId('Pagamento', [nessuno])}") { id } }`),
    ]) {
      expect(r.body.data).toBeNull();
      expect(faultOf(r)).toMatchObject({ status: 404, dettaglio: `Pagamento ${nessuno} inesistente.` });
    }
  });
});

describe('annotaPagamento', () => {
  const ANNOTA =
    'mutation ($input: AnnotaPagamentoInput!) { annotaPagamento(input: $input) { pagamento { id idPagamento verificato descrizioneStato } } }';
  const verificato = async () => (await t.hub.orm.em.fork().findOneOrFail(PagamentoPortale, { idPagamento: p.idPagamento })).verificato;

  it('names the payment by its global id', async () => {
    const r = await gql(t.baseUrl, ANNOTA, { input: { id: p.id, verificato: true, nota: { oggetto: 'Controllato' } } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.annotaPagamento.pagamento).toEqual({
      id: p.id,
      idPagamento: p.idPagamento,
      verificato: true,
      descrizioneStato: 'Controllato',
    });
    expect(await verificato()).toBe(true);
  });

  it.each(BAD_IDS)('refuses %s, changing nothing', async (_, id) => {
    const before = await verificato();
    refusedAsSyntax(await gql(t.baseUrl, ANNOTA, { input: { id, verificato: !before } }), /identificativo/);
    expect(await verificato()).toBe(before);
  });
});
