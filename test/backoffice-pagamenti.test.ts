import { OutboxJob, PagamentoPortale, Pendenza, Rpp } from '../schema/entities';
import { CheckoutDouble } from './helpers/checkout-double';
import { basic, BO, call, type Reply } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { avvia, avviato, loadPendenza, newId, riferimento } from './helpers/pagamenti';
import { setConnettore } from './helpers/rpp';
import { IDS, receiptV2, sendRTV2Envelope } from './helpers/station-envelopes';
import { until } from './helpers/until';

/**
 * The Backoffice's payment paths against a real hub: the portal's payment sessions (GET/PATCH
 * /pagamenti), receipts uploaded by operators (POST /ricevute, PATCH /rpp), the notifications to
 * the Ente (GET /notifiche) and what the hub does not produce (/promemoria, tracciati di notifica).
 */
let t: TestHub;
let checkout: CheckoutDouble;

const get = (path: string, auth?: string) => call(t.baseUrl, 'GET', `${BO}${path}`, { auth });
const patch = (path: string, body: unknown, auth?: string) =>
  call(t.baseUrl, 'PATCH', `${BO}${path}`, { auth, body, headers: { 'content-type': 'application/json-patch+json' } });
const postXml = (xml: string, auth?: string, contentType = 'text/xml') =>
  call(t.baseUrl, 'POST', `${BO}/ricevute`, { auth, rawBody: xml, headers: { 'content-type': contentType } });

/** An operatore with these rights on these domini (all tipi pendenza), created through the Backoffice. */
async function operatore(principal: string, acl: Array<{ servizio: string; autorizzazioni: string[] }>, domini: string[] = ['*']) {
  const r = await call(t.baseUrl, 'PUT', `${BO}/operatori/${principal}`, {
    body: { ragioneSociale: principal, password: 'Password1!', domini, tipiPendenza: ['*'], acl },
  });
  expect([200, 201]).toContain(r.status);
  return basic({ user: principal, password: 'Password1!' });
}

/** paSendRTV2Request for a pendenza of IDA2A01 loaded with the standard body (100.99 in two transfers), as the Nodo sends it. */
function ricevuta(p: { numeroAvviso: string; iuv: string }, ccp: string, importo = '100.99'): string {
  const ids = `<idPA>${IDS.idPA}</idPA><idBrokerPA>${IDS.idBrokerPA}</idBrokerPA><idStation>${IDS.idStation}</idStation>`;
  const receipt = receiptV2()
    .replace('c0ffee00c0ffee00c0ffee00c0ffee01', ccp)
    .replace('<noticeNumber>001340000000000136', `<noticeNumber>${p.numeroAvviso}`)
    .replace('<creditorReferenceId>340000000000136', `<creditorReferenceId>${p.iuv}`)
    .replace('<paymentAmount>100.99', `<paymentAmount>${importo}`);
  return sendRTV2Envelope(`${ids}${receipt}`);
}

const counts = async () => {
  const em = t.hub.orm.em.fork();
  return { rpp: await em.count(Rpp, {}), outbox: await em.count(OutboxJob, {}), pagate: await em.count(Pendenza, { stato: 'ESEGUITA' }) };
};

const dettaglio = (r: Reply) => r.body?.dettaglio as string;

beforeAll(async () => {
  checkout = await new CheckoutDouble().start();
  t = await startHub({ CHECKOUT_URL: checkout.url });
});
afterAll(async () => {
  await t?.close();
  await checkout?.stop();
});

describe('GET/PATCH /pagamenti', () => {
  let id: string;
  let idPendenza: string;

  beforeAll(async () => {
    const p = await loadPendenza(t);
    idPendenza = p.idPendenza;
    id = avviato(await avvia(t, [riferimento(p)], { idSessionePortale: 'bo-sessione-1' })).pagamento.idPagamento;
  });

  it("lists a portal's payment session in the Backoffice's shape, with GovPay's filters", async () => {
    const r = await get(`/pagamenti?idA2A=IDA2A01&idPendenza=${idPendenza}&verificato=false&ordinamento=-dataRichiestaPagamento`);
    expect(r.status).toBe(200);
    expect(r.body.numRisultati).toBe(1);
    expect(r.body.risultati[0]).toMatchObject({
      id,
      stato: 'IN_CORSO',
      importo: 100.99,
      idSessionePortale: 'bo-sessione-1',
      verificato: false,
      modello: 'Pagamento ad iniziativa Ente',
      rpp: `/rpp?idPagamento=${id}`,
    });
    expect(r.body.risultati[0].dataRichiestaPagamento).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
    expect(r.body.risultati[0].pendenze).toBeUndefined();
    expect((await get(`/pagamenti?idPendenza=${idPendenza}&verificato=true`)).body.numRisultati).toBe(0);
    expect((await get(`/pagamenti?idPendenza=${idPendenza}&stato=ESEGUITO`)).body.numRisultati).toBe(0);
    expect((await get(`/pagamenti?idSessionePortale=bo-sessione-1`)).body.risultati.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('refuses bad filters with 400', async () => {
    const stato = await get('/pagamenti?stato=PAGATO');
    expect(stato.status).toBe(400);
    expect(dettaglio(stato)).toMatch(/stato/);
    expect((await get('/pagamenti?severitaDa=alta')).status).toBe(400);
    expect((await get('/pagamenti?ordinamento=+importo')).status).toBe(400);
    expect((await get('/pagamenti?dataDa=ieri')).status).toBe(400);
  });

  it('reads one session (404 for none) and lets an operatore mark it verificato and write a note', async () => {
    expect((await get('/pagamenti/inesistente')).status).toBe(404);
    const before = await get(`/pagamenti/${id}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ id, stato: 'IN_CORSO', verificato: false, rpp: [] });

    const r = await patch(`/pagamenti/${id}`, [
      { op: 'REPLACE', path: '/verificato', value: true },
      { op: 'ADD', path: '/nota', value: { oggetto: 'Controllato', testo: 'pagamento verificato allo sportello' } },
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      verificato: true,
      descrizioneStato: 'Controllato: pagamento verificato allo sportello',
      stato: 'IN_CORSO',
    });
    expect((await get(`/pagamenti?idPendenza=${idPendenza}&verificato=true`)).body.numRisultati).toBe(1);
  });

  it("refuses bad patch operations with GovPay's texts and changes nothing", async () => {
    const stored = async () => {
      const s = await t.hub.orm.em.fork().findOneOrFail(PagamentoPortale, { idPagamento: id });
      return { verificato: s.verificato, descrizioneStato: s.descrizioneStato, stato: s.stato };
    };
    const before = await stored();
    const cases: Array<[unknown, RegExp]> = [
      [[{ op: 'REPLACE', path: '/stato', value: 'ESEGUITO' }], /Path '\/stato' non valido/],
      [[{ op: 'DELETE', path: '/verificato', value: true }], /Op 'DELETE' non valida per il path '\/verificato'/],
      [[{ op: 'REPLACE', path: '/nota', value: { oggetto: 'x' } }], /Op 'REPLACE' non valida per il path '\/nota'/],
      [[{ op: 'REPLACE', path: '/verificato', value: 'si' }], /Value non valido per il path '\/verificato'/],
      [[{ op: 'MOVE', path: '/verificato', value: true }], /op/],
      [[{ op: 'ADD', path: '/nota', value: { testo: 'senza oggetto' } }], /oggetto/],
      [
        [
          { op: 'REPLACE', path: '/verificato', value: false },
          { op: 'ADD', path: '/x', value: 1 },
        ],
        /Path '\/x' non valido/,
      ],
      [{ op: 'REPLACE' }, /JSON-patch/],
    ];
    for (const [body, text] of cases) {
      const r = await patch(`/pagamenti/${id}`, body);
      expect(r.status).toBe(400);
      expect(dettaglio(r)).toMatch(text);
    }
    expect((await patch('/pagamenti/inesistente', [{ op: 'REPLACE', path: '/verificato', value: true }])).status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('answers 403 without the Pagamenti rights or the dominio, as GovPay', async () => {
    const lettore = await operatore('bo-pag-lettore', [{ servizio: 'Pagamenti', autorizzazioni: ['R'] }]);
    const estraneo = await operatore('bo-pag-estraneo', [{ servizio: 'Pagamenti', autorizzazioni: ['R', 'W'] }], []);
    const nessuno = await operatore('bo-pag-nessuno', [{ servizio: 'Anagrafica Creditore', autorizzazioni: ['R'] }]);
    expect((await get(`/pagamenti/${id}`, lettore)).status).toBe(200);
    expect((await patch(`/pagamenti/${id}`, [{ op: 'REPLACE', path: '/verificato', value: false }], lettore)).status).toBe(403);
    expect((await get(`/pagamenti/${id}`, estraneo)).status).toBe(403);
    expect((await patch(`/pagamenti/${id}`, [{ op: 'REPLACE', path: '/verificato', value: false }], estraneo)).status).toBe(403);
    expect((await get(`/pagamenti?idPendenza=${idPendenza}`, estraneo)).body.numRisultati).toBe(0);
    expect((await get('/pagamenti', nessuno)).status).toBe(403);
    expect((await get(`/pagamenti/${id}`)).body.verificato).toBe(true);
  });
});

describe('POST /ricevute and PATCH /rpp', () => {
  it('records a receipt of a payment made outside as the station does: the pendenza is paid once, a replay changes nothing', async () => {
    const p = await loadPendenza(t);
    const ccp = newId('RIC').replace(/-/g, '');
    const xml = ricevuta(p, ccp);
    const before = await counts();
    const r = await postXml(xml);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ stato: 'RT_ACCETTATA_PA', pendenza: { idA2A: 'IDA2A01', idPendenza: p.idPendenza, stato: 'ESEGUITA' } });
    expect(r.body.rt.receiptId).toBe(ccp);
    const after = await counts();
    expect(after.rpp).toBe(before.rpp + 1);
    expect(after.pagate).toBe(before.pagate + 1);

    // The same receipt again (and as base64, a bare request with no envelope) is acknowledged and recorded once.
    const replay = await postXml(Buffer.from(xml).toString('base64'), undefined, 'application/xml');
    expect(replay.status).toBe(201);
    expect(await counts()).toEqual(after);

    // PATCH /rt with that same receipt is idempotent too; /bloccante false changes nothing.
    const rpp = `/rpp/12345678901/${p.iuv}/${ccp}`;
    const same = await patch(rpp, [
      { op: 'REPLACE', path: '/rt', value: Buffer.from(xml).toString('base64') },
      { op: 'REPLACE', path: '/bloccante', value: false },
    ]);
    expect(same.status).toBe(200);
    expect(same.body.rt.receiptId).toBe(ccp);
    expect(await counts()).toEqual(after);
  });

  it('refuses malformed XML, an XSD-invalid receipt, an unknown pendenza, a conflicting replay, with 422 and nothing recorded', async () => {
    const p = await loadPendenza(t);
    const ccp = newId('RIC').replace(/-/g, '');
    const before = await counts();
    const cases: Array<[string, RegExp]> = [
      ['<paSendRTV2Request><unclosed>', /RT non valida: not well-formed XML/],
      [ricevuta(p, ccp).replace(/<outcome>OK<\/outcome>/, '<outcome>FORSE</outcome>'), /RT non valida: .*outcome/],
      [ricevuta(p, ccp).replace(/<idPSP>SIMPSP01<\/idPSP>/, ''), /RT non valida: .*idPSP/],
      [ricevuta({ numeroAvviso: '001999999999999999', iuv: '999999999999999' }, ccp), /RT non valida: pagamento sconosciuto/],
      [ricevuta(p, ccp, '5.00'), /RT non valida: .*importo/],
      ['<x:Other xmlns:x="urn:x"/>', /RT non valida: atteso paSendRTV2Request o paSendRTReq/],
    ];
    for (const [xml, text] of cases) {
      const r = await postXml(xml);
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ codice: '422000', descrizione: 'Richiesta non processabile' });
      expect(dettaglio(r)).toMatch(text);
    }
    expect((await postXml('{"rt": 1}', undefined, 'application/json')).status).toBe(415);
    expect(await counts()).toEqual(before);

    // The same receiptId with other content: refused, the first receipt stands.
    expect((await postXml(ricevuta(p, ccp))).status).toBe(201);
    const stored = await counts();
    const altra = ricevuta(p, ccp).replace('<paymentMethod>creditCard', '<paymentMethod>bancomat');
    expect((await postXml(altra)).status).toBe(422);
    expect(await counts()).toEqual(stored);
  });

  it("refuses bad PATCH /rpp operations with GovPay's texts, 404 for an unknown attempt, 403 without rights", async () => {
    const p = await loadPendenza(t);
    const ccp = newId('RIC').replace(/-/g, '');
    expect((await postXml(ricevuta(p, ccp))).status).toBe(201);
    const rpp = `/rpp/12345678901/${p.iuv}/${ccp}`;
    const cases: Array<[unknown, number, RegExp]> = [
      [[{ op: 'REPLACE', path: '/stato', value: 'RT_RIFIUTATA_PA' }], 400, /Path '\/stato' non valido/],
      [[{ op: 'ADD', path: '/bloccante', value: true }], 400, /Op 'ADD' non valido per il path '\/bloccante'/],
      [[{ op: 'REPLACE', path: '/bloccante', value: 'no' }], 400, /Value non valido per il path '\/bloccante'/],
      [[{ op: 'REPLACE', path: '/rt', value: '<<<' }], 400, /Value non valido per il path '\/rt'/],
      [[{ op: 'REPLACE', path: '/bloccante', value: true }], 422, /concluso/],
    ];
    const [altraPendenza, terzaPendenza] = [await loadPendenza(t), await loadPendenza(t)];
    const lettore = await operatore('bo-ric-lettore', [{ servizio: 'Pagamenti', autorizzazioni: ['R'] }]);
    const estraneo = await operatore('bo-ric-estraneo', [{ servizio: 'Pagamenti', autorizzazioni: ['R', 'W'] }], []);
    const before = await counts();
    for (const [body, status, text] of cases) {
      const r = await patch(rpp, body);
      expect(r.status).toBe(status);
      expect(dettaglio(r)).toMatch(text);
    }
    // A receipt of another attempt is refused under this one's key.
    const altro = newId('RIC').replace(/-/g, '');
    const r = await patch(rpp, [{ op: 'REPLACE', path: '/rt', value: Buffer.from(ricevuta(p, altro)).toString('base64') }]);
    expect(r.status).toBe(422);
    expect(dettaglio(r)).toMatch(/non e' del tentativo/);
    expect((await patch(`/rpp/12345678901/${p.iuv}/nessuno`, [{ op: 'REPLACE', path: '/bloccante', value: false }])).status).toBe(404);
    expect((await patch(rpp, [{ op: 'REPLACE', path: '/bloccante', value: false }], lettore)).status).toBe(403);
    expect((await postXml(ricevuta(altraPendenza, 'X1'), lettore)).status).toBe(403);
    expect((await postXml(ricevuta(terzaPendenza, 'X2'), estraneo)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('GET /notifiche, /promemoria, /tracciatiNotificaPagamenti', () => {
  it("lists the notifications to the Ente's system with their state and attempts, and spedizioneNotifiche makes the waiting ones due", async () => {
    // A connector nobody answers: the notification fails and waits for its retry.
    await setConnettore(t.hub.orm.em.fork(), { url: 'http://127.0.0.1:9/ente', versioneApi: 'REST v2' });
    try {
      expect((await get('/operazioni/resetCacheAnagrafica')).status).toBe(200);
      const p = await loadPendenza(t);
      const ccp = newId('NOT').replace(/-/g, '');
      expect((await postXml(ricevuta(p, ccp))).status).toBe(201);
      const chiave = `notifica:12345678901:${p.iuv}:${ccp}`;
      const tentativi = async () => (await t.hub.orm.em.fork().findOneOrFail(OutboxJob, { chiave })).tentativi;
      await until('the first attempt of the notification', async () => (await tentativi()) === 1);

      const r = await get('/notifiche?stato=DA_SPEDIRE&tipo=RICEVUTA&risultatiPerPagina=100');
      expect(r.status).toBe(200);
      const n = r.body.risultati.find((x: { dataCreazione: string }) => x.dataCreazione);
      expect(n).toMatchObject({ tipo: 'RICEVUTA', stato: 'DA_SPEDIRE', idA2A: 'IDA2A01' });
      expect(n.numeroTentativi).toBeGreaterThanOrEqual(1);
      expect(n.descrizioneStato).toBeTruthy();
      expect(n.dataProssimaSpedizione).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
      expect((await get('/notifiche?tipo=ATTIVAZIONE')).body.risultati).toEqual([]);
      expect((await get('/notifiche?stato=ANNULLATA')).body.risultati).toEqual([]);

      const op = await get('/operazioni/spedizioneNotifiche');
      expect(op.status).toBe(200);
      expect(op.body).toMatchObject({ idOperazione: 'spedizioneNotifiche', stato: 0 });
      expect(op.body.dettaglio).toMatch(/Notifiche da spedire: \d+/);
      expect(op.body.dettaglio).toMatch(/anticipate: [1-9]/);
      // Its retry was a minute away: the operation makes it happen now.
      await until('the notification retried at once', async () => (await tentativi()) >= 2);
    } finally {
      await setConnettore(t.hub.orm.em.fork(), null);
      await get('/operazioni/resetCacheAnagrafica');
    }
  });

  it('validates their filters and answers 403 without the maintenance right', async () => {
    expect((await get('/notifiche?stato=PERSA')).status).toBe(400);
    expect((await get('/notifiche?dataDa=domani')).status).toBe(400);
    const promemoria = await get('/promemoria?stato=SPEDITO&tipo=AVVISO_PAGAMENTO&dataDa=2026-01-01');
    expect(promemoria.status).toBe(200);
    expect(promemoria.body).toMatchObject({ numRisultati: 0, numPagine: 1, pagina: 1, risultati: [] });
    expect((await get('/promemoria?tipo=SMS')).status).toBe(400);
    const ospite = await operatore('bo-not-ospite', [{ servizio: 'Pagamenti', autorizzazioni: ['R'] }]);
    expect((await get('/notifiche', ospite)).status).toBe(403);
    expect((await get('/promemoria', ospite)).status).toBe(403);
  });

  it('answers 404 for any tracciato di notifica pagamenti (the hub makes none), 400 for a malformed id', async () => {
    const r = await get('/tracciatiNotificaPagamenti/12?secID=abc');
    expect(r.status).toBe(404);
    expect(dettaglio(r)).toBe('Tracciato 12 inesistente.');
    expect((await get('/tracciatiNotificaPagamenti/dodici')).status).toBe(400);
  });
});

describe('GET /reportistiche/entrate-previste', () => {
  it('lists the money taken per riscossione in the period, with what it was for; 403 without the right or for a PDF', async () => {
    const p = await loadPendenza(t);
    const ccp = newId('ENT').replace(/-/g, '');
    expect((await postXml(ricevuta(p, ccp))).status).toBe(201);
    const r = await get('/reportistiche/entrate-previste?idDominio=12345678901&dataDa=2026-12-01&dataA=2026-12-01&risultatiPerPagina=100');
    expect(r.status).toBe(200);
    const righe = r.body.risultati
      .filter((e: { iur: string }) => e.iur === ccp)
      .sort((a: { indice: number }, b: { indice: number }) => a.indice - b.indice);
    expect(righe).toEqual([
      expect.objectContaining({
        idDominio: '12345678901',
        iuv: p.iuv,
        iur: ccp,
        indice: 1,
        importoPagato: 84.99,
        dataPagamento: '2026-12-01',
      }),
      expect.objectContaining({ indice: 2, importoPagato: 16 }),
    ]);
    expect(righe[0]).toMatchObject({
      idA2A: 'IDA2A01',
      idPendenza: p.idPendenza,
      idTipoPendenza: 'SEGRETERIA',
      idVocePendenza: '1',
      identificativoDebitore: 'RSSMRA30A01H501I',
    });
    const dopo = await get('/reportistiche/entrate-previste?dataDa=2026-12-02T00:00:00');
    expect(dopo.body.risultati.filter((e: { iur: string }) => e.iur === ccp)).toEqual([]);
    expect((await get('/reportistiche/entrate-previste?dataDa=ieri')).status).toBe(400);
    const pdf = await call(t.baseUrl, 'GET', `${BO}/reportistiche/entrate-previste`, { headers: { accept: 'application/pdf' } });
    expect(pdf.status).toBe(403);
    const ospite = await operatore('bo-rep-ospite', [{ servizio: 'Pagamenti', autorizzazioni: ['R'] }]);
    expect((await get('/reportistiche/entrate-previste', ospite)).status).toBe(403);
  });
});
