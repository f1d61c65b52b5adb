import { Applicazione, Intermediario, Operatore } from '../schema/entities';
import { MASK } from '../subgraphs/anagrafica/domain/secrets';
import { basic, BO, call, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';

/**
 * Secrets stay secret (issue 14, item 6): the passwords and keys of the intermediario's connectors
 * and of an applicazione's connector, and the passwords of utenze, are never in any read (REST,
 * graph, the reply of a PATCH: a mask stands in for them); a PUT that leaves them out or sends the
 * mask back keeps the stored ones, one that sends new ones replaces them.
 */
let t: TestHub;
beforeAll(async () => {
  t = await startHub();
});
afterAll(() => t?.close());

const SECRETS = ['Interm-pwd-1', 'Sub-key-1', 'Ftp-pwd-1', 'Ente-pwd-1', 'Ente-ks-1', 'Operatore-pwd-1', 'Applicazione-pwd-1'];
const bo = (method: string, path: string, body?: unknown) => call(t.baseUrl, method, `${BO}${path}`, { body });
const stored = () => t.hub.orm.em.fork();

/** Fails naming the secret when any of them appears anywhere in a reply. */
function expectNoSecret(reply: { status: number; body: unknown }): void {
  expect(reply.status).toBeLessThan(300);
  const text = JSON.stringify(reply.body);
  expect(SECRETS.filter((s) => text.includes(s))).toEqual([]);
  expect(text).not.toMatch(/scrypt|\$[0-9a-z]+\$/);
}

const intermediario = {
  denominazione: 'Intermediario con segreti',
  principalPagoPa: 'nodo-segreti',
  servizioPagoPa: {
    urlRPT: 'https://nodo.example/pa',
    auth: { username: 'govpay', password: 'Interm-pwd-1' },
    subscriptionKey: 'Sub-key-1',
  },
  servizioFtp: {
    ftp_lettura: { host: 'ftp.example', porta: '22', username: 'u', password: 'Ftp-pwd-1' },
    ftp_scrittura: { host: 'ftp.example', porta: '22', username: 'w', password: 'Ftp-pwd-1' },
  },
  abilitato: true,
};
const applicazione = {
  principal: 'app-segreti',
  password: 'Applicazione-pwd-1',
  domini: ['*'],
  tipiPendenza: ['*'],
  servizioIntegrazione: {
    url: 'https://ente.example/api',
    versioneApi: 'REST v2',
    auth: {
      tipo: 'Client',
      ksLocation: '/ks.jks',
      ksPassword: 'Ente-ks-1',
      tsLocation: '/ts.jks',
      tsPassword: 'Ente-pwd-1',
      tsType: 'JKS',
      sslType: 'TLSv1.2',
    },
  },
};

beforeAll(async () => {
  expect((await bo('PUT', '/intermediari/22222222222', intermediario)).status).toBe(201);
  expect((await bo('PUT', '/applicazioni/APPSEGRETI', applicazione)).status).toBe(201);
  expect((await bo('PUT', '/operatori/op-segreti', { ragioneSociale: 'Op', password: 'Operatore-pwd-1', domini: ['*'] })).status).toBe(201);
});

it('no read returns a secret: Backoffice REST, the graph, the reply of a PATCH', async () => {
  const reads = [
    '/intermediari',
    '/intermediari/22222222222',
    '/applicazioni',
    '/applicazioni/APPSEGRETI',
    '/operatori',
    '/operatori/op-segreti',
    '/profilo',
  ];
  for (const path of reads) expectNoSecret(await bo('GET', path));
  expectNoSecret(
    await gql(
      t.baseUrl,
      `{ intermediario(idIntermediario: "22222222222") { servizioPagoPa altriServizi }
         applicazione(idA2A: "APPSEGRETI") { password servizioIntegrazione { url auth } }
         operatore(principal: "op-segreti") { password } }`,
    ),
  );
  expectNoSecret(
    await call(t.baseUrl, 'PATCH', `${BO}/applicazioni/APPSEGRETI`, { body: [{ op: 'ADD', path: '/tipiPendenza', value: 'SEGRETERIA' }] }),
  );
  // What is shown: that a password is set, and the connector with its secrets masked.
  const app = (await bo('GET', '/applicazioni/APPSEGRETI')).body;
  expect(app.password).toBe(true);
  expect(app.servizioIntegrazione.auth).toEqual({ ...applicazione.servizioIntegrazione.auth, ksPassword: MASK, tsPassword: MASK });
  expect((await bo('GET', '/intermediari/22222222222')).body.servizioPagoPa).toEqual({
    urlRPT: 'https://nodo.example/pa',
    auth: { username: 'govpay', password: MASK },
    subscriptionKey: MASK,
  });
});

it('a PUT of what was read (masked) or without the secrets keeps the stored ones; one that sends new ones replaces them', async () => {
  const read = (await bo('GET', '/intermediari/22222222222')).body;
  const { idIntermediario, stazioni, ...body } = read;
  expect((await bo('PUT', '/intermediari/22222222222', { ...body, denominazione: 'Rinominato' })).status).toBe(200);
  let i = await stored().findOneOrFail(Intermediario, { idIntermediario: '22222222222' });
  expect(i.denominazione).toBe('Rinominato');
  expect(i.servizioPagoPa).toEqual(intermediario.servizioPagoPa);
  expect(i.altriServizi).toEqual({ servizioFtp: intermediario.servizioFtp });

  const withoutPassword = { ...body.servizioPagoPa, auth: { username: 'govpay' } };
  delete withoutPassword.subscriptionKey;
  expect((await bo('PUT', '/intermediari/22222222222', { ...body, servizioPagoPa: withoutPassword })).status).toBe(200);
  i = await stored().findOneOrFail(Intermediario, { idIntermediario: '22222222222' });
  expect(i.servizioPagoPa).toEqual(intermediario.servizioPagoPa);

  const newAuth = { username: 'govpay2', password: 'Interm-pwd-2' };
  expect(
    (await bo('PUT', '/intermediari/22222222222', { ...body, servizioPagoPa: { ...body.servizioPagoPa, auth: newAuth } })).status,
  ).toBe(200);
  i = await stored().findOneOrFail(Intermediario, { idIntermediario: '22222222222' });
  expect(i.servizioPagoPa).toEqual({ urlRPT: 'https://nodo.example/pa', auth: newAuth, subscriptionKey: 'Sub-key-1' });

  // Another kind of authentication does not inherit the old one's secrets, nor keep a mask as one.
  const header = { headerName: 'X-Auth', headerValue: 'h-1' };
  expect((await bo('PUT', '/intermediari/22222222222', { ...body, servizioPagoPa: { ...body.servizioPagoPa, auth: header } })).status).toBe(
    200,
  );
  i = await stored().findOneOrFail(Intermediario, { idIntermediario: '22222222222' });
  expect((i.servizioPagoPa as { auth: unknown }).auth).toEqual(header);
  const apiKey = { apiId: 'id-1', apiKey: MASK };
  expect((await bo('PUT', '/intermediari/22222222222', { ...body, servizioPagoPa: { ...body.servizioPagoPa, auth: apiKey } })).status).toBe(
    200,
  );
  i = await stored().findOneOrFail(Intermediario, { idIntermediario: '22222222222' });
  expect((i.servizioPagoPa as { auth: unknown }).auth).toEqual({ apiId: 'id-1' });

  const app = (await bo('GET', '/applicazioni/APPSEGRETI')).body;
  const { idA2A, password, ruoli, ...appBody } = app;
  const appPut = { ...appBody, domini: ['*'], tipiPendenza: ['*'], abilitato: true };
  expect((await bo('PUT', '/applicazioni/APPSEGRETI', appPut)).status).toBe(200);
  const a = await stored().findOneOrFail(Applicazione, { idA2A: 'APPSEGRETI' });
  expect(a.servizioIntegrazione?.auth).toEqual(applicazione.servizioIntegrazione.auth);
  expect(
    (await call(t.baseUrl, 'GET', `${BO}/profilo`, { auth: basic({ user: 'app-segreti', password: 'Applicazione-pwd-1' }) })).status,
  ).toBe(200);

  const op = await stored().findOneOrFail(Operatore, { principal: 'op-segreti' });
  expect((await bo('PUT', '/operatori/op-segreti', { ragioneSociale: 'Op 2', domini: ['*'] })).status).toBe(200);
  expect((await stored().findOneOrFail(Operatore, { principal: 'op-segreti' })).passwordHash).toBe(op.passwordHash);
});
