import fc from 'fast-check';
import { nuovaPendenza, nuovoDominio } from './helpers/fixtures';
import { CheckoutDouble } from './helpers/checkout-double';
import { basic, BO, GPADMIN, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { stationCall } from './helpers/station-call';
import { ENVELOPES } from './helpers/station-envelopes';
import { until } from './helpers/until';

/**
 * Fuzzed input on every entrance: API Pendenze v2 (PUT, PATCH, GET), API Pagamento v2 (POST
 * /pagamenti, reads, in each auth mode), API Ragioneria v2 (POST /riconciliazioni with malformed
 * causali and bodies, the reads), the Backoffice (PUT of a
 * dominio, tracciati upload), the station (each operation) and the graph. Whatever comes in, the
 * hub answers without a 5xx (a SOAP Client fault, HTTP 500 by SOAP 1.1, is the station's
 * documented answer to what is not a paForNode request; a Server fault is not) and keeps
 * answering /health. Seeded: FUZZ_SEED replays a run, the default keeps CI reproducible.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const RUNS = { pendenze: 700, pagamento: 400, dominio: 200, tracciati: 60, station: 800, graph: 400, riconciliazioni: 400 };

let t: TestHub;
let checkout: CheckoutDouble;
const tracciati: number[] = [];
beforeAll(async () => {
  checkout = await new CheckoutDouble().start();
  t = await startHub({ TRACCIATI_POLL_MS: '100', CHECKOUT_URL: checkout.url });
});
afterAll(async () => {
  await t?.close();
  await checkout?.stop();
});

const PZ = '/govpay/backend/api/pendenze/rs/basic/v2';
const APP = basic(IDA2A01);
const ADMIN = basic(GPADMIN);

interface Sent {
  method: string;
  path: string;
  auth: string;
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
}

async function send(r: Sent): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = r.auth ? { authorization: r.auth } : {};
  if (r.body !== undefined) headers['content-type'] = r.contentType ?? 'application/json';
  const res = await fetch(`${t.baseUrl}${r.path}`, { method: r.method, headers, body: r.body });
  return { status: res.status, text: await res.text() };
}

/** A reply that is not a server error, or the request and reply in the failure message. */
function expectNoServerError(what: unknown, reply: { status: number; text: string }): void {
  if (reply.status >= 500) throw new Error(`${reply.status} for ${JSON.stringify(what).slice(0, 2000)}: ${reply.text.slice(0, 500)}`);
}

/** The graph's replies: no 5xx, and no internal error among the errors of a 200 either. */
function expectNoGraphServerError(what: unknown, reply: { status: number; text: string }): void {
  expectNoServerError(what, reply);
  let errors: { extensions?: { status?: number; code?: string } }[] = [];
  try {
    errors = (JSON.parse(reply.text) as { errors?: typeof errors }).errors ?? [];
  } catch {
    // Not a GraphQL reply (a body the JSON reader refused): its status was enough.
  }
  const internal = errors.find((e) => (e.extensions?.status ?? 0) >= 500 || e.extensions?.code === 'INTERNAL_SERVER_ERROR');
  if (internal) throw new Error(`internal error for ${JSON.stringify(what).slice(0, 2000)}: ${JSON.stringify(internal).slice(0, 500)}`);
}

const options = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

// ---- values ---------------------------------------------------------------------------------

/** Values a careless or hostile client puts where a field belongs. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 0.001, 1e21, 999999999.99, 1000000000, '10.00', '', ' ', null, true, [], {}, '%(a)', 'ANNULLATA'),
  fc.string({ maxLength: 5 }).map((s) => s.repeat(5000)),
  fc.jsonValue({ maxDepth: 4 }),
);

/** Sets `value` at `path` (dot-separated, numbers index arrays) in a copy of `target`. */
function setAt(target: unknown, path: string[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const copy: Record<string, unknown> = Array.isArray(target) ? ([...target] as never) : { ...(target as Record<string, unknown>) };
  copy[head] = setAt(copy[head] ?? {}, rest, value);
  return copy;
}

/** A valid body with a few of its fields (named by `paths`, or new ones) given odd values, or dropped. */
function mutated<T>(valid: T, paths: string[]): fc.Arbitrary<unknown> {
  const change = fc.tuple(
    fc.oneof(fc.constantFrom(...paths), fc.string({ maxLength: 12 })),
    fc.oneof({ weight: 4, arbitrary: oddValue }, { weight: 1, arbitrary: fc.constant(undefined) }),
  );
  return fc
    .array(change, { minLength: 1, maxLength: 4 })
    .map((changes) => changes.reduce<unknown>((body, [path, value]) => setAt(body, path.split('.'), value), valid));
}

/** A JSON text, or something that only looks like one (cut short, bytes that are not UTF-8). */
function bodyOf(value: fc.Arbitrary<unknown>): fc.Arbitrary<string | Uint8Array<ArrayBuffer>> {
  return fc.oneof(
    { weight: 8, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: value.chain((v) => fc.nat().map((n) => (JSON.stringify(v) ?? '').slice(0, n))) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((a) => new Uint8Array(a)) },
  );
}

const PENDENZA_PATHS = [
  'idTipoPendenza',
  'idDominio',
  'idUnitaOperativa',
  'causale',
  'importo',
  'numeroAvviso',
  'dataValidita',
  'dataScadenza',
  'annoRiferimento',
  'tassonomiaAvviso',
  'proprieta',
  'datiAllegati',
  'documento',
  'allegati',
  'soggettoPagatore',
  'soggettoPagatore.tipo',
  'soggettoPagatore.identificativo',
  'soggettoPagatore.email',
  'soggettoPagatore.cellulare',
  'soggettoPagatore.nazione',
  'voci',
  'voci.0',
  'voci.0.importo',
  'voci.0.codEntrata',
  'voci.0.ibanAccredito',
  'voci.0.tipoBollo',
  'voci.0.idVocePendenza',
  'voci.0.contabilita',
  'voci.1',
];

/** A path segment: a plain id, something odd percent-encoded, or raw (possibly broken) percent-encoding. */
const segment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
  fc.string({ unit: 'grapheme', maxLength: 60 }).map(encodeURIComponent),
  fc
    .array(
      fc.oneof(fc.constantFrom('%', '%E0', '%A4', '%A', '%%', '%00', '%2F', '..', '%C0%AF'), fc.stringMatching(/^[A-Za-z0-9]{0,3}$/)),
      { maxLength: 6 },
    )
    .map((p) => p.join('')),
);
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom('pagina', 'risultatiPerPagina', 'idDominio', 'stato', 'dataDa', 'stampaAvviso', 'x'),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : ''));

// ---- REST -----------------------------------------------------------------------------------

describe(`fuzzed REST (seed ${SEED})`, () => {
  it('API Pendenze v2: PUT, PATCH and GET of pendenze never answer 5xx', async () => {
    const put = fc
      .record({
        id: segment,
        body: bodyOf(mutated(nuovaPendenza('FUZZ'), PENDENZA_PATHS)),
      })
      .map(({ id, body }): Sent => ({ method: 'PUT', path: `${PZ}/pendenze/IDA2A01/${id}`, auth: APP, body }));
    const patchOp = mutated({ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }, ['op', 'path', 'value']);
    const patch = fc
      .record({
        id: segment,
        body: bodyOf(fc.oneof(fc.array(patchOp, { maxLength: 12 }), oddValue)),
      })
      .map(({ id, body }): Sent => ({ method: 'PATCH', path: `${PZ}/pendenze/IDA2A01/${id}`, auth: APP, body }));
    const get = fc
      .tuple(fc.constantFrom('/pendenze', '/pendenze/IDA2A01/', '/avvisi/12345678901/', '/pendenze/', '/'), segment, query)
      .map(([base, id, q]): Sent => ({ method: 'GET', path: `${PZ}${base}${id}${q}`, auth: APP }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(put, patch, get), async (request) => expectNoServerError(request, await send(request))),
      options(RUNS.pendenze),
    );
  });

  it('API Ragioneria v2: POST /riconciliazioni with malformed causali and bodies, and the reads, never answer 5xx', async () => {
    const RG = '/govpay/backend/api/ragioneria/rs/basic/v2';
    // Causali near the AgID formats: the prefixes GovPay's parser looks for, cut, doubled, with odd tokens around them.
    const causale = fc
      .tuple(
        fc.constantFrom(
          '/RFB/',
          '/RFS/',
          '/PUR/LGPE-RIVERSAMENTO/URI/',
          '/PUR/LGPE-RIVERSAMENTO/TXT/1/URI/',
          'RFB',
          'PUR.LGPE-RIVERSAMENTO.URI.',
          '/TXT/',
          '',
        ),
        fc.oneof(
          fc.stringMatching(/^[0-9]{0,20}$/),
          fc.stringMatching(/^RF[0-9A-Z]{0,30}$/),
          fc.stringMatching(/^\d{4}-\d{2}-\d{2}[A-Za-z0-9_]{0,12}-[\S]{0,12}$/),
          fc.string({ maxLength: 40 }),
        ),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
      )
      .map(([prefix, token, before, after]) => `${before}${prefix}${token}${after}`);
    const valid = {
      causale: '/RFB/000000000000001/10.00',
      importo: 10,
      sct: 'SCT-FUZZ',
      dataValuta: '2026-12-07',
      contoAccredito: 'IT60X0542811101000000123456',
    };
    const post = fc
      .record({
        dominio: fc.oneof(fc.constant('12345678901'), segment),
        q: fc.constantFrom(
          '',
          '?idFlussoCaseInsensitive=true',
          '?idFlussoCaseInsensitive=x',
          '?riscossioni.tipo=NESSUNO',
          '?riscossioni.tipo=MBT',
        ),
        body: bodyOf(
          fc.oneof(
            causale.map((c) => ({ ...valid, causale: c })),
            mutated(valid, ['causale', 'iuv', 'idFlusso', 'importo', 'sct', 'dataValuta', 'dataContabile', 'contoAccredito']),
          ),
        ),
      })
      .map(({ dominio, q, body }): Sent => ({ method: 'POST', path: `${RG}/riconciliazioni/${dominio}${q}`, auth: APP, body }));
    const get = fc
      .tuple(
        fc.constantFrom(
          '/riconciliazioni',
          '/riconciliazioni/12345678901/',
          '/riscossioni',
          '/riscossioni/12345678901/',
          '/flussiRendicontazione/',
          '/flussiRendicontazione/12345678901/',
        ),
        segment,
        query,
      )
      .map(([base, id, q]): Sent => ({ method: 'GET', path: `${RG}${base}${id}${q}`, auth: APP }));
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: post }, { weight: 1, arbitrary: get }), async (request) =>
        expectNoServerError(request, await send(request)),
      ),
      options(RUNS.riconciliazioni),
    );
  });

  it('API Pagamento v2: POST /pagamenti and the reads, in every mode, never answer 5xx', async () => {
    const PG = (mode: string) => `/govpay/frontend/api/pagamento/rs/${mode}/v2`;
    const modes = fc.constantFrom<[string, string]>(['basic', APP], ['spid', ''], ['public', ''], ['basic', ADMIN]);
    const cart = {
      pendenze: [
        { idA2A: 'IDA2A01', idPendenza: 'FUZZ-PAG', ...nuovaPendenza('FUZZ-PAG') },
        { idDominio: '12345678901', numeroAvviso: '001340000000000000', idDebitore: 'RSSMRA30A01H501I' },
      ],
      urlRitorno: 'https://portale.example/esito',
      soggettoVersante: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', email: 'a@example.it', cap: 0 },
      dataEsecuzionePagamento: '2999-01-01',
      lingua: 'it',
      autenticazioneSoggetto: 'N/A',
    };
    const cartPaths = [
      'pendenze',
      'pendenze.0',
      'pendenze.1',
      'pendenze.0.voci',
      'pendenze.0.importo',
      'pendenze.1.numeroAvviso',
      'pendenze.2',
      'urlRitorno',
      'soggettoVersante',
      'soggettoVersante.cap',
      'lingua',
      'autenticazioneSoggetto',
      'contoAddebito',
      'dataEsecuzionePagamento',
    ];
    const start = fc
      .record({ mode: modes, body: bodyOf(mutated(cart, cartPaths)), q: query })
      .map(({ mode: [m, auth], body, q }): Sent => ({ method: 'POST', path: `${PG(m)}/pagamenti${q}`, auth, body }));
    const read = fc
      .tuple(
        modes,
        fc.constantFrom(
          '/pagamenti/',
          '/pagamenti/byIdSession/',
          '/pendenze/IDA2A01/',
          '/avvisi/12345678901/',
          '/domini/',
          '/rpp/12345678901/',
          '/pagamenti',
          '/pendenze',
        ),
        segment,
        query,
      )
      .map(([[m, auth], base, id, q]): Sent => ({ method: 'GET', path: `${PG(m)}${base}${id}${q}`, auth }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(start, read), async (request) => {
        const reply = await send(request);
        expectNoServerError(request, reply);
      }),
      options(RUNS.pagamento),
    );
  });

  it('Backoffice: PUT of a dominio never answers 5xx, and the demo dominio is never damaged', async () => {
    const domainPaths = [...Object.keys(nuovoDominio), 'iuvPrefix', 'cbill', 'pec', 'logo', 'auxDigit', 'intermediato', 'tel'];
    const put = fc
      .record({ id: fc.oneof(fc.constant('12345678902'), segment), body: bodyOf(mutated(nuovoDominio, domainPaths)) })
      .map(({ id, body }): Sent => ({ method: 'PUT', path: `${BO}/domini/${id}`, auth: ADMIN, body }));
    await fc.assert(
      fc.asyncProperty(put, async (request) => expectNoServerError(request, await send(request))),
      options(RUNS.dominio),
    );
    const demo = await send({ method: 'GET', path: `${BO}/domini/12345678901`, auth: ADMIN });
    expect(demo.status).toBe(200);
    expect(JSON.parse(demo.text)).toMatchObject({ idDominio: '12345678901', ragioneSociale: 'Ente Creditore Test' });
  });

  it('Backoffice: tracciati uploads never answer 5xx, and each accepted one is processed to its end', async () => {
    const row = mutated({ idA2A: 'IDA2A01', idPendenza: 'FUZZ-ROW', ...nuovaPendenza('FUZZ-ROW') }, [
      'idA2A',
      'idPendenza',
      ...PENDENZA_PATHS,
    ]);
    const tracciato = mutated({ idTracciato: 'FUZZ', idDominio: '12345678901', inserimenti: [], annullamenti: [] }, [
      'idTracciato',
      'idDominio',
      'inserimenti',
      'annullamenti',
      'inserimenti.0',
      'annullamenti.0',
    ]);
    const upload = fc
      .record({
        body: bodyOf(fc.tuple(tracciato, fc.array(row, { maxLength: 4 })).map(([tr, rows]) => ({ ...(tr as object), inserimenti: rows }))),
        path: fc.constantFrom('/pendenze/tracciati', '/pendenze/tracciati/12345678901', '/pendenze/tracciati/12345678901/SEGRETERIA'),
      })
      .map(({ body, path }): Sent => ({ method: 'POST', path: `${BO}${path}`, auth: ADMIN, body }));
    await fc.assert(
      fc.asyncProperty(upload, async (request) => {
        const reply = await send(request);
        expectNoServerError(request, reply);
        if (reply.status === 201) tracciati.push(JSON.parse(reply.text).id);
      }),
      options(RUNS.tracciati),
    );
    expect(tracciati.length).toBeGreaterThan(0);
    for (const id of tracciati) {
      let last = '';
      await until(
        `tracciato ${id} processed `,
        async () => {
          const r = await send({ method: 'GET', path: `${BO}/pendenze/tracciati/${id}`, auth: ADMIN });
          last = r.text.slice(0, 300);
          return ['ESEGUITO', 'ESEGUITO_CON_ERRORI', 'SCARTATO'].includes(JSON.parse(r.text).stato);
        },
        30_000,
        100,
      ).catch((e: Error) => {
        throw new Error(`${e.message}; last seen: ${last}`);
      });
    }
  });
});

// ---- SOAP -----------------------------------------------------------------------------------

/** One way of damaging a valid envelope: at a random place insert or delete text, or replace an element's text. */
type Damage = { at?: number; insert?: string; remove?: number; element?: string; text?: string };
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    at: fc.nat(),
    insert: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(
        '<',
        '>',
        '&',
        '&amp;',
        '&#0;',
        '&#x110000;',
        '&#99999999999;',
        '&#xD800;',
        '&#65;',
        '&xxe;',
        ']]>',
        '<![CDATA[',
        '<!--',
        '-->',
        '<a>',
        '</a>',
        '<a/>',
        '"',
        "'",
        '\u0000',
        '\uFFFE',
      ),
      fc.integer({ min: 0, max: 0x10ffff }).map((n) => `&#${n};`),
      fc.nat({ max: 3000 }).map((n) => `${'<x>'.repeat(n)}${'</x>'.repeat(n)}`),
    ),
  }),
  fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }) }),
  fc.record({
    element: fc.constantFrom(
      'idPA',
      'idBrokerPA',
      'idStation',
      'fiscalCode',
      'noticeNumber',
      'amount',
      'paymentAmount',
      'transferAmount',
      'idTransfer',
      'receiptId',
      'outcome',
      'paymentDateTime',
      'applicationDate',
      'standIn',
      'e-mail',
      'IBAN',
      'MBDAttachment',
      'key',
    ),
    text: fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        '',
        '0.00',
        '-1.00',
        '1e3',
        '999999999999.99',
        ' 10.00 ',
        '+1',
        '0',
        '6',
        'true',
        'KO',
        '2026-02-30',
        '2026-12-01T24:00:00',
      ),
    ),
  }),
);

function damaged(xml: string, change: Damage): string {
  if (change.element !== undefined) {
    const escaped = (change.text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return xml.replace(new RegExp(`<${change.element}>[^<]*</${change.element}>`), `<${change.element}>${escaped}</${change.element}>`);
  }
  const at = (change.at ?? 0) % (xml.length + 1);
  return xml.slice(0, at) + (change.insert ?? '') + xml.slice(at + (change.remove ?? 0));
}

describe(`fuzzed SOAP (seed ${SEED})`, () => {
  it('every station operation answers damaged requests with its KO or a Client fault, never a Server error', async () => {
    const operations = Object.keys(ENVELOPES) as (keyof typeof ENVELOPES)[];
    const request = fc.record({
      operation: fc.constantFrom(...operations),
      changes: fc.array(damage, { minLength: 1, maxLength: 3 }),
      bytes: fc.option(fc.uint8Array({ minLength: 1, maxLength: 4 }), { freq: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ operation, changes, bytes }) => {
        const xml = changes.reduce(damaged, ENVELOPES[operation]());
        const body = bytes ? new Uint8Array([...Buffer.from(xml).subarray(0, 200), ...bytes, ...Buffer.from(xml).subarray(200)]) : xml;
        const reply = await stationCall(t.baseUrl, operation, body);
        const clientFault = reply.status === 500 && reply.text.includes('<faultcode>soap:Client</faultcode>');
        if (!clientFault) expectNoServerError({ operation, changes }, reply);
        if (reply.status === 200) expect(reply.text).toMatch(/<outcome>(OK|KO)<\/outcome>/);
      }),
      options(RUNS.station),
    );
  });
});

// ---- graph ----------------------------------------------------------------------------------

const QUERIES = [
  'query { pendenze(first: 2, orderBy: [{ field: IMPORTO, direction: DESC }]) { nodes { idPendenza importo stato } } }',
  'query ($id: ID!) { pendenza(idA2A: "IDA2A01", idPendenza: $id) { idPendenza causale voci { importo } } }',
  'mutation ($input: JSONObject!) { caricaPendenza(input: { idA2A: "IDA2A01", idPendenza: "FUZZ-G", pendenza: $input }) { created } }',
  'mutation { modificaPendenza(input: { idA2A: "IDA2A01", idPendenza: "FUZZ-G", operazioni: [{ op: "REPLACE", path: "/stato", value: "ANNULLATA" }] }) { pendenza { stato } } }',
  'mutation { annullaPendenza(input: { idA2A: "IDA2A01", idPendenza: "FUZZ-G" }) { pendenza { stato } } }',
  'query A { __typename } query B { __typename }',
  'fragment F on Query { __typename } query { ...F }',
];

describe(`fuzzed GraphQL (seed ${SEED})`, () => {
  it('the graph answers damaged documents and variables without 5xx', async () => {
    const document = fc.oneof(
      fc.constantFrom(...QUERIES),
      fc.tuple(fc.constantFrom(...QUERIES), fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 10 })).map(([q, at, cut, ins]) => {
        const i = at % (q.length + 1);
        return q.slice(0, i) + ins + q.slice(i + cut);
      }),
      fc.string({ maxLength: 200 }),
      fc.nat({ max: 500 }).map((n) => `query { ${'pendenze(first: 1) { nodes { '.repeat(n)} } }`),
      fc
        .tuple(
          fc.constantFrom(
            'pendenza(idA2A: "IDA2A01", idPendenza: %s) { idPendenza }',
            'pendenzaByAvviso(idDominio: "12345678901", numeroAvviso: %s) { idPendenza }',
          ),
          fc.string({ unit: 'binary', maxLength: 40 }),
        )
        .map(([field, text]) => `query { ${field.replace('%s', JSON.stringify(text))} }`),
    );
    const envelope = fc.record(
      {
        query: fc.oneof({ weight: 9, arbitrary: document }, { weight: 1, arbitrary: oddValue }),
        variables: fc.oneof(
          fc.record({ id: oddValue, input: fc.oneof(mutated(nuovaPendenza('FUZZ-G'), PENDENZA_PATHS), oddValue) }, { requiredKeys: [] }),
          oddValue,
        ),
        operationName: fc.oneof(fc.constantFrom('A', 'B', 'C'), oddValue),
      },
      { requiredKeys: ['query'] },
    );
    await fc.assert(
      fc.asyncProperty(bodyOf(envelope), async (body) => {
        const request: Sent = { method: 'POST', path: '/graphql', auth: APP, body };
        expectNoGraphServerError(request, await send(request));
      }),
      options(RUNS.graph),
    );
  });
});

describe('after the fuzzing', () => {
  it('the hub still answers /health', async () => {
    const health = await fetch(`${t.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'UP' });
  });
});
