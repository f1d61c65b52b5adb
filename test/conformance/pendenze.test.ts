import { pendenzeRouter } from '../../rest-compat/pendenze';
import { GENERIC_ERRORS, PendenzeSpec } from './openapi';
import { collectReplies, coverageProblems, report, routedEndpoints, routingProblems } from './report';
import { PV2, sweep } from './sweep-pendenze';

/**
 * Conformance of API Pendenze v2 to GovPay's OpenAPI (api-pendenze-v2.yaml): every reply recorded
 * by `npm test` (pendenze-*.jsonl) and every reply of this suite's own sweep is validated against
 * the response the spec documents for its operation and status. PDF replies are checked for their
 * status and media type only (the spec's content map), JSON replies against their schema.
 *
 * GovPay's documented deviations from its own spec, and nothing looser, are accepted
 * (see the PENDENZE profile in openapi.ts):
 * - PUT /pendenze/{idA2A}/{idPendenza} answers 201 on create, the spec lists only 200 (govpay-rest-apis.md §1);
 * - GET /rpp/{idDominio}/{iuv}/{ccp} lists 201, a compatibility layer answers 200 (govpay-rest-apis.md §1);
 * - every operation may answer 400/401/403/404/422 with a FaultBean (govpay-rest-apis.md §0.2), and the
 *   hub's own refusals 429/503/504 with a FaultBean (openapi.ts, HUB_REFUSALS).
 * And one check tighter than the schema: PendenzaCreata is exactly {idDominio, numeroAvviso, UUID, pdf?},
 * `pdf` present if and only if the request asked `stampaAvviso=true` (govpay-rest-apis.md §1).
 */

/** The API Pendenze operations the hub implements (method + the spec's path template). */
const IMPLEMENTED = [
  'GET /pendenze',
  'PUT /pendenze/{idA2A}/{idPendenza}',
  'PATCH /pendenze/{idA2A}/{idPendenza}',
  'GET /pendenze/{idA2A}/{idPendenza}',
  'GET /pendenze/byAvviso/{idDominio}/{numeroAvviso}',
  'GET /avvisi/{idDominio}/{numeroAvviso}',
  'GET /rpp',
  'GET /rpp/{idDominio}/{iuv}/{ccp}',
  'GET /rpp/{idDominio}/{iuv}/{ccp}/rpt',
  'GET /rpp/{idDominio}/{iuv}/{ccp}/rt',
  'GET /profilo',
  'GET /documenti/{idDominio}/{numeroDocumento}/avvisi',
  'GET /allegati/{id}',
];

let spec: PendenzeSpec | undefined;
let specError: unknown;
try {
  spec = new PendenzeSpec();
} catch (e) {
  specError = e;
}

describe(`API Pendenze v2 conformance to GovPay's OpenAPI (api-pendenze-v2.yaml)`, () => {
  if (!spec) {
    it("finds GovPay's OpenAPI reference (../shared/reference or $GOVPAY_REFERENCE_DIR)", () => {
      throw specError;
    });
    return;
  }
  const s = spec;
  const { all, repliesOf } = collectReplies(s, 'pendenze', 'API Pendenze', sweep);

  it('lists exactly the operations the hub routes, each an operation of the spec', () => {
    const router = pendenzeRouter({} as never, {} as never, 'x-principal');
    const problems = routingProblems(s, IMPLEMENTED, routedEndpoints(s, router));
    if (problems.length) throw new Error(problems.join('\n'));
  });

  it('accounts for every operation of the spec: implemented or a known gap', () => {
    const problems = [
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

  it('replies outside the implemented operations (known gaps, unknown paths, methods) conform', () => {
    const others = all().filter((r) => !IMPLEMENTED.includes(s.endpointOf(r.method, r.path).endpoint));
    const message = report(s, others);
    if (message) throw new Error(message);
  });

  it('exercised every implemented operation, with at least one success', () => {
    const problems = coverageProblems(IMPLEMENTED, repliesOf);
    if (problems.length) throw new Error(problems.join('\n'));
  });

  it('exercised the PUT both as a creation (201) and as an update (200), and the avviso both as JSON and as PDF', () => {
    const statuses = new Set(repliesOf('PUT /pendenze/{idA2A}/{idPendenza}').map((r) => r.status));
    expect([201, 200].filter((c) => !statuses.has(c))).toEqual([]);
    const avvisi = repliesOf('GET /avvisi/{idDominio}/{numeroAvviso}').filter((r) => r.status === 200);
    expect(avvisi.some((r) => typeof r.body === 'object')).toBe(true);
    expect(avvisi.some((r) => r.contentType?.startsWith('application/pdf'))).toBe(true);
  });

  it('covers the error replies: 400, 401, 403, 404 and 422', () => {
    const statuses = new Set(all().map((r) => r.status));
    expect(GENERIC_ERRORS.filter((c) => !statuses.has(c))).toEqual([]);
  });

  it('rejects what the spec forbids (self-check of the validator)', () => {
    const bad = (method: string, path: string, status: number, body: unknown, contentType?: string) =>
      s.check({ method, path, status, body, contentType }).problems;
    const creata = { idDominio: '12345678901', numeroAvviso: '001340000000000000', UUID: 'u' };
    const fault = { categoria: 'RICHIESTA', codice: 'SINTASSI', descrizione: 'Richiesta non valida' };
    // PendenzaCreata: 201 and 200 accepted, exactly its fields, pdf only with stampaAvviso=true.
    expect(bad('PUT', `${PV2}/pendenze/A/B`, 201, creata)).toEqual([]);
    expect(bad('PUT', `${PV2}/pendenze/A/B`, 200, creata)).toEqual([]);
    expect(bad('PUT', `${PV2}/pendenze/A/B?stampaAvviso=true`, 201, { ...creata, pdf: 'JVBE' })).toEqual([]);
    expect(bad('PUT', `${PV2}/pendenze/A/B`, 201, { ...creata, pdf: 'JVBE' })).not.toEqual([]);
    expect(bad('PUT', `${PV2}/pendenze/A/B?stampaAvviso=true`, 201, creata)).not.toEqual([]);
    expect(bad('PUT', `${PV2}/pendenze/A/B`, 201, { ...creata, stato: 'NON_ESEGUITA' })).not.toEqual([]);
    expect(bad('PUT', `${PV2}/pendenze/A/B`, 201, { idDominio: '12345678901', numeroAvviso: '001340000000000000' })).not.toEqual([]);
    expect(bad('PUT', `${PV2}/pendenze/A/B`, 202, creata)).not.toEqual([]);
    // The 200-for-201 exception is GET /rpp/{...} only; 201 for a GET detail is not excused.
    expect(bad('GET', `${PV2}/pendenze/A/B`, 201, undefined)).not.toEqual([]);
    expect(bad('GET', `${PV2}/rpp/12345678901/01234/n%2Fa`, 200, { stato: 'x' })).not.toEqual([]);
    // Errors: FaultBean, any of the generic statuses; others only where documented.
    expect(bad('GET', `${PV2}/pendenze/A/B`, 422, fault)).toEqual([]);
    expect(bad('GET', `${PV2}/pendenze/A/B`, 404, { codice: '404000' })).not.toEqual([]);
    expect(bad('PUT', `${PV2}/pendenze/A/B`, 415, fault)).not.toEqual([]);
    // The hub's refusals (throttled, database unreachable, subgraph timeout): a FaultBean on any operation, nothing else.
    expect(bad('GET', `${PV2}/profilo`, 429, { ...fault, categoria: 'AUTORIZZAZIONE', codice: '429000' })).toEqual([]);
    expect(bad('GET', `${PV2}/rpp`, 504, { ...fault, categoria: 'INTERNO', codice: '504000' })).toEqual([]);
    expect(bad('GET', `${PV2}/profilo`, 429, { errore: 'troppi tentativi' })).not.toEqual([]);
    expect(bad('GET', `${PV2}/profilo`, 418, fault)).not.toEqual([]);
    expect(bad('GET', `${PV2}/profilo`, 418, undefined)).not.toEqual([]);
    // Shapes and media types.
    expect(bad('GET', `${PV2}/pendenze`, 200, { numRisultati: 1, numPagine: 1, risultatiPerPagina: 25, pagina: 1, risultati: [{ idA2A: 'A' }] })).not.toEqual([]);
    expect(bad('GET', `${PV2}/avvisi/12345678901/001340000000000000`, 200, { stato: 'PAGATA' })).not.toEqual([]);
    expect(bad('GET', `${PV2}/avvisi/12345678901/001340000000000000`, 200, { stato: 'NON_ESEGUITA' })).toEqual([]);
    expect(bad('GET', `${PV2}/avvisi/12345678901/001340000000000000`, 200, '%PDF-1.4 …', 'application/pdf')).toEqual([]);
    expect(bad('GET', `${PV2}/avvisi/12345678901/001340000000000000`, 200, '<avviso/>', 'application/xml')).not.toEqual([]);
    expect(bad('GET', `${PV2}/profilo`, 200, '%PDF-1.4 …', 'application/pdf')).not.toEqual([]);
    expect(bad('PATCH', `${PV2}/pendenze/A/B`, 200, undefined)).toEqual([]);
    expect(bad('PATCH', `${PV2}/pendenze/A/B`, 200, { stato: 'ANNULLATA' })).not.toEqual([]);
  });
});
