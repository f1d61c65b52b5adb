import { toGlobalId, toGlobalKeyId } from '../core/global-id';
import { registraFlusso } from '../subgraphs/riconciliazione/services';
import { CheckoutDouble } from './helpers/checkout-double';
import { dati, DOMINIO, flusso, pendenzaPagata, riga } from './helpers/flussi';
import { nuovaPendenza, nuovoDominio } from './helpers/fixtures';
import { basic, BO, call, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { avvia, avviato, loadPendenza, riferimento } from './helpers/pagamenti';
import { closeSimulators } from './helpers/simulator';
import { until } from './helpers/until';

/**
 * node(id:) and nodes(ids:): any object with a global id refetched through the node subgraph and
 * the type's own subgraph, with exactly what the type's own query shows the caller (its rights,
 * its dominio scoping, its error), on every database; bad ids refused clearly.
 */
let t: TestHub;
let checkout: CheckoutDouble;
const D2 = '01234567890';
const PASSWORD = 'Password1!';
const SOLO_D2 = basic({ user: 'node-d2', password: PASSWORD });
/** Another portal, with the Pagamenti read right: it sees only the payments it started. */
const PORTALE_2 = basic({ user: 'node-portale2', password: PASSWORD });
let paid: { iuv: string; ccp: string; idPendenza: string };
let flussoId: string;
/** A payment IDA2A01 started on its portal: its global id and GovPay's idPagamento. */
let avviato1: { id: string; idPagamento: string };

beforeAll(async () => {
  checkout = await new CheckoutDouble().start();
  t = await startHub({ CHECKOUT_URL: checkout.url });
  const bo = (path: string, body: unknown) => call(t.baseUrl, 'PUT', `${BO}${path}`, { body });
  expect((await bo(`/domini/${D2}`, nuovoDominio)).status).toBe(201);
  const acl = ['Pendenze', 'Pagamenti', 'Anagrafica Creditore', 'Rendicontazioni e Incassi'].map((servizio) => ({
    servizio,
    autorizzazioni: ['R'],
  }));
  expect(
    (await bo('/operatori/node-d2', { ragioneSociale: 'Operatore di D2', password: PASSWORD, domini: [D2], tipiPendenza: ['*'], acl }))
      .status,
  ).toBe(201);
  await dati(
    t,
    'mutation { salvaRuolo(input: { idRuolo: "Lettori", acl: [{ servizio: PENDENZE, autorizzazioni: [R] }] }) { ruolo { idRuolo } } }',
  );
  expect(
    (
      await bo('/applicazioni/NODEPORTALE2', {
        principal: 'node-portale2',
        password: PASSWORD,
        domini: ['*'],
        tipiPendenza: ['*'],
        acl: [{ servizio: 'Pagamenti', autorizzazioni: ['R'] }],
        apiPagamenti: true,
      })
    ).status,
  ).toBe(201);
  avviato1 = avviato(await avvia(t, [riferimento(await loadPendenza(t))])).pagamento;
  paid = await pendenzaPagata(t);
  const { id } = await registraFlusso(t.hub.orm.em.fork(), flusso([riga(paid.iuv, paid.ccp)]));
  flussoId = toGlobalId('FlussoRendicontazione', id);
});
afterAll(async () => {
  await closeSimulators();
  await t.close();
  await checkout?.stop();
});

const node = (id: string, selection: string, auth?: string) =>
  gql(t.baseUrl, `query ($id: ID!) { node(id: $id) { __typename id ${selection} } }`, { id }, auth);

/** The object as its own query shows it and as node(id:) does: the same fields, the same values. */
async function sameAsOwnQuery(own: string, selection: string, typename: string): Promise<string> {
  const direct = Object.values(await dati(t, `{ ${own} { id ${selection} } }`))[0] as { id: string };
  const r = await node(direct.id, `... on ${typename} { ${selection} }`);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.node).toEqual({ __typename: typename, ...direct });
  return direct.id;
}

describe('node(id:)', () => {
  it('refetches an object of every subgraph as its own query shows it', async () => {
    const dominio = await sameAsOwnQuery(`dominio(idDominio: "${DOMINIO}")`, 'idDominio ragioneSociale cbill', 'Dominio');
    expect(dominio).toBe(toGlobalKeyId('Dominio', [DOMINIO]));
    await sameAsOwnQuery(
      `pendenza(idA2A: "IDA2A01", idPendenza: "${paid.idPendenza}")`,
      'idPendenza stato importo dominio { ragioneSociale } voci { indice importo }',
      'Pendenza',
    );
    await sameAsOwnQuery(
      `rpp(idDominio: "${DOMINIO}", iuv: "${paid.iuv}", ccp: "${paid.ccp}")`,
      'iuv ccp esito pendenza { idPendenza }',
      'Rpp',
    );
    await sameAsOwnQuery(`flussoRendicontazione(id: "${flussoId}")`, 'idFlusso numeroPagamenti importoTotale', 'FlussoRendicontazione');
    const pagamento = await sameAsOwnQuery(
      `pagamento(idPagamento: "${avviato1.idPagamento}")`,
      'idPagamento stato importo avviatoDa { tipo principal } pendenze { iuv pendenza { idPendenza } }',
      'Pagamento',
    );
    expect(pagamento).toBe(toGlobalKeyId('Pagamento', [avviato1.idPagamento]));
    const evento = await until(
      'an event in the Giornale',
      async () => (await dati(t, '{ eventi(first: 1) { nodes { id } } }')).eventi.nodes[0]?.id as string | undefined,
    );
    const r = await node(evento, '... on Evento { numero componente esito }');
    expect(r.body.data.node).toMatchObject({ __typename: 'Evento', id: evento, componente: expect.any(String) });
  });

  it.each([
    ['Intermediario', '{ intermediari(first: 1) { nodes { id idIntermediario denominazione } } }'],
    ['Stazione', '{ intermediari(first: 1) { nodes { stazioni(first: 1) { nodes { id idStazione idIntermediario } } } } }'],
    ['UnitaOperativa', `{ dominio(idDominio: "${DOMINIO}") { unitaOperative(first: 1) { nodes { id idUnita ragioneSociale } } } }`],
    ['ContoAccredito', `{ dominio(idDominio: "${DOMINIO}") { contiAccredito(first: 1) { nodes { id iban idDominio } } } }`],
    ['Entrata', '{ entrate(first: 1) { nodes { id idEntrata descrizione } } }'],
    ['TipoPendenza', '{ tipiPendenza(first: 1) { nodes { id idTipoPendenza descrizione } } }'],
    ['Applicazione', '{ applicazioni(first: 1) { nodes { id idA2A principal } } }'],
    ['Operatore', '{ operatori(first: 1) { nodes { id principal ragioneSociale } } }'],
    ['Ruolo', '{ ruoli(first: 1) { nodes { id idRuolo } } }'],
  ])('refetches an anagrafica %s as its list shows it', async (typename, list) => {
    const listed = firstNode(await dati(t, list));
    const selection = Object.keys(listed)
      .filter((f) => f !== 'id')
      .join(' ');
    const r = await node(listed.id, `... on ${typename} { ${selection} }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.node).toEqual({ __typename: typename, ...listed });
  });

  it('refetches a Notifica as notifiche and notifica(id:) show it, null for an unknown one', async () => {
    // Fields the outbox worker does not change while it retries the delivery.
    const selection = 'tipo dataCreazione rpp { iuv ccp }';
    const listed = await until(
      'the notification of the receipt',
      async () => (await dati(t, `{ notifiche(first: 1) { nodes { id ${selection} } } }`)).notifiche.nodes[0] as { id: string } | undefined,
    );
    expect(listed).toMatchObject({ tipo: 'RICEVUTA', rpp: { iuv: paid.iuv, ccp: paid.ccp } });
    expect((await dati(t, `query ($id: ID!) { notifica(id: $id) { id ${selection} } }`, { id: listed.id })).notifica).toEqual(listed);
    const r = await node(listed.id, `... on Notifica { ${selection} }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.node).toEqual({ __typename: 'Notifica', ...listed });

    const unknown = await node(toGlobalId('Notifica', 999999999), '... on Notifica { tipo }');
    expect(unknown.body).toEqual({ data: { node: null } });
  });

  it('answers a missing object as its own query does: null, with its error', async () => {
    const own = await gql(t.baseUrl, '{ pendenza(idA2A: "IDA2A01", idPendenza: "NON-ESISTE") { idPendenza } }');
    const r = await node(toGlobalKeyId('Pendenza', ['IDA2A01', 'NON-ESISTE']), '... on Pendenza { idPendenza }');
    expect(r.status).toBe(200);
    expect(r.body.data.node).toBeNull();
    expect(r.body.errors[0].extensions).toMatchObject(pick(own.body.errors[0].extensions));

    const nessuno = 'f'.repeat(32);
    const ownPagamento = await gql(t.baseUrl, `{ pagamento(idPagamento: "${nessuno}") { id } }`);
    expect(ownPagamento.body.errors[0].extensions).toMatchObject({ codice: expect.any(String), status: 404 });
    const p = await node(toGlobalKeyId('Pagamento', [nessuno]), '... on Pagamento { stato }');
    expect(p.status).toBe(200);
    expect(p.body.data.node).toBeNull();
    expect(p.body.errors[0].extensions).toMatchObject(pick(ownPagamento.body.errors[0].extensions));
  });

  it("gives a portal nothing of another applicazione's payment, and the error pagamento(id:) gives", async () => {
    const own = await gql(t.baseUrl, 'query ($id: ID!) { pagamento(id: $id) { stato } }', { id: avviato1.id }, PORTALE_2);
    expect(own.body.errors[0].extensions).toMatchObject({ status: 403 });
    for (const selection of ['... on Pagamento { stato importo pendenze { iuv } }', '']) {
      const r = await node(avviato1.id, selection, PORTALE_2);
      expect(r.status).toBe(200);
      expect(r.body.data.node).toBeNull();
      expect(r.body.errors[0].extensions).toMatchObject(pick(own.body.errors[0].extensions));
      expect(JSON.stringify(r.body)).not.toContain(avviato1.idPagamento);
    }
    // Nor to an operatore of another dominio.
    expect((await node(avviato1.id, '... on Pagamento { stato }', SOLO_D2)).body.data.node).toBeNull();
  });

  it('gives a caller nothing of a dominio it has no rights on, and the error its own query gives', async () => {
    const pendenza = toGlobalKeyId('Pendenza', ['IDA2A01', paid.idPendenza]);
    const own = await gql(t.baseUrl, `{ pendenza(idA2A: "IDA2A01", idPendenza: "${paid.idPendenza}") { idPendenza } }`, {}, SOLO_D2);
    expect(own.body.errors).toBeDefined();
    const r = await node(pendenza, '... on Pendenza { idPendenza importo soggettoPagatore { anagrafica } }', SOLO_D2);
    expect(r.body.data.node).toBeNull();
    expect(r.body.errors[0].extensions).toMatchObject(pick(own.body.errors[0].extensions));
    expect(JSON.stringify(r.body)).not.toMatch(/100\.99|Rossi/);
    // Asking for nothing but the id does not tell it the pendenza exists either.
    const bare = await node(pendenza, '', SOLO_D2);
    expect(bare.body.data.node).toBeNull();
    expect(bare.body.errors[0].extensions).toMatchObject(pick(own.body.errors[0].extensions));

    // Notifications need the read right on 'Configurazione e manutenzione', which it lacks.
    const notifica = (await dati(t, '{ notifiche(first: 1) { nodes { id } } }')).notifiche.nodes[0].id as string;
    const ownNotifica = await gql(t.baseUrl, 'query ($id: ID!) { notifica(id: $id) { id } }', { id: notifica }, SOLO_D2);
    expect(ownNotifica.body.errors[0].extensions).toMatchObject({ categoria: 'AUTORIZZAZIONE' });
    const n = await node(notifica, '... on Notifica { tipo rpp { iuv } }', SOLO_D2);
    expect(n.body.data.node).toBeNull();
    expect(n.body.errors[0].extensions).toMatchObject(pick(ownNotifica.body.errors[0].extensions));
    const rpp = await node(toGlobalKeyId('Rpp', [DOMINIO, paid.iuv, paid.ccp]), '... on Rpp { importo }', SOLO_D2);
    expect(rpp.body.data.node).toBeNull();
    const f = await node(flussoId, '... on FlussoRendicontazione { idFlusso }', SOLO_D2);
    expect(f.body.data.node).toBeNull();
    // Its own dominio it sees.
    const d2 = await node(toGlobalKeyId('Dominio', [D2]), '... on Dominio { ragioneSociale }', SOLO_D2);
    expect(d2.body.data.node).toEqual({ __typename: 'Dominio', id: toGlobalKeyId('Dominio', [D2]), ragioneSociale: 'Comune di Prova' });
  });
});

describe('nodes(ids:)', () => {
  it('mixes types and keeps their order, null for a missing one', async () => {
    const ids = [
      toGlobalKeyId('Rpp', [DOMINIO, paid.iuv, paid.ccp]),
      toGlobalKeyId('Dominio', [DOMINIO]),
      toGlobalKeyId('Pendenza', ['IDA2A01', 'NON-ESISTE']),
      toGlobalKeyId('Pendenza', ['IDA2A01', paid.idPendenza]),
      flussoId,
      avviato1.id,
    ];
    const r = await gql(
      t.baseUrl,
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id
        ... on Rpp { ccp } ... on Dominio { idDominio } ... on Pendenza { idPendenza } ... on FlussoRendicontazione { numeroPagamenti } ... on Pagamento { idPagamento } } }`,
      { ids },
    );
    expect(r.body.data.nodes).toEqual([
      { __typename: 'Rpp', id: ids[0], ccp: paid.ccp },
      { __typename: 'Dominio', id: ids[1], idDominio: DOMINIO },
      null,
      { __typename: 'Pendenza', id: ids[3], idPendenza: paid.idPendenza },
      { __typename: 'FlussoRendicontazione', id: flussoId, numeroPagamenti: 1 },
      { __typename: 'Pagamento', id: avviato1.id, idPagamento: avviato1.idPagamento },
    ]);
  });
});

describe('bad ids', () => {
  const refused = async (query: string, variables: Record<string, unknown>, dettaglio: RegExp) => {
    const r = await gql(t.baseUrl, query, variables);
    expect(r.status).toBeLessThan(500);
    expect(r.body.data?.node ?? r.body.data?.nodes ?? null).toBeNull();
    expect(r.body.errors[0].extensions).toMatchObject({ categoria: 'RICHIESTA', codice: 'SINTASSI' });
    expect(r.body.errors[0].extensions.dettaglio).toMatch(dettaglio);
  };

  it.each([
    ['not base64url of a type and key', 'non-un-id!'],
    ['of no type the graph refetches', toGlobalId('Carrello', 1)],
    ['of a Node type with a key of the wrong shape', toGlobalId('Pendenza', 7)],
    ["of a Pagamento that is GovPay's idPagamento, not a global id", 'f'.repeat(32)],
    ['of a Pagamento with a key of the wrong shape', toGlobalId('Pagamento', 'f'.repeat(32))],
    ['of a Notifica whose key is no number', toGlobalId('Notifica', 'x')],
  ])('refuses an id %s', async (_, id) => {
    await refused('query ($id: ID!) { node(id: $id) { id } }', { id }, /identificativo/);
  });

  it.each([
    ['malformed', 'non-un-id!'],
    ['of another type', toGlobalKeyId('Rpp', [DOMINIO, '000000000000001', 'ccp'])],
  ])('refuses notifica(id:) an id %s, as node(id:) does', async (_, id) => {
    const r = await gql(t.baseUrl, 'query ($id: ID!) { notifica(id: $id) { id } }', { id });
    expect(r.status).toBeLessThan(500);
    expect(r.body.data?.notifica ?? null).toBeNull();
    expect(r.body.errors[0].extensions).toMatchObject({ categoria: 'RICHIESTA', codice: 'SINTASSI' });
  });

  it('refuses more than 100 ids', async () => {
    const ids = Array.from({ length: 101 }, () => toGlobalKeyId('Dominio', [DOMINIO]));
    await refused('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, /100/);
  });
});

/** The first node of the innermost connection of a reply. */
function firstNode(data: unknown): { id: string } & Record<string, unknown> {
  const value = Object.values(data as Record<string, unknown>)[0] as Record<string, unknown>;
  if (Array.isArray(value.nodes)) return firstNode({ first: value.nodes[0] });
  return 'id' in value ? (value as { id: string }) : firstNode(value);
}

/** What GovPay puts in extensions, without the fields that name the path. */
const pick = (e: Record<string, unknown>) => ({ categoria: e.categoria, codice: e.codice, descrizione: e.descrizione });

describe('TracciatoPendenze and AllegatoPendenza', () => {
  let tracciato: string;
  let allegato: { id: string; numero: number };

  beforeAll(async () => {
    const idPendenza = `NODE-ALL-${Date.now()}`;
    const allegati = [{ nome: 'nota.txt', tipo: 'text/plain', descrizione: 'Una nota', contenuto: Buffer.from('ciao').toString('base64') }];
    const caricata = await dati(
      t,
      'mutation ($input: CaricaPendenzaInput!) { caricaPendenza(input: $input) { pendenza { allegati { id numero nome } } } }',
      { input: { idA2A: 'IDA2A01', idPendenza, pendenza: nuovaPendenza(idPendenza, { allegati }) } },
    );
    allegato = caricata.caricaPendenza.pendenza.allegati[0];
    const righe = [{ idA2A: 'IDA2A01', idPendenza: `${idPendenza}-T`, ...nuovaPendenza(`${idPendenza}-T`) }];
    const upload = await call(t.baseUrl, 'POST', `${BO}/pendenze/tracciati?stampaAvvisi=false`, {
      body: { idTracciato: 'NODE', idDominio: DOMINIO, inserimenti: righe },
    });
    expect(upload.status).toBe(201);
    tracciato = toGlobalId('TracciatoPendenze', upload.body.id);
  });

  it('refetches a tracciato as tracciatoPendenze(numero:) shows it', async () => {
    const numero = Number(Buffer.from(tracciato, 'base64url').toString().split(':')[1]);
    const id = await sameAsOwnQuery(
      `tracciatoPendenze(numero: ${numero})`,
      'numero idTracciato nomeFile dominio { idDominio }',
      'TracciatoPendenze',
    );
    expect(id).toBe(tracciato);
  });

  it("refetches an allegato's name and type, as its pendenza lists it, not its content", async () => {
    expect(allegato.id).toBe(toGlobalId('AllegatoPendenza', allegato.numero));
    const r = await node(allegato.id, '... on AllegatoPendenza { numero nome tipo descrizione }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.node).toEqual({ __typename: 'AllegatoPendenza', ...allegato, tipo: 'text/plain', descrizione: 'Una nota' });
    const file = await dati(t, 'query ($id: ID) { allegato(id: $id) { nome contenuto } }', { id: allegato.id });
    expect(file.allegato).toEqual({ nome: 'nota.txt', contenuto: Buffer.from('ciao').toString('base64') });
  });

  it("gives a caller without the dominio nothing, with the own query's error", async () => {
    const own = {
      TracciatoPendenze: await gql(t.baseUrl, '{ tracciatoPendenze(id: "' + tracciato + '") { nomeFile } }', {}, SOLO_D2),
      AllegatoPendenza: await gql(t.baseUrl, `{ allegato(numero: ${allegato.numero}) { nome } }`, {}, SOLO_D2),
    };
    for (const [typename, id] of [
      ['TracciatoPendenze', tracciato],
      ['AllegatoPendenza', allegato.id],
    ] as const) {
      expect(own[typename].body.errors[0].extensions.codice).toBeDefined();
      for (const selection of [`... on ${typename} { __typename }`, '']) {
        const r = await node(id, selection, SOLO_D2);
        expect(r.status).toBe(200);
        expect(r.body.data.node).toBeNull();
        expect(r.body.errors[0].extensions).toMatchObject(pick(own[typename].body.errors[0].extensions));
      }
    }
  });

  it('answers an unknown one as its own query does, and refuses ids of the wrong shape', async () => {
    const missing = await node(toGlobalId('AllegatoPendenza', 999_999_999), '... on AllegatoPendenza { nome }');
    const own = await gql(t.baseUrl, '{ allegato(numero: 999999999) { nome } }');
    expect(missing.body.data.node).toBeNull();
    expect(missing.body.errors[0].extensions).toMatchObject(pick(own.body.errors[0].extensions));
    for (const id of [toGlobalKeyId('TracciatoPendenze', ['1']), toGlobalId('AllegatoPendenza', 'uno')]) {
      const r = await node(id, '');
      expect(r.status).toBeLessThan(500);
      expect(r.body.data?.node ?? null).toBeNull();
      expect(r.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
    }
    const other = await gql(t.baseUrl, 'query ($id: ID) { allegato(id: $id) { nome } }', { id: tracciato });
    expect(other.status).toBeLessThan(500);
    expect(other.body.errors[0].extensions).toMatchObject({ codice: 'SINTASSI' });
  });
});
