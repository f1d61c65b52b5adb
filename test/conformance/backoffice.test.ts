import { backofficeRouter } from '../../rest-compat/backoffice';
import { pendenzaIndexProblems, pendenzaProblems } from './always-filled';
import { BackofficeSpec, GENERIC_ERRORS } from './openapi';
import { collectReplies, coverageProblems, report, routedEndpoints, routingProblems } from './report';
import { sweep } from './sweep';

/**
 * Conformance of the Backoffice API to GovPay's OpenAPI (api-backoffice-v1.yaml): every reply
 * recorded by `npm test` and every reply of this suite's own sweep is validated against the
 * response the spec documents for its operation and status.
 */

/** The Backoffice operations the hub implements (method + the spec's path template). */
const IMPLEMENTED = [
  'GET /intermediari',
  'GET /intermediari/{idIntermediario}',
  'PUT /intermediari/{idIntermediario}',
  'GET /intermediari/{idIntermediario}/stazioni',
  'GET /intermediari/{idIntermediario}/stazioni/{idStazione}',
  'PUT /intermediari/{idIntermediario}/stazioni/{idStazione}',
  'GET /domini',
  'GET /domini/{idDominio}',
  'PUT /domini/{idDominio}',
  'GET /domini/{idDominio}/unitaOperative',
  'GET /domini/{idDominio}/unitaOperative/{idUnitaOperativa}',
  'PUT /domini/{idDominio}/unitaOperative/{idUnitaOperativa}',
  'GET /domini/{idDominio}/contiAccredito',
  'GET /domini/{idDominio}/contiAccredito/{ibanAccredito}',
  'PUT /domini/{idDominio}/contiAccredito/{ibanAccredito}',
  'GET /domini/{idDominio}/entrate',
  'GET /domini/{idDominio}/entrate/{idEntrata}',
  'PUT /domini/{idDominio}/entrate/{idEntrata}',
  'GET /domini/{idDominio}/tipiPendenza',
  'GET /domini/{idDominio}/tipiPendenza/{idTipoPendenza}',
  'PUT /domini/{idDominio}/tipiPendenza/{idTipoPendenza}',
  'GET /entrate',
  'GET /entrate/{idEntrata}',
  'PUT /entrate/{idEntrata}',
  'GET /tipiPendenza',
  'GET /tipiPendenza/{idTipoPendenza}',
  'PUT /tipiPendenza/{idTipoPendenza}',
  'GET /applicazioni',
  'GET /applicazioni/{idA2A}',
  'PUT /applicazioni/{idA2A}',
  'GET /operatori',
  'GET /operatori/{principal}',
  'PUT /operatori/{principal}',
  'GET /profilo',
  'GET /logout',
  'GET /operazioni/{idOperazione}',
  'GET /pendenze',
  'POST /pendenze',
  'GET /pendenze/{idA2A}/{idPendenza}',
  'PUT /pendenze/{idA2A}/{idPendenza}',
  'PATCH /pendenze/{idA2A}/{idPendenza}',
  'POST /pendenze/{idDominio}/{idTipoPendenza}',
  'GET /pendenze/byAvviso/{idDominio}/{numeroAvviso}',
  'GET /pendenze/tracciati/{id}/stampe',
  'GET /avvisi/{idDominio}/{numeroAvviso}',
  'GET /documenti/{idA2A}/{idDominio}/{numeroDocumento}/avvisi',
  'GET /allegati/{id}',
  'GET /rpp',
  'GET /rpp/{idDominio}/{iuv}/{ccp}',
  'GET /rpp/{idDominio}/{iuv}/{ccp}/rpt',
  'GET /rpp/{idDominio}/{iuv}/{ccp}/rt',
  'POST /pendenze/tracciati',
  'GET /pendenze/tracciati',
  'GET /pendenze/tracciati/{id}',
  'GET /pendenze/tracciati/{id}/richiesta',
  'GET /pendenze/tracciati/{id}/esito',
  'GET /pendenze/tracciati/{id}/operazioni',
  'POST /pendenze/tracciati/{idDominio}',
  'POST /pendenze/tracciati/{idDominio}/{idTipoPendenza}',
  'GET /flussiRendicontazione',
  'GET /flussiRendicontazione/{idFlusso}',
  'GET /flussiRendicontazione/{idFlusso}/{dataOraFlusso}',
  'GET /flussiRendicontazione/{idDominio}/{idFlusso}/{dataOraFlusso}',
  'GET /rendicontazioni',
  'GET /incassi',
  'POST /incassi/{idDominio}',
  'GET /incassi/{idDominio}/{idIncasso}',
  'GET /riscossioni',
  'GET /riscossioni/{idDominio}/{iuv}/{iur}/{indice}',
  'GET /quadrature/riscossioni',
  'GET /quadrature/rendicontazioni',
  'GET /pagamenti',
  'GET /pagamenti/{id}',
  'PATCH /pagamenti/{id}',
  'PATCH /rpp/{idDominio}/{iuv}/{ccp}',
  'POST /ricevute',
  'GET /notifiche',
  'GET /promemoria',
  'GET /tracciatiNotificaPagamenti/{id}',
  'GET /reportistiche/entrate-previste',
  'GET /info',
  'GET /operazioni',
  'GET /operazioni/stato/{id}',
  'GET /eventi',
  'GET /eventi/{id}',
  'GET /configurazioni',
  'POST /configurazioni',
  'PATCH /configurazioni',
  'GET /ruoli',
  'GET /ruoli/{idRuolo}',
  'PUT /ruoli/{idRuolo}',
  'PATCH /ruoli/{idRuolo}',
  'PATCH /applicazioni/{idA2A}',
  'PATCH /operatori/{principal}',
  'PATCH /profilo',
  'GET /enumerazioni/serviziACL',
  'GET /enumerazioni/versioneConnettore',
];

/** Operations that by design answer only errors: the hub makes no tracciati di notifica and runs operations synchronously. */
const NEVER_SUCCEED = ['GET /tracciatiNotificaPagamenti/{id}', 'GET /operazioni/stato/{id}'];

let spec: BackofficeSpec | undefined;
let specError: unknown;
try {
  spec = new BackofficeSpec();
} catch (e) {
  specError = e;
}

/**
 * Operations the hub routes beyond GovPay's spec, because a client GovPay's users run needs them:
 * govpay-console 4 logs out with a POST (the spec has only GET /logout).
 */
const BEYOND_SPEC = ['POST /logout'];

describe(`Backoffice API conformance to GovPay's OpenAPI (api-backoffice-v1.yaml)`, () => {
  if (!spec) {
    it("finds GovPay's OpenAPI reference (../shared/reference or $GOVPAY_REFERENCE_DIR)", () => {
      throw specError;
    });
    return;
  }
  const s = spec;
  const { all, repliesOf } = collectReplies(s, 'backoffice', 'Backoffice', sweep);

  it('lists exactly the operations the hub routes, each an operation of the spec', () => {
    const none = (() => undefined) as never;
    const router = backofficeRouter({} as never, {} as never, 'x-principal', { json: none, tracciato: none });
    const routed = routedEndpoints(s, router).filter((e) => !BEYOND_SPEC.includes(e));
    const problems = routingProblems(s, IMPLEMENTED, routed);
    if (problems.length) throw new Error(problems.join('\n'));
  });

  for (const endpoint of IMPLEMENTED) {
    it(`${endpoint}: every reply conforms`, () => {
      const message = report(s, repliesOf(endpoint));
      if (message) throw new Error(message);
    });
  }

  it('replies outside the implemented operations (unknown paths, methods) conform', () => {
    const outside = (endpoint: string) => !IMPLEMENTED.includes(endpoint) && !BEYOND_SPEC.includes(endpoint);
    const others = all().filter((r) => outside(s.endpointOf(r.method, r.path).endpoint));
    const message = report(s, others);
    if (message) throw new Error(message);
  });

  it('fills in every pendenza what GovPay always fills, beyond the schema (always-filled.ts)', () => {
    const ok = (endpoint: string) => repliesOf(endpoint).filter((r) => r.status === 200 && r.body && typeof r.body === 'object');
    const problems = [
      ...[
        'GET /pendenze/{idA2A}/{idPendenza}',
        'PATCH /pendenze/{idA2A}/{idPendenza}',
        'GET /pendenze/byAvviso/{idDominio}/{numeroAvviso}',
      ].flatMap((e) => ok(e).flatMap((r) => pendenzaProblems(r.body as Record<string, unknown>, `${r.method} ${r.path}`))),
      ...ok('GET /pendenze').flatMap((r) =>
        ((r.body as { risultati?: Record<string, unknown>[] }).risultati ?? []).flatMap((p, i) =>
          pendenzaIndexProblems(p, `${r.path} risultati[${i}]`),
        ),
      ),
      ...ok('GET /rpp').flatMap((r) =>
        ((r.body as { risultati?: Record<string, unknown>[] }).risultati ?? []).flatMap((x, i) =>
          x.pendenza ? pendenzaIndexProblems(x.pendenza as Record<string, unknown>, `${r.path} risultati[${i}].pendenza`) : [],
        ),
      ),
    ];
    if (problems.length) throw new Error([...new Set(problems)].slice(0, 50).join('\n'));
  });

  it('exercised every implemented operation, with at least one success', () => {
    const problems = coverageProblems(
      IMPLEMENTED.filter((e) => !NEVER_SUCCEED.includes(e)),
      repliesOf,
    );
    problems.push(...NEVER_SUCCEED.filter((e) => !repliesOf(e).length).map((e) => `never exercised: ${e}`));
    if (problems.length) throw new Error(problems.join('\n'));
  });

  it('covers the error replies: 400, 401, 403, 404 and 422', () => {
    const statuses = new Set(all().map((r) => r.status));
    expect(GENERIC_ERRORS.filter((c) => !statuses.has(c))).toEqual([]);
  });

  it('rejects what the spec forbids (self-check of the validator)', () => {
    const BO = '/govpay/backend/api/backoffice/rs/basic/v1';
    const bad = (method: string, path: string, status: number, body: unknown) => s.check({ method, path, status, body }).problems;
    expect(bad('GET', `${BO}/intermediari/1`, 200, { idIntermediario: 1, denominazione: 'x' })).not.toEqual([]);
    expect(bad('GET', `${BO}/intermediari?pagina=1`, 200, { risultati: 'no' })).not.toEqual([]);
    expect(bad('GET', `${BO}/domini/1`, 404, { categoria: 'SCONOSCIUTA', codice: '404000', descrizione: 'x' })).not.toEqual([]);
    expect(bad('PUT', `${BO}/entrate/X`, 422, { codice: 'x' })).not.toEqual([]);
    expect(bad('GET', `${BO}/profilo`, 418, undefined)).not.toEqual([]);
    // An attempt's rpt and rt: the JSON object is excused from the spec's string, nothing else is.
    expect(bad('GET', `${BO}/rpp/12345678901/01234/n%2Fa/rt`, 200, { receiptId: 'x' })).toEqual([]);
    expect(bad('GET', `${BO}/rpp/12345678901/01234/n%2Fa/rpt`, 200, 42)).not.toEqual([]);
    expect(bad('GET', `${BO}/rpp/12345678901/01234/n%2Fa`, 200, { stato: 'RT_ACCETTATA_PA' })).not.toEqual([]);
    expect(bad('PUT', `${BO}/entrate/X`, 201, undefined)).toEqual([]);
    expect(bad('GET', `${BO}/domini/1`, 404, { categoria: 'OPERAZIONE', codice: '404000', descrizione: 'Risorsa non trovata' })).toEqual(
      [],
    );
  });
});
