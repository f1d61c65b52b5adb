import { ENTE_V1, ENTE_V2, ENTE_V2_SCHEMAS, GovPaySpec } from './openapi';
import { loadRecordings, RECORD_DIR_SHOWN } from './report';

/**
 * Conformance of the notifications the hub sends to the Ente's system to GovPay's API Ente: every
 * request body the Ente double of `npm test` received (ente-*.jsonl) is validated against the
 * request body the spec documents for its operation: REST v1 `notifica`
 * (api-ente-verifica-notifica-v1.yaml), REST v2 `Ricevuta` (api-ente-v2).
 *
 * Excused, and nothing looser:
 * - a Ricevuta's `rpt.xml`: for pagoPA's new model the hub keeps the payment request as
 *   paGetPayment's data (JSON, Rpp.richiesta), not as an XML document, so `rpt` has `tipo` and `json`;
 * - api-ente-v2's NumeroAvviso pattern `[0-9]18`, a typo for `[0-9]{18}` (no 18-digit notice
 *   number matches it unless it contains "18"): the number is checked against `^[0-9]{18}$` instead.
 */
const OPERATIONS: Record<string, { spec: () => GovPaySpec; schema: string; within: () => GovPaySpec }> = {
  'POST /pagamenti/{idDominio}/{iuv}': { spec: () => v1!, schema: '#/components/schemas/notifica', within: () => v1! },
  'PUT /ricevute/{idDominio}/{iuv}/{idRicevuta}': { spec: () => v2!, schema: '#/components/schemas/Ricevuta', within: () => v2Schemas! },
};
const EXCUSED = [/^\/rpt must have required property 'xml'/, /^\/pendenza\/numeroAvviso must match pattern "\[0-9\]18"/];

/** What the excuses above check instead. */
function extraProblems(body: unknown): string[] {
  const numeroAvviso = (body as { pendenza?: { numeroAvviso?: unknown } }).pendenza?.numeroAvviso;
  return numeroAvviso === undefined || /^[0-9]{18}$/.test(String(numeroAvviso)) ? [] : [`/pendenza/numeroAvviso ${numeroAvviso} is not 18 digits`];
}

let v1: GovPaySpec | undefined;
let v2: GovPaySpec | undefined;
let v2Schemas: GovPaySpec | undefined;
let specError: unknown;
try {
  v1 = new GovPaySpec(ENTE_V1);
  v2 = new GovPaySpec(ENTE_V2);
  v2Schemas = new GovPaySpec(ENTE_V2_SCHEMAS);
} catch (e) {
  specError = e;
}

describe("notifications to the Ente's system: conformance to GovPay's API Ente (v1 and v2)", () => {
  if (!v1) {
    it("finds GovPay's OpenAPI reference (../shared/reference or $GOVPAY_REFERENCE_DIR)", () => {
      throw specError;
    });
    return;
  }
  const { replies, files } = loadRecordings('ente');
  const endpointOf = (method: string, path: string) =>
    Object.keys(OPERATIONS).find((endpoint) => {
      const [m] = endpoint.split(' ');
      const spec = OPERATIONS[endpoint].spec();
      return m === method && `${m} ${spec.template(path, method)}` === endpoint;
    });

  it(`finds the notifications npm test recorded (ente-*.jsonl in ${RECORD_DIR_SHOWN}; run npm test first)`, () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('every call the hub made is an operation of the API Ente', () => {
    const unknown = replies.filter((r) => !endpointOf(r.method, r.path)).map((r) => `${r.method} ${r.path} [${r.source}]`);
    expect(unknown).toEqual([]);
  });

  for (const endpoint of Object.keys(OPERATIONS)) {
    it(`${endpoint}: every request body conforms`, () => {
      const calls = replies.filter((r) => endpointOf(r.method, r.path) === endpoint);
      expect(calls.length).toBeGreaterThan(0);
      const { schema, within } = OPERATIONS[endpoint];
      const problems = calls.flatMap((r) =>
        within()
          .validate(schema, r.body)
          .filter((p) => !EXCUSED.some((x) => x.test(p)))
          .concat(extraProblems(r.body))
          .map((p) => `${r.method} ${r.path} [${r.source}]: ${p}`),
      );
      if (problems.length) throw new Error(`${problems.length} problem(s):\n${[...new Set(problems)].join('\n')}`);
    });
  }
});
