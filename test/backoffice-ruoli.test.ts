import { basic, BO, call, GPADMIN, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/**
 * GovPay's roles (issue 14): a role's ACLs count for every operatore and applicazione holding it,
 * a change to a role takes effect at the holders' next call on every instance (though each caches
 * credentials for an hour here), and the PATCH of roles, utenze and the caller's own profile.
 */
let a: TestHub;
let b: TestHub;
beforeAll(async () => {
  a = await startHub({ AUTH_CACHE_TTL_SECONDS: '3600' });
  const db = a.hub.config.database;
  b = await startHub({ AUTH_CACHE_TTL_SECONDS: '3600', DATABASE_URL: db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const OPERATORE = { user: 'op-ruoli', password: 'Operatore-1' };
const bo = (method: string, path: string, opts: { auth?: string; body?: unknown; hub?: TestHub } = {}) =>
  call((opts.hub ?? a).baseUrl, method, `${BO}${path}`, { auth: opts.auth, body: opts.body });
const patch = (path: string, ops: unknown, auth?: string) =>
  call(a.baseUrl, 'PATCH', `${BO}${path}`, { auth, body: ops, headers: { 'content-type': 'application/json-patch+json' } });
const asOperatore = (path: string, hub: TestHub) => bo('GET', path, { auth: basic(OPERATORE), hub });
const pendenzeR = { servizio: 'Pendenze', autorizzazioni: ['R'] };

describe('roles', () => {
  it('are created (201), replaced (200), listed and read', async () => {
    expect((await bo('PUT', '/ruoli/Lettore', { body: { acl: [pendenzeR] } })).status).toBe(201);
    expect((await bo('PUT', '/ruoli/Contabile', { body: { acl: [{ servizio: 'Pagamenti', autorizzazioni: ['R'] }] } })).status).toBe(201);
    const replaced = await bo('PUT', '/ruoli/Contabile', {
      body: { acl: [{ servizio: 'Rendicontazioni e Incassi', autorizzazioni: ['Lettura', 'W'] }] },
    });
    expect(replaced.status).toBe(200);

    const lista = await bo('GET', '/ruoli?metadatiPaginazione=true');
    expect(lista.status).toBe(200);
    expect(lista.body.risultati).toEqual([{ id: 'Contabile' }, { id: 'Lettore' }]);
    expect(lista.body.numRisultati).toBe(2);
    expect((await bo('GET', '/ruoli/Contabile')).body).toEqual({
      id: 'Contabile',
      acl: [{ servizio: 'Rendicontazioni e Incassi', autorizzazioni: ['R', 'W'] }],
    });
  });

  it("give an operatore with no ACLs of its own its roles' rights, and take them back at once on every instance", async () => {
    const put = await bo('PUT', `/operatori/${OPERATORE.user}`, {
      body: { ragioneSociale: 'Operatore con ruolo', password: OPERATORE.password, domini: ['*'], tipiPendenza: ['*'], ruoli: ['Lettore'] },
    });
    expect(put.status).toBe(201);
    expect((await asOperatore('/pendenze', a)).status).toBe(200);
    expect((await asOperatore('/pendenze', b)).status).toBe(200);
    const operatore = await bo('GET', `/operatori/${OPERATORE.user}`);
    expect(operatore.body.acl).toEqual([]);
    expect(operatore.body.ruoli).toEqual([{ id: 'Lettore', acl: [pendenzeR] }]);
    expect((await asOperatore('/profilo', a)).body.acl).toEqual([pendenzeR]);

    const revoked = await patch('/ruoli/Lettore', [{ op: 'DELETE', path: '/acl', value: pendenzeR }]);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ id: 'Lettore', acl: [] });
    expect((await asOperatore('/pendenze', a)).status).toBe(403);
    expect((await asOperatore('/pendenze', b)).status).toBe(403);

    const granted = await patch('/ruoli/Lettore', [{ op: 'ADD', path: '/acl', value: pendenzeR }]);
    expect(granted.body).toEqual({ id: 'Lettore', acl: [pendenzeR] });
    expect((await asOperatore('/pendenze', b)).status).toBe(200);
  });

  it('refuse bad patches, unknown roles and callers without Anagrafica Ruoli, changing nothing', async () => {
    const before = (await bo('GET', '/ruoli/Lettore')).body;
    const refused: Array<[unknown, number, string]> = [
      [[{ op: 'REPLACE', path: '/acl', value: pendenzeR }], 400, "Op 'REPLACE' non valido per il path '/acl'"],
      [[{ op: 'ADD', path: '/nome', value: 'x' }], 400, "Path '/nome' non valido"],
      [
        [{ op: 'ADD', path: '/acl', value: { servizio: 'Cucina', autorizzazioni: ['R'] } }],
        400,
        'ACL non valida: servizio `Cucina` non gestito.',
      ],
      [[{ op: 'ADD', path: '/acl', value: { servizio: 'Pagamenti' } }], 400, 'ACL non valida: atteso campo `autorizzazioni`'],
      // The first operation is valid: the second undoes it.
      [
        [
          { op: 'ADD', path: '/acl', value: { servizio: 'Pagamenti', autorizzazioni: ['W'] } },
          { op: 'MOVE', path: '/acl' },
        ],
        400,
        '',
      ],
      [{ op: 'ADD', path: '/acl', value: pendenzeR }, 400, ''],
    ];
    for (const [ops, status, dettaglio] of refused) {
      const r = await patch('/ruoli/Lettore', ops);
      expect(r.status).toBe(status);
      if (dettaglio) expect(r.body.dettaglio).toBe(dettaglio);
    }
    expect((await bo('GET', '/ruoli/Lettore')).body).toEqual(before);

    expect((await patch('/ruoli/Ignoto', [{ op: 'ADD', path: '/acl', value: pendenzeR }])).status).toBe(404);
    expect((await bo('GET', '/ruoli/Ignoto')).status).toBe(404);
    expect((await bo('PUT', '/ruoli/con%20spazio', { body: { acl: [] } })).status).toBe(400);
    expect((await bo('PUT', '/ruoli/Lettore', { body: { acl: 'tutto' } })).status).toBe(400);

    const noRights = [basic(OPERATORE), basic(IDA2A01)];
    for (const auth of noRights) {
      expect((await bo('GET', '/ruoli', { auth })).status).toBe(403);
      expect((await bo('GET', '/ruoli/Lettore', { auth })).status).toBe(403);
      expect((await bo('PUT', '/ruoli/Lettore', { auth, body: { acl: [] } })).status).toBe(403);
      expect((await patch('/ruoli/Lettore', [{ op: 'DELETE', path: '/acl', value: pendenzeR }], auth)).status).toBe(403);
    }
    expect((await bo('GET', '/ruoli/Lettore')).body).toEqual(before);
  });

  it('must exist to be assigned (422 as GovPay)', async () => {
    const r = await bo('PUT', '/operatori/op-ignoto', { body: { ragioneSociale: 'X', ruoli: ['Ignoto'] } });
    expect(r.status).toBe(422);
    expect(r.body.dettaglio).toBe('Il ruolo Ignoto indicato non esiste.');
    expect((await bo('GET', '/operatori/op-ignoto')).status).toBe(404);
    const app = (await bo('GET', '/applicazioni/IDA2A01')).body;
    const { idA2A, password, ...body } = app;
    const refused = await bo('PUT', '/applicazioni/IDA2A01', { body: { ...body, domini: ['*'], tipiPendenza: ['*'], ruoli: ['Ignoto'] } });
    expect(refused.status).toBe(422);
    expect((await bo('GET', '/applicazioni/IDA2A01')).body).toEqual(app);
  });
});

describe('PATCH of operatori and applicazioni', () => {
  it("changes an operatore's roles, domini, tipi pendenza, ACLs and state in one go", async () => {
    const r = await patch(`/operatori/${OPERATORE.user}`, [
      { op: 'ADD', path: '/ruoli', value: 'Contabile' },
      { op: 'DELETE', path: '/domini', value: '*' },
      { op: 'ADD', path: '/domini', value: { idDominio: '12345678901', unitaOperative: ['12345678901_01'] } },
      { op: 'DELETE', path: '/tipiPendenza', value: '*' },
      { op: 'ADD', path: '/tipiPendenza', value: 'SEGRETERIA' },
      { op: 'ADD', path: '/acl', value: { servizio: 'Giornale degli Eventi', autorizzazioni: ['R'] } },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.ruoli.map((x: { id: string }) => x.id)).toEqual(['Lettore', 'Contabile']);
    expect(r.body.domini).toEqual([
      {
        idDominio: '12345678901',
        ragioneSociale: 'Ente Creditore Test',
        unitaOperative: [{ idUnita: '12345678901_01', ragioneSociale: expect.any(String) }],
      },
    ]);
    expect(r.body.tipiPendenza).toEqual([{ idTipoPendenza: 'SEGRETERIA', descrizione: expect.any(String) }]);
    expect(r.body.acl).toEqual([{ servizio: 'Giornale degli Eventi', autorizzazioni: ['R'] }]);
    expect((await bo('GET', `/operatori/${OPERATORE.user}`)).body).toEqual(r.body);
    expect((await asOperatore('/profilo', b)).body.acl).toEqual(
      expect.arrayContaining([pendenzeR, { servizio: 'Rendicontazioni e Incassi', autorizzazioni: ['R', 'W'] }]),
    );

    expect((await patch(`/operatori/${OPERATORE.user}`, [{ op: 'REPLACE', path: '/abilitato', value: false }])).status).toBe(200);
    expect((await asOperatore('/profilo', b)).status).toBe(403);
    expect((await patch(`/operatori/${OPERATORE.user}`, [{ op: 'REPLACE', path: '/abilitato', value: true }])).status).toBe(200);
    expect((await asOperatore('/profilo', b)).status).toBe(200);
  });

  it('refuses unknown paths, ops and values with GovPay’s texts, and changes nothing', async () => {
    const before = (await bo('GET', '/applicazioni/IDA2A01')).body;
    const refused: Array<[unknown, number, string]> = [
      [[{ op: 'ADD', path: '/principal', value: 'x' }], 400, "Path '/principal' non valido"],
      [[{ op: 'REPLACE', path: '/domini', value: '12345678901' }], 400, "Op 'REPLACE' non valido per il path '/domini'"],
      [[{ op: 'ADD', path: '/domini', value: '99999999999' }], 400, "Value non valido per il path '/domini'"],
      [[{ op: 'ADD', path: '/tipiPendenza', value: 42 }], 400, "Value non valido per il path '/tipiPendenza'"],
      [
        [{ op: 'DELETE', path: '/acl', value: { servizio: 'Anagrafica Ruoli', autorizzazioni: ['R'] } }],
        400,
        "Op 'DELETE' non valido per il path '/acl'",
      ],
      [
        [
          { op: 'ADD', path: '/tipiPendenza', value: '*' },
          { op: 'ADD', path: '/ruoli', value: 'Ignoto' },
        ],
        422,
        'Il ruolo Ignoto indicato non esiste.',
      ],
      [[{ op: 'ADD', path: '/password', value: 'corta' }], 400, ''],
    ];
    for (const [ops, status, dettaglio] of refused) {
      const r = await patch('/applicazioni/IDA2A01', ops);
      expect([r.status, r.body.dettaglio]).toEqual([status, dettaglio || r.body.dettaglio]);
    }
    expect((await bo('GET', '/applicazioni/IDA2A01')).body).toEqual(before);
    expect((await call(a.baseUrl, 'GET', '/govpay/backend/api/pendenze/rs/basic/v2/pendenze', { auth: basic(IDA2A01) })).status).toBe(200);

    expect((await patch('/applicazioni/IGNOTA', [{ op: 'ADD', path: '/ruoli', value: 'Lettore' }])).status).toBe(404);
    expect((await patch('/operatori/ignoto', [{ op: 'ADD', path: '/ruoli', value: 'Lettore' }])).status).toBe(404);
    expect((await patch('/applicazioni/IDA2A01', [{ op: 'ADD', path: '/ruoli', value: 'Lettore' }], basic(IDA2A01))).status).toBe(403);
    expect((await patch(`/operatori/${OPERATORE.user}`, [{ op: 'ADD', path: '/ruoli', value: 'Lettore' }], basic(OPERATORE))).status).toBe(
      403,
    );
  });

  it("gives an applicazione a role's rights", async () => {
    // IDA2A01 has no Anagrafica rights of its own.
    expect((await bo('GET', '/ruoli', { auth: basic(IDA2A01) })).status).toBe(403);
    expect(
      (await bo('PUT', '/ruoli/Amministratore', { body: { acl: [{ servizio: 'Anagrafica Ruoli', autorizzazioni: ['R'] }] } })).status,
    ).toBe(201);
    const r = await patch('/applicazioni/IDA2A01', [{ op: 'ADD', path: '/ruoli', value: 'Amministratore' }]);
    expect(r.status).toBe(200);
    expect(r.body.ruoli).toEqual([{ id: 'Amministratore', acl: [{ servizio: 'Anagrafica Ruoli', autorizzazioni: ['R'] }] }]);
    expect((await bo('GET', '/ruoli', { auth: basic(IDA2A01), hub: b })).status).toBe(200);
    expect((await patch('/applicazioni/IDA2A01', [{ op: 'DELETE', path: '/ruoli', value: 'Amministratore' }])).status).toBe(200);
    expect((await bo('GET', '/ruoli', { auth: basic(IDA2A01), hub: b })).status).toBe(403);
  });
});

describe('PATCH /profilo', () => {
  it('lets an operatore change its own password, effective at once', async () => {
    const nuova = { user: OPERATORE.user, password: 'Nuova-password-2' };
    const r = await patch('/profilo', [{ op: 'REPLACE', path: '/password', value: nuova.password }], basic(OPERATORE));
    expect(r.status).toBe(200);
    expect(r.body.nome).toBe('Operatore con ruolo');
    expect((await bo('GET', '/profilo', { auth: basic(OPERATORE), hub: b })).status).toBe(401);
    expect((await bo('GET', '/profilo', { auth: basic(nuova), hub: b })).status).toBe(200);
    OPERATORE.password = nuova.password;
  });

  it('refuses anything but the password, and applicazioni', async () => {
    const before = (await bo('GET', `/operatori/${OPERATORE.user}`)).body;
    const acl = await patch(
      '/profilo',
      [{ op: 'ADD', path: '/acl', value: { servizio: 'Anagrafica Ruoli', autorizzazioni: ['W'] } }],
      basic(OPERATORE),
    );
    expect([acl.status, acl.body.dettaglio]).toEqual([400, "Path '/acl' non valido"]);
    const vuota = await patch('/profilo', [{ op: 'REPLACE', path: '/password', value: null }], basic(OPERATORE));
    expect([vuota.status, vuota.body.dettaglio]).toEqual([400, "Value non valido per il path '/password'"]);
    expect((await patch('/profilo', [{ op: 'REPLACE', path: '/password', value: 'Password-3x' }], basic(IDA2A01))).status).toBe(404);
    expect(
      (await patch('/profilo', [{ op: 'REPLACE', path: '/password', value: 'Password-3x' }], basic({ user: 'x', password: 'y' }))).status,
    ).toBe(401);
    expect((await bo('GET', `/operatori/${OPERATORE.user}`)).body).toEqual(before);
    expect((await bo('GET', '/profilo', { auth: basic(OPERATORE) })).status).toBe(200);
    expect((await bo('GET', '/profilo', { auth: basic(IDA2A01) })).status).toBe(200);
  });
});

describe('the graph', () => {
  it('lists roles with a filter, a typed orderBy and pages of at most 100, and saves one by intent', async () => {
    const list = (args: string) => gql(a.baseUrl, `{ ruoli(${args}) { nodes { id idRuolo acl { servizio } } totalCount } }`);
    const desc = await list('orderBy: [{ field: ID_RUOLO, direction: DESC }], first: 2');
    expect(desc.body.data.ruoli.nodes.map((r: { idRuolo: string }) => r.idRuolo)).toEqual(['Lettore', 'Contabile']);
    expect(desc.body.data.ruoli.totalCount).toBe(3);
    const one = await list('filter: { idRuolo: "Contabile" }');
    expect(one.body.data.ruoli.nodes).toEqual([
      { id: expect.any(String), idRuolo: 'Contabile', acl: [{ servizio: 'RENDICONTAZIONI_E_INCASSI' }] },
    ]);
    expect((await list('first: 101')).body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
    const counted = await list('first: 1, offset: 1, withCount: false');
    expect(counted.body.data.ruoli).toEqual({ nodes: [expect.objectContaining({ idRuolo: 'Contabile' })], totalCount: null });
    expect((await list('offset: -1')).body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
    expect((await list('orderBy: [{ field: NOPE, direction: ASC }]')).body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const salva = await gql(
      a.baseUrl,
      `mutation { salvaRuolo(input: { idRuolo: "Ospite", acl: [{ servizio: PAGAMENTI, autorizzazioni: [R] }] }) { creato ruolo { idRuolo acl { servizio autorizzazioni } } } }`,
    );
    expect(salva.body.data.salvaRuolo).toEqual({
      creato: true,
      ruolo: { idRuolo: 'Ospite', acl: [{ servizio: 'PAGAMENTI', autorizzazioni: ['R'] }] },
    });
    const refused = await gql(a.baseUrl, '{ ruoli { totalCount } }', {}, basic(IDA2A01));
    expect(refused.body.errors[0].extensions).toMatchObject({ codice: '403000' });
  });
});

describe('enumerazioni', () => {
  it("list GovPay's ACL services and connector versions", async () => {
    const servizi = await bo('GET', '/enumerazioni/serviziACL', { auth: basic(IDA2A01) });
    expect(servizi.status).toBe(200);
    expect(servizi.body).toEqual([
      'Anagrafica PagoPA',
      'Anagrafica Creditore',
      'Anagrafica Applicazioni',
      'Anagrafica Ruoli',
      'Pagamenti',
      'Pendenze',
      'Rendicontazioni e Incassi',
      'Giornale degli Eventi',
      'Configurazione e manutenzione',
    ]);
    expect((await bo('GET', '/enumerazioni/versioneConnettore')).body).toEqual(['REST v1', 'REST v2']);
    expect((await bo('GET', '/enumerazioni/serviziACL', { auth: basic({ ...GPADMIN, password: 'sbagliata' }) })).status).toBe(401);
  });
});
