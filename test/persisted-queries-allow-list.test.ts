import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type WebSocket from 'ws';
import { loadConfig } from '../core/config';
import { basic, BO, call, GPADMIN, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { upgrade } from './helpers/raw-subscriber';
import { subscriber, untilSubscriptions, type Subscriber } from './helpers/subscriber';

/**
 * GRAPHQL_OPERATIONS=allow-list: only the operations of the manifest a portal ships run, by hash or
 * by text; anything else is refused before it runs, over HTTP and WebSocket. REST compat, which
 * runs its own operations through the graph in process, is not concerned.
 */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const PROFILO = 'query Profilo { profilo { nome } }';
const DOMINI = 'query Domini { domini { nodes { idDominio } } }';
const PENDENZE_AGGIORNATE = 'subscription Aggiornate { pendenzaAggiornata(idA2A: "IDA2A01") { idPendenza } }';
const LISTED = [PROFILO, DOMINI, PENDENZE_AGGIORNATE];

let dir: string;
let t: TestHub;
const open: Subscriber[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'allow-list-'));
  const manifest = join(dir, 'persisted-documents.json');
  writeFileSync(manifest, JSON.stringify(Object.fromEntries(LISTED.map((q) => [sha256(q), q]))));
  t = await startHub({ GRAPHQL_OPERATIONS: 'allow-list', GRAPHQL_OPERATIONS_FILE: manifest });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: Record<string, unknown>) => call(t.baseUrl, 'POST', '/graphql', { auth: basic(GPADMIN), body });
const byHash = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
const NOT_LISTED = {
  message:
    'This operation is not in the hub’s list of allowed operations (GRAPHQL_OPERATIONS=allow-list): only the operations the portals ship run.',
  extensions: { code: 'PERSISTED_QUERY_NOT_LISTED' },
};

it('runs a listed operation by its hash alone, and by its text', async () => {
  const expected = { data: { profilo: { nome: 'Amministratore GovPay' } } };
  expect((await post(byHash(PROFILO))).body).toEqual(expected);
  expect((await post({ query: PROFILO })).body).toEqual(expected);
  expect((await post({ query: PROFILO, ...byHash(PROFILO) })).body).toEqual(expected);
});

it('refuses, 400 and nothing run, an operation not listed: by text, by hash, and a listed hash with another text', async () => {
  const mutation = 'mutation { salvaDominio(input: { idDominio: "99999999999" }) { created } }';
  for (const body of [
    { query: mutation },
    byHash(mutation),
    { query: '{ profilo { nome } }' },
    { query: PROFILO.replace('nome', 'nome ') },
  ]) {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errors: [NOT_LISTED] });
  }
  const forged = await post({ query: mutation, ...byHash(PROFILO) });
  expect(forged.status).toBe(400);
  expect(forged.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
});

it('keeps REST compat working (its operations are the hub’s own, run in process)', async () => {
  const domini = await call(t.baseUrl, 'GET', `${BO}/domini`);
  expect(domini.status).toBe(200);
  expect(domini.body.risultati.length).toBeGreaterThan(0);
  const pendenze = await call(t.baseUrl, 'GET', `${BO}/pendenze?risultatiPerPagina=5`);
  expect(pendenze.status).toBe(200);
});

describe('subscriptions over graphql-ws', () => {
  it('refuses a subscription not listed', async () => {
    const s = subscriber(t.baseUrl, { connectionParams: { authorization: basic(IDA2A01) } });
    open.push(s);
    const [error] = (await s.subscribe('subscription { pendenzaAggiornata { idPendenza stato } }').error) as unknown[];
    expect(error).toMatchObject(NOT_LISTED);
    await untilSubscriptions(t, 0);
  });

  it('serves a listed subscription by its text', async () => {
    const s = subscriber(t.baseUrl, { connectionParams: { authorization: basic(IDA2A01) } });
    open.push(s);
    s.subscribe(PENDENZE_AGGIORNATE);
    await untilSubscriptions(t, 1);
  });

  it('serves a listed subscription by its hash alone (an empty query and the extension)', async () => {
    const up = await upgrade(t.baseUrl);
    if (!up.opened) throw new Error(`upgrade refused: ${up.status}`);
    const socket: WebSocket = up.socket;
    const messages: { type: string }[] = [];
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string };
      messages.push(message);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '', ...byHash(PENDENZE_AGGIORNATE) } }));
      }
    });
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: basic(IDA2A01) } }));
    try {
      await untilSubscriptions(t, 1);
      expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    } finally {
      socket.close();
    }
    await untilSubscriptions(t, 0);
  });
});

describe('the configuration', () => {
  it('needs the manifest with allow-list, and allow-list with the manifest', () => {
    expect(() => loadConfig({ GRAPHQL_OPERATIONS: 'allow-list' })).toThrow(/GRAPHQL_OPERATIONS=allow-list needs GRAPHQL_OPERATIONS_FILE/);
    expect(() => loadConfig({ GRAPHQL_OPERATIONS_FILE: '/x.json' })).toThrow(/GRAPHQL_OPERATIONS=allow-list needs GRAPHQL_OPERATIONS_FILE/);
    expect(() => loadConfig({ GRAPHQL_OPERATIONS: 'safelist' })).toThrow(/GRAPHQL_OPERATIONS/);
  });

  // On the first hub's database: a hub that fails to start leaves its scratch database behind.
  it('refuses to start on a manifest whose entry does not hash to its key, or that is not one', async () => {
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ [sha256(PROFILO)]: DOMINI }));
    await expect(
      startHub({ GRAPHQL_OPERATIONS: 'allow-list', GRAPHQL_OPERATIONS_FILE: wrong, DATABASE_URL: databaseUrl(t) }),
    ).rejects.toThrow(`GRAPHQL_OPERATIONS_FILE ${wrong}: the document of ${sha256(PROFILO)} does not hash to it (regenerate the manifest)`);
    const list = join(dir, 'list.json');
    writeFileSync(list, JSON.stringify([PROFILO]));
    await expect(
      startHub({ GRAPHQL_OPERATIONS: 'allow-list', GRAPHQL_OPERATIONS_FILE: list, DATABASE_URL: databaseUrl(t) }),
    ).rejects.toThrow(/must be a JSON object/);
  });

  it('reads Apollo’s persisted query manifest too', async () => {
    const apollo = join(dir, 'apollo.json');
    const operations = [{ id: sha256(PROFILO), name: 'Profilo', type: 'query', body: PROFILO }];
    writeFileSync(apollo, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }));
    const other = await startHub({ GRAPHQL_OPERATIONS: 'allow-list', GRAPHQL_OPERATIONS_FILE: apollo, DATABASE_URL: databaseUrl(t) });
    try {
      const listed = await call(other.baseUrl, 'POST', '/graphql', { body: byHash(PROFILO) });
      expect(listed.body.data.profilo.nome).toBe('Amministratore GovPay');
      expect((await call(other.baseUrl, 'POST', '/graphql', { body: { query: DOMINI } })).body.errors[0].extensions.code).toBe(
        'PERSISTED_QUERY_NOT_LISTED',
      );
    } finally {
      await other.close();
    }
  });
});

const databaseUrl = (hub: TestHub) => {
  const db = hub.hub.config.database;
  return db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url;
};
