import { toGlobalKeyId } from '../core/global-id';
import { PagamentoPortale } from '../schema/entities';
import { STATION_PATH } from '../pagopa';
import { RITORNO_PATH } from '../subgraphs/pagamenti/services';
import { CheckoutDouble } from './helpers/checkout-double';
import { basic, BO, call, gql, GPADMIN } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import {
  APP,
  avvia,
  avviato,
  avviso,
  faultOf,
  loadPendenza,
  newId,
  pagamento,
  PORTALE,
  PV2,
  riferimento,
  sessioni,
} from './helpers/pagamenti';
import { nuovaPendenza } from './helpers/fixtures';
import { closeSimulators, simulatorFor } from './helpers/simulator';

/**
 * Starting a payment of a portal's cart through the graph (avviaPagamento), against a real hub
 * whose CHECKOUT_URL is a real HTTP server playing pagoPA Checkout: the three forms of a cart,
 * the same cart twice (in turn and at once), every refusal with GovPay's code and what it leaves
 * behind (nothing, or a FALLITO session naming why), the caller's rights, Checkout slow or failing.
 */
let t: TestHub;
let checkout: CheckoutDouble;
const ADMIN = basic(GPADMIN);

beforeAll(async () => {
  checkout = await new CheckoutDouble().start();
  t = await startHub({ CHECKOUT_URL: checkout.url });
});
afterAll(async () => {
  await closeSimulators();
  await t?.close();
  await checkout?.stop();
});
beforeEach(() => {
  checkout.mode = 'open';
});

/** Runs `act` and checks that it left no session behind and asked Checkout for no cart. */
async function leavesNothing(act: () => Promise<unknown>): Promise<void> {
  const before = { sessioni: await sessioni(t.hub.orm), carts: checkout.carts.length };
  await act();
  expect({ sessioni: await sessioni(t.hub.orm), carts: checkout.carts.length }).toEqual(before);
}

describe('a cart in the three forms of GovPay', () => {
  it('is opened at Checkout, in cents, and held IN_CORSO until its outcome', async () => {
    const [rif, avv] = [
      await loadPendenza(t),
      await loadPendenza(t, { importo: 16, voci: [{ idVocePendenza: '1', importo: 16, descrizione: 'Bollo', codEntrata: 'SEGRETERIA' }] }),
    ];
    const spontanea = newId('SPONT');
    const carts = checkout.carts.length;
    const r = avviato(
      await avvia(
        t,
        [
          riferimento(rif),
          avviso(avv),
          {
            nuova: {
              idA2A: 'IDA2A01',
              idPendenza: spontanea,
              ...nuovaPendenza(spontanea, {
                importo: 0.01,
                voci: [{ idVocePendenza: 'v', importo: 0.01, descrizione: 'Un centesimo', codEntrata: 'SEGRETERIA' }],
              }),
            },
          },
        ],
        {
          idSessionePortale: 'sessione-portale-1',
          soggettoVersante: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi', email: 'mario.rossi@example.it' },
          lingua: 'EN',
        },
      ),
    );
    const p = r.pagamento;
    expect(r.created).toBe(true);
    expect(r.redirect).toBe(checkout.pageOf(p.idSession));
    expect(p).toMatchObject({
      stato: 'IN_CORSO',
      importo: '117.00',
      nome: `Pagamento dovuto n.${rif.idPendenza} ed altre 2 pendenze.`,
      redirect: r.redirect,
      urlRitorno: PORTALE,
      idSessionePortale: 'sessione-portale-1',
      avviatoDa: { tipo: 'APPLICAZIONE', principal: 'IDA2A01' },
      esitoRitorno: null,
    });
    expect(p.idPagamento).toMatch(/^[0-9a-f]{32}$/);
    expect(p.id).toBe(toGlobalKeyId('Pagamento', [p.idPagamento]));
    expect(p.pendenze.map((v: any) => [v.indice, v.pendenza.idPendenza, v.importo, v.esito])).toEqual([
      [1, rif.idPendenza, '100.99', 'IN_CORSO'],
      [2, avv.idPendenza, '16.00', 'IN_CORSO'],
      [3, spontanea, '0.01', 'IN_CORSO'],
    ]);
    // What Checkout received: checkout_v1's CartRequest, amounts in euro cents, the return URLs on the hub.
    expect(checkout.carts).toHaveLength(carts + 1);
    const cart = checkout.carts[carts];
    expect(cart.errors).toBeNull();
    expect(cart.body.idCart).toBe(p.idSession);
    expect(cart.body.emailNotice).toBe('mario.rossi@example.it');
    expect(cart.body.paymentNotices).toEqual([
      {
        noticeNumber: rif.numeroAvviso,
        fiscalCode: '12345678901',
        amount: 10099,
        companyName: 'Ente Creditore Test',
        description: `Pagamento dovuto n.${rif.idPendenza}`,
      },
      {
        noticeNumber: avv.numeroAvviso,
        fiscalCode: '12345678901',
        amount: 1600,
        companyName: 'Ente Creditore Test',
        description: `Pagamento dovuto n.${avv.idPendenza}`,
      },
      {
        noticeNumber: p.pendenze[2].numeroAvviso,
        fiscalCode: '12345678901',
        amount: 1,
        companyName: 'Ente Creditore Test',
        description: `Pagamento dovuto n.${spontanea}`,
      },
    ]);
    for (const url of Object.values(cart.body.returnUrls) as string[])
      expect(url.startsWith(`${t.baseUrl.replace('127.0.0.1', 'localhost')}${RITORNO_PATH}/${p.idPagamento}.`)).toBe(true);
    // The spontaneous pendenza was loaded with the rules of a PUT, and the session reads back the same.
    const loaded = await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${spontanea}`, { auth: APP });
    expect([loaded.status, loaded.body.stato, loaded.body.importo]).toEqual([200, 'NON_ESEGUITA', 0.01]);
    expect(await pagamento(t, p.id)).toEqual(p);
    const bySession = await gql(t.baseUrl, 'query ($s: ID!) { pagamentoByIdSession(idSession: $s) { id } }', { s: p.idSession }, APP);
    expect(bySession.body.data.pagamentoByIdSession.id).toBe(p.id);
  });

  it('asked again by the same caller gives the same payment; started twice at once, one', async () => {
    const pendenza = await loadPendenza(t);
    const first = avviato(await avvia(t, [avviso(pendenza)], { idSessionePortale: 'doppio-clic' }));
    const carts = checkout.carts.length;
    const again = avviato(await avvia(t, [riferimento(pendenza)], { idSessionePortale: 'doppio-clic' }));
    expect([again.created, again.pagamento.id, again.redirect]).toEqual([false, first.pagamento.id, first.redirect]);
    expect(checkout.carts).toHaveLength(carts);

    const contesa = await loadPendenza(t);
    const replies = await Promise.all([1, 2, 3, 4].map(() => avvia(t, [riferimento(contesa)])));
    const answers = replies.map(avviato);
    expect(new Set(answers.map((a) => a.pagamento.id)).size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    const rows = await t.hub.orm.em.fork().find(PagamentoPortale, { pendenze: { idPendenza: contesa.idPendenza } });
    expect(rows.map((r) => r.stato)).toEqual(['IN_CORSO']);
  });

  it('with a pendenza in another payment in progress is refused PAG_014, kept FALLITO, holding nothing', async () => {
    const [a, b] = [await loadPendenza(t), await loadPendenza(t)];
    const held = avviato(await avvia(t, [riferimento(a)])).pagamento;
    const r = await avvia(t, [riferimento(b), riferimento(a)]);
    const fault = faultOf(r)!;
    expect(fault).toMatchObject({
      codice: 'PAG_014',
      status: 422,
      dettaglio: `Il pagamento (IdDominio:12345678901, IUV:${a.iuv}, CCP:${held.idSession}) non e' eseguibile poiche' risulta in corso all'Ente Creditore`,
    });
    expect(fault.location).toBe(`/pagamenti/${fault.id}`);
    const fallito = await pagamento(t, { idPagamento: fault.id });
    expect(fallito).toMatchObject({ stato: 'FALLITO', redirect: null, descrizioneStato: expect.stringContaining('PAG_014') });
    expect(fallito.pendenze.map((v: any) => [v.pendenza.idPendenza, v.esito])).toEqual([
      [b.idPendenza, 'NON_ESEGUITO'],
      [a.idPendenza, 'NON_ESEGUITO'],
    ]);
    // b is free: a cart of b alone starts.
    expect(avviato(await avvia(t, [riferimento(b)])).created).toBe(true);
    expect((await pagamento(t, held.id)).stato).toBe('IN_CORSO');
  });
});

describe('bad input changes nothing', () => {
  const cases: Array<[string, () => Promise<unknown[]>, Record<string, unknown>, Record<string, unknown>]> = [
    ['an empty cart', async () => [], {}, { codice: 'SINTASSI', dettaglio: 'Il campo pendenze deve avere almeno 1 elementi.' }],
    [
      'a cart of six',
      async () => {
        const p = await loadPendenza(t);
        return [1, 2, 3, 4, 5, 6].map(() => riferimento(p));
      },
      {},
      { codice: 'SINTASSI', dettaglio: 'Il campo pendenze deve avere al massimo 5 elementi.' },
    ],
    [
      'an item in two forms',
      async () => {
        const p = await loadPendenza(t);
        return [{ ...riferimento(p), ...avviso(p) }];
      },
      {},
      { codice: 'SINTASSI', dettaglio: expect.stringContaining('pendenze.0') },
    ],
    [
      'an unknown pendenza',
      async () => [riferimento({ idA2A: 'IDA2A01', idPendenza: 'NON-ESISTE' })],
      {},
      { codice: 'VER_008', dettaglio: 'La pendenza non esiste.' },
    ],
    ['an unknown applicazione', async () => [riferimento({ idA2A: 'NESSUNA', idPendenza: 'X' })], {}, { codice: 'APP_000', status: 400 }],
    [
      'an avviso nobody issued',
      async () => [avviso({ numeroAvviso: '001990000000000100' })],
      {},
      {
        codice: 'VER_008',
        dettaglio:
          "L'avviso di pagamento [Dominio:12345678901 Iuv:990000000000100] non risulta registrato, ne associabile ad un'applicazione censita.",
      },
    ],
    [
      'an unknown dominio',
      async () => [avviso({ numeroAvviso: '001990000000000100' }, '00000000000')],
      {},
      { codice: 'DOM_000', status: 422 },
    ],
    [
      'a malformed numero avviso',
      async () => [{ avviso: { idDominio: '12345678901', numeroAvviso: 'ABC' } }],
      {},
      { codice: 'SINTASSI', dettaglio: expect.stringContaining('pendenze.0.avviso.numeroAvviso') },
    ],
    [
      'dataEsecuzionePagamento in the past',
      async () => [riferimento(await loadPendenza(t))],
      { dataEsecuzionePagamento: '2020-01-01' },
      {
        codice: 'SEMANTICA',
        status: 422,
        dettaglio: expect.stringMatching(/^Il campo dataEsecuzionePagamento deve avere una data successiva a \d{4}-\d\d-\d\d\.$/),
      },
    ],
    [
      'a javascript: urlRitorno',
      async () => [riferimento(await loadPendenza(t))],
      { urlRitorno: 'javascript:alert(1)' },
      { codice: 'SINTASSI', dettaglio: expect.stringContaining('urlRitorno') },
    ],
    [
      'an ftp: urlRitorno',
      async () => [riferimento(await loadPendenza(t))],
      { urlRitorno: 'ftp://portale.example/x' },
      { codice: 'SINTASSI', dettaglio: expect.stringContaining('urlRitorno') },
    ],
    [
      'no urlRitorno at all',
      async () => [riferimento(await loadPendenza(t))],
      { urlRitorno: null },
      { codice: 'SINTASSI', dettaglio: 'Il campo urlRitorno non deve essere vuoto.' },
    ],
    [
      'a spontaneous pendenza without causale',
      async () => {
        const { causale: _c, ...body } = nuovaPendenza('X');
        return [{ nuova: { idA2A: 'IDA2A01', idPendenza: newId(), ...body } }];
      },
      {},
      { codice: 'SINTASSI', dettaglio: expect.stringContaining('causale') },
    ],
  ];

  it.each(cases)('%s', async (_name, cart, input, expected) => {
    const pendenze = await cart();
    await leavesNothing(async () => {
      const r = await avvia(t, pendenze, input);
      expect(r.body.data).toBeNull();
      expect(faultOf(r)).toMatchObject(expected);
      expect(faultOf(r)?.id).toBeUndefined();
    });
  });

  it('wrong types are refused by the graph before anything runs', async () => {
    await leavesNothing(async () => {
      const r = await gql(t.baseUrl, 'mutation { avviaPagamento(input: { pendenze: "x", urlRitorno: 5 }) { created } }', {}, APP);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});

describe('a pendenza that cannot be paid is refused with GovPay’s code and kept FALLITO', () => {
  async function refused(pendenze: unknown[], expected: Record<string, unknown>) {
    const before = await sessioni(t.hub.orm);
    const r = await avvia(t, pendenze);
    const fault = faultOf(r)!;
    expect(fault).toMatchObject(expected);
    expect(fault.location).toBe(`/pagamenti/${fault.id}`);
    expect(await sessioni(t.hub.orm)).toEqual({ ...before, FALLITO: (before.FALLITO ?? 0) + 1 });
    return fault;
  }

  it('paid', async () => {
    const p = await loadPendenza(t);
    const paid = await simulatorFor(`${t.baseUrl}${STATION_PATH}`).pay({ fiscalCode: '12345678901', noticeNumber: p.numeroAvviso });
    expect(paid.status).toBe('ESEGUITO');
    await refused([riferimento(p)], { codice: 'PAG_006', dettaglio: "Il versamento e' in uno stato che non consente il pagamento" });
  });

  it('cancelled', async () => {
    const p = await loadPendenza(t);
    const patch = await call(t.baseUrl, 'PATCH', `${PV2}/pendenze/IDA2A01/${p.idPendenza}`, {
      auth: APP,
      body: [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }],
    });
    expect(patch.status).toBe(200);
    await refused([avviso(p)], { codice: 'PAG_006' });
  });

  it('expired', async () => {
    const p = await loadPendenza(t, { dataValidita: null, dataScadenza: '2020-01-01' });
    await refused([riferimento(p)], {
      codice: 'PAG_007',
      dettaglio: `Richiesto pagamento di una pendenza [Applicazione:IDA2A01 IdPendenza:${p.idPendenza}] con data scadenza decorsa il 2020-01-01.`,
    });
  });

  it('a spontaneous pendenza whose total is not the sum of its voci (S9): VER_002, nothing loaded', async () => {
    const id = newId('SPONT');
    const fault = await refused([{ nuova: { idA2A: 'IDA2A01', idPendenza: id, ...nuovaPendenza(id, { importo: 50 }) } }], {
      codice: 'VER_002',
    });
    expect((await pagamento(t, { idPagamento: fault.id })).pendenze).toEqual([]);
    expect((await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${id}`, { auth: APP })).status).toBe(404);
  });

  it('an avviso whose Ente cannot be asked (down): 502 from the Ente, no session', async () => {
    // IUVs of codifica 34 are IDA2A01's, whose connector points where nothing listens.
    await leavesNothing(async () => {
      const r = await avvia(t, [avviso({ numeroAvviso: '001340000009999900' })]);
      expect(faultOf(r)).toMatchObject({ codice: '502000', categoria: 'EC', status: 502 });
    });
  });
});

describe('rights', () => {
  beforeAll(async () => {
    const put = (path: string, body: unknown) => call(t.baseUrl, 'PUT', `${BO}${path}`, { auth: ADMIN, body });
    expect(
      (
        await put('/operatori/lettore-pagamenti', {
          ragioneSociale: 'Lettore',
          password: 'Operatore1',
          domini: ['*'],
          tipiPendenza: ['*'],
          acl: [{ servizio: 'Pagamenti', autorizzazioni: ['R'] }],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await put('/operatori/solo-libero', {
          ragioneSociale: 'Libero',
          password: 'Operatore1',
          domini: ['12345678901'],
          tipiPendenza: ['LIBERO'],
          acl: [{ servizio: 'Pagamenti', autorizzazioni: ['R', 'W'] }],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await put('/applicazioni/PORTALE2', {
          principal: 'portale2',
          password: 'Password2!',
          domini: ['12345678901'],
          tipiPendenza: ['LIBERO'],
          acl: [{ servizio: 'Pagamenti', autorizzazioni: ['R', 'W'] }],
          apiPagamenti: true,
          urlRitorno: 'https://portale2.example/ritorno',
        })
      ).status,
    ).toBe(201);
  });
  const lettore = basic({ user: 'lettore-pagamenti', password: 'Operatore1' });
  const libero = basic({ user: 'solo-libero', password: 'Operatore1' });
  const portale2 = basic({ user: 'portale2', password: 'Password2!' });

  it('starting needs the Pagamenti write right and every pendenza in scope (APP_003)', async () => {
    const p = await loadPendenza(t);
    await leavesNothing(async () => {
      expect(faultOf(await avvia(t, [riferimento(p)], {}, lettore))).toMatchObject({ codice: '403000', status: 403 });
      expect(faultOf(await avvia(t, [riferimento(p)], {}, portale2))).toMatchObject({
        codice: 'APP_003',
        status: 403,
        dettaglio: `Applicazione (PORTALE2) non autorizzata a pagare la pendenza (IdA2A:IDA2A01, Id:${p.idPendenza})`,
      });
      expect(faultOf(await avvia(t, [riferimento(p)], {}, libero))).toMatchObject({ codice: '403000', status: 403 });
    });
  });

  it("a portal pays another applicazione's pendenze in its scope and returns to its configured urlRitorno", async () => {
    const p = await loadPendenza(t, {
      idTipoPendenza: 'LIBERO',
      voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'Libero', codEntrata: 'LIBERO' }],
    });
    const r = avviato(await avvia(t, [avviso(p)], { urlRitorno: null }, portale2));
    expect(r.pagamento).toMatchObject({ urlRitorno: null, avviatoDa: { tipo: 'APPLICAZIONE', principal: 'PORTALE2' } });
    // Applicazioni read their own payments, operatori those wholly in their scope.
    expect(faultOf(await gql(t.baseUrl, 'query ($id: ID!) { pagamento(id: $id) { id } }', { id: r.pagamento.id }, APP))).toMatchObject({
      codice: '403000',
    });
    expect((await pagamento(t, r.pagamento.id, lettore)).id).toBe(r.pagamento.id);
    expect((await pagamento(t, r.pagamento.id, libero)).id).toBe(r.pagamento.id);
    const mine = await gql(t.baseUrl, '{ pagamenti(first: 100) { totalCount nodes { avviatoDa { principal } } } }', {}, portale2);
    expect(new Set(mine.body.data.pagamenti.nodes.map((n: any) => n.avviatoDa.principal))).toEqual(new Set(['PORTALE2']));
    const liberi = await gql(t.baseUrl, '{ pagamenti(first: 100) { nodes { pendenze { pendenza { idPendenza } } } } }', {}, libero);
    expect(liberi.body.data.pagamenti.nodes.flatMap((n: any) => n.pendenze.map((v: any) => v.pendenza.idPendenza))).toEqual([p.idPendenza]);
  });
});

describe('pagoPA Checkout slow or failing', () => {
  // A second instance on the same database waits only 500 ms for Checkout; the retry goes through
  // the first, whose default wait a busy machine cannot exceed.
  let impatient: TestHub;
  beforeAll(async () => {
    const db = t.hub.config.database;
    impatient = await startHub({
      CHECKOUT_URL: checkout.url,
      CHECKOUT_TIMEOUT_MS: '500',
      DATABASE_URL: db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url,
    });
  });
  afterAll(() => impatient?.close());

  it.each([
    ['does not answer', 'hang' as const, 'nessuna risposta entro 500 ms'],
    ['answers an error', 'fail' as const, 'HTTP 500'],
  ])('when it %s: 502 NDP_000, a FALLITO session, the pendenza free and payable', async (_what, mode, detail) => {
    const p = await loadPendenza(t);
    checkout.mode = mode;
    const fault = faultOf(await avvia(impatient, [riferimento(p)]))!;
    expect(fault).toMatchObject({ codice: 'NDP_000', categoria: 'PAGOPA', status: 502, descrizione: 'Servizi pagoPA non disponibili.' });
    expect(fault.dettaglio).toContain(detail);
    expect((await pagamento(t, { idPagamento: fault.id })).stato).toBe('FALLITO');
    checkout.mode = 'open';
    const retry = avviato(await avvia(t, [riferimento(p)]));
    expect([retry.created, retry.pagamento.stato]).toEqual([true, 'IN_CORSO']);
    const verify = await simulatorFor(`${t.baseUrl}${STATION_PATH}`).verify({ fiscalCode: '12345678901', noticeNumber: p.numeroAvviso });
    expect(verify.step.outcome).toBe('OK');
  });
});
