import { PrincipalSigner, SYSTEM_PRINCIPAL, PRINCIPAL_HEADER } from '../core/principal';
import { BO, call } from './helpers/http';
import { SECRET, startHub, type TestHub } from './helpers/hub';

/** A subgraph reached directly, bypassing the gateway: only the gateway's signed principal opens it. */
let t: TestHub;
beforeAll(async () => {
  t = await startHub();
});
afterAll(() => t.close());

const mutation = {
  query:
    'mutation { salvaEntrata(input: { idEntrata: "FORGED", descrizione: "x", tipoContabilita: ALTRO, codiceContabilita: "123" }) { created } }',
};
const query = { query: '{ dominio(idDominio: "12345678901") { ragioneSociale } }' };

function post(body: unknown, token?: string) {
  return call(t.subgraphUrl.replace(/\/anagrafica\/graphql$/, ''), 'POST', '/anagrafica/graphql', {
    auth: null,
    body,
    headers: token === undefined ? {} : { [PRINCIPAL_HEADER]: token },
  });
}

const forge = (payload: unknown, mac = 'AAAA') => `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${mac}`;

it('answers a signed request', async () => {
  const r = await post(query, t.hub.signer.sign(SYSTEM_PRINCIPAL));
  expect(r.status).toBe(200);
  expect(r.body.data.dominio.ragioneSociale).toBe('Ente Creditore Test');
});

it.each([
  ['no principal', undefined],
  ['an empty principal', ''],
  ['a forged principal with a made-up signature', forge({ p: SYSTEM_PRINCIPAL, exp: 9999999999 })],
  [
    'a principal signed with another secret',
    new PrincipalSigner('another-secret-another-secret-another-secret', 60).sign(SYSTEM_PRINCIPAL),
  ],
  ['an expired principal', new PrincipalSigner(SECRET, 60).sign(SYSTEM_PRINCIPAL, Date.now() - 3_600_000)],
  ['garbage', 'not-a-token'],
])('refuses %s with 401 and runs nothing', async (_case, token) => {
  const r = await post(mutation, token);
  expect(r.status).toBe(401);
  expect(r.body.data).toBeUndefined();
  expect(r.body.errors[0].extensions).toMatchObject({ codice: '401000' });
  const check = await call(t.baseUrl, 'GET', `${BO}/entrate/FORGED`);
  expect(check.status).toBe(404);
});

it('refuses a token whose payload was altered after signing', async () => {
  const token = t.hub.signer.sign({ ...SYSTEM_PRINCIPAL, acl: [] });
  const [, mac] = token.split('.');
  const tampered = forge({ p: SYSTEM_PRINCIPAL, exp: Math.floor(Date.now() / 1000) + 60 }, mac);
  const r = await post(mutation, tampered);
  expect(r.status).toBe(401);
});

it("applies the principal's rights inside the subgraph too", async () => {
  const weak = t.hub.signer.sign({ ...SYSTEM_PRINCIPAL, acl: [] });
  const r = await post(mutation, weak);
  expect(r.status).toBe(200);
  expect(r.body.errors[0].extensions).toMatchObject({ codice: '403000' });
});

it('resolves entity references for other subgraphs in one batch', async () => {
  const r = await post(
    {
      query:
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Dominio { idDominio ragioneSociale } ... on TipoPendenza { descrizione } } }',
      variables: {
        r: [
          { __typename: 'Dominio', idDominio: '12345678901' },
          { __typename: 'TipoPendenza', idTipoPendenza: 'SEGRETERIA' },
          { __typename: 'Dominio', idDominio: '00000000000' },
        ],
      },
    },
    t.hub.signer.sign(SYSTEM_PRINCIPAL),
  );
  expect(r.body.data._entities).toEqual([
    { idDominio: '12345678901', ragioneSociale: 'Ente Creditore Test' },
    { descrizione: 'Diritti di segreteria' },
    null,
  ]);
});
