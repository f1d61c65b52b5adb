import { pagamentoRouter } from '../../rest-compat/pagamento';
import { AddressList } from '../../core/address-list';
import { GENERIC_ERRORS, PagamentoSpec } from './openapi';
import { collectReplies, coverageProblems, report, routedEndpoints, routingProblems } from './report';
import { checkoutDouble, PAG, sweep } from './sweep-pagamento';

/**
 * Conformance of API Pagamento v2 to GovPay's OpenAPI (api-pagamento-v2.yaml): every reply recorded
 * by `npm test` (pagamento-*.jsonl, test/api-pagamento.test.ts) and of this suite's sweep (basic,
 * spid and public modes) is validated against the response the spec documents. Accepted deviations:
 * those of API Pendenze it shares (the paging envelope without counts, GET /rpp/{…} with 200), the
 * generic error statuses of GovPay's notes, and the hub's own 429/503/504 refusals.
 */
const IMPLEMENTED = [
  'POST /pagamenti',
  'GET /pagamenti',
  'GET /pagamenti/{id}',
  'GET /pagamenti/byIdSession/{idSession}',
  'GET /pendenze',
  'GET /pendenze/{idA2A}/{idPendenza}',
  'POST /pendenze/{idDominio}/{idTipoPendenza}',
  'GET /rpp',
  'GET /rpp/{idDominio}/{iuv}/{ccp}',
  'GET /rpp/{idDominio}/{iuv}/{ccp}/rpt',
  'GET /rpp/{idDominio}/{iuv}/{ccp}/rt',
  'GET /pendenze/byAvviso/{idDominio}/{numeroAvviso}',
  'GET /avvisi/{idDominio}/{numeroAvviso}',
  'GET /allegati/{id}',
  'GET /domini',
  'GET /domini/{idDominio}/tipiPendenza',
  'GET /domini/{idDominio}/unitaOperative',
  'GET /profilo',
  'GET /logout',
];
/** Implemented and exercised, but only refusals in the sweep: the sweep loads no allegato. */
const ONLY_REFUSED = ['GET /allegati/{id}'];

let spec: PagamentoSpec | undefined;
let specError: unknown;
try {
  spec = new PagamentoSpec();
} catch (e) {
  specError = e;
}

describe(`API Pagamento v2 conformance to GovPay's OpenAPI (api-pagamento-v2.yaml)`, () => {
  if (!spec) {
    it("finds GovPay's OpenAPI reference (../shared/reference or $GOVPAY_REFERENCE_DIR)", () => {
      throw specError;
    });
    return;
  }
  const s = spec;
  const { all, repliesOf } = collectReplies(s, 'pagamento', 'API Pagamento', sweep, checkoutDouble);

  it('lists exactly the operations the hub routes, and accounts for every operation of the spec', () => {
    const router = pagamentoRouter({} as never, {} as never, 'x-principal', { json: (_q, _s, n) => n(), spidProxies: new AddressList([]) });
    // GovPay's API Pagamento also serves /domini/{idDominio} and its logo, outside its own spec.
    const routed = routedEndpoints(s, router).filter((e) => !['GET /domini/idDominio-value', 'GET /domini/idDominio-value/logo'].includes(e));
    const problems = [
      ...routingProblems(s, IMPLEMENTED, routed),
      ...s.operations.filter((e) => !IMPLEMENTED.includes(e)).map((e) => `an operation of the spec the hub does not implement: ${e}`),
    ];
    if (problems.length) throw new Error(problems.join('\n'));
  });

  for (const endpoint of IMPLEMENTED) {
    it(`${endpoint}: every reply conforms`, () => {
      const message = report(s, repliesOf(endpoint));
      if (message) throw new Error(message);
    });
  }

  it('replies outside the spec\'s operations (GovPay\'s /domini/{idDominio} and logo, unknown paths) conform where they can', () => {
    const others = all().filter((r) => !IMPLEMENTED.includes(s.endpointOf(r.method, r.path).endpoint) && !/\/domini\/\d{11}(\/logo)?(\?|$)/.test(r.path));
    const message = report(s, others);
    if (message) throw new Error(message);
  });

  it('exercised every implemented operation, with at least one success', () => {
    const problems = coverageProblems(IMPLEMENTED.filter((e) => !ONLY_REFUSED.includes(e)), repliesOf);
    expect(ONLY_REFUSED.flatMap((e) => (repliesOf(e).length ? [] : [e]))).toEqual([]);
    if (problems.length) throw new Error(problems.join('\n'));
  });

  it('covers the error replies, and POST /pagamenti both created (201) and refused with a FaultBeanEsteso (422 with id and location)', () => {
    const statuses = new Set(all().map((r) => r.status));
    expect(GENERIC_ERRORS.filter((c) => !statuses.has(c))).toEqual([]);
    const posts = repliesOf('POST /pagamenti');
    expect(posts.some((r) => r.status === 201)).toBe(true);
    expect(posts.some((r) => r.status === 422 && typeof (r.body as { id?: unknown }).id === 'string' && typeof (r.body as { location?: unknown }).location === 'string')).toBe(true);
  });

  it('rejects what the spec forbids (self-check of the validator)', () => {
    const bad = (method: string, path: string, status: number, body: unknown) => s.check({ method, path, status, body }).problems;
    expect(bad('POST', `${PAG()}/pagamenti`, 201, { id: 'a', location: '/pagamenti/a', redirect: 'http://x' })).toEqual([]);
    expect(bad('POST', `${PAG()}/pagamenti`, 201, { id: 'a', location: '/pagamenti/a' })).not.toEqual([]);
    expect(bad('GET', `${PAG('spid')}/pagamenti/a`, 200, { id: 'a', nome: 'n', stato: 'PAGATO', importo: 1, pendenze: [] })).not.toEqual([]);
    expect(bad('GET', `${PAG('public')}/profilo`, 418, undefined)).not.toEqual([]);
  });
});
