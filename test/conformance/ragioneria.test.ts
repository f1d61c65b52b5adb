import { ragioneriaV1Router, ragioneriaV2Router } from '../../rest-compat/ragioneria';
import { closeSimulators } from '../helpers/simulator';
import { GENERIC_ERRORS, RagioneriaV1Spec, RagioneriaV2Spec, type GovPaySpec } from './openapi';
import { collectReplies, coverageProblems, report, routedEndpoints, routingProblems } from './report';
import { sweepRagioneriaV1, sweepRagioneriaV2 } from './sweep-ragioneria';

/**
 * Conformance of API Ragioneria v2 and v1 to GovPay's OpenAPI (api-ragioneria-v2.yaml,
 * api-ragioneria-v1.yaml): every reply recorded by `npm test` (ragioneria-v2-*.jsonl,
 * ragioneria-v1-*.jsonl) and of this suite's sweeps (payments, a flow, bank entries posted, replayed
 * and refused, every read) is validated against the response the spec documents. Accepted
 * deviations: GovPay's 200 for GETs the spec lists as 201, the replay of a riconciliazione (200,
 * same body), the generic error statuses of GovPay's notes, the paging envelope without counts.
 */

/**
 * The spec's two two-segment flow paths, `{idDominio}/{idFlusso}` and `{idFlusso}/{dataOraFlusso}`, are
 * one route (an 11-digit first segment is a dominio): the validator matches every such reply to
 * the second template, whose schema is the same FlussoRendicontazione, so the first is covered by it.
 */
const AMBIGUOUS = 'GET /flussiRendicontazione/{idFlusso}/{dataOraFlusso}';
const SAME_ROUTE = 'GET /flussiRendicontazione/{idDominio}/{idFlusso}';

const V2 = [
  'GET /flussiRendicontazione',
  'GET /flussiRendicontazione/{idFlusso}',
  'GET /flussiRendicontazione/{idDominio}/{idFlusso}',
  AMBIGUOUS,
  'GET /flussiRendicontazione/{idDominio}/{idFlusso}/{dataOraFlusso}',
  'GET /riconciliazioni',
  'POST /riconciliazioni/{idDominio}',
  'GET /riconciliazioni/{idDominio}/{idIncasso}',
  'GET /riscossioni',
  'GET /riscossioni/{idDominio}/{iuv}/{iur}/{indice}',
  'GET /profilo',
  'GET /allegati/{id}',
];
const V1 = [
  'GET /riscossioni',
  'GET /riscossioni/{idDominio}/{iuv}/{iur}/{indice}',
  'GET /flussiRendicontazione',
  'GET /flussiRendicontazione/{idFlusso}',
  'GET /flussiRendicontazione/{idFlusso}/{dataOraFlusso}',
  'GET /incassi',
  'POST /incassi/{idDominio}',
  'GET /incassi/{idDominio}/{idIncasso}',
  'GET /profilo',
];
/** Implemented and exercised, but only refused in the sweep: it loads no allegato. */
const ONLY_REFUSED = ['GET /allegati/{id}'];

function suite(
  label: string,
  api: string,
  make: () => GovPaySpec,
  implemented: string[],
  router: () => unknown,
  sweep: typeof sweepRagioneriaV2,
) {
  let spec: GovPaySpec | undefined;
  let specError: unknown;
  try {
    spec = make();
  } catch (e) {
    specError = e;
  }
  describe(`${label} conformance to GovPay's OpenAPI`, () => {
    if (!spec) {
      it("finds GovPay's OpenAPI reference (../shared/reference or $GOVPAY_REFERENCE_DIR)", () => {
        throw specError;
      });
      return;
    }
    const s = spec;
    const { all, repliesOf } = collectReplies(s, api, label, sweep);
    afterAll(closeSimulators);

    it('routes exactly the operations listed, and every operation of the spec', () => {
      const routed = [...routedEndpoints(s, router() as never), ...(implemented.includes(SAME_ROUTE) ? [SAME_ROUTE, AMBIGUOUS] : [])];
      const problems = [
        ...routingProblems(s, implemented, routed),
        ...s.operations.filter((e) => !implemented.includes(e)).map((e) => `an operation of the spec the hub does not implement: ${e}`),
      ];
      if (problems.length) throw new Error(problems.join('\n'));
    });

    for (const endpoint of implemented) {
      it(`${endpoint}: every reply conforms`, () => {
        const message = report(s, repliesOf(endpoint));
        if (message) throw new Error(message);
      });
    }

    it('replies outside the operations (unknown paths, methods) conform', () => {
      const message = report(
        s,
        all().filter((r) => !implemented.includes(s.endpointOf(r.method, r.path).endpoint)),
      );
      if (message) throw new Error(message);
    });

    it('exercised every operation, with at least one success', () => {
      const problems = coverageProblems(
        implemented.filter((e) => !ONLY_REFUSED.includes(e) && e !== SAME_ROUTE),
        repliesOf,
      );
      if (problems.length) throw new Error(problems.join('\n'));
    });

    it('covers the error replies: 400, 401/403, 404 and 422', () => {
      const statuses = new Set(all().map((r) => r.status));
      expect(GENERIC_ERRORS.filter((c) => c !== 401 && !statuses.has(c))).toEqual([]);
    });
  });
}

const none = ((_q: unknown, _s: unknown, n: () => void) => n()) as never;
suite(
  'API Ragioneria v2',
  'ragioneria-v2',
  () => new RagioneriaV2Spec(),
  V2,
  () => ragioneriaV2Router({} as never, {} as never, 'x-principal', none),
  sweepRagioneriaV2,
);
suite(
  'API Ragioneria v1',
  'ragioneria-v1',
  () => new RagioneriaV1Spec(),
  V1,
  () => ragioneriaV1Router({} as never, {} as never, 'x-principal', none),
  sweepRagioneriaV1,
);
