import pino from 'pino';
import type { CartRecord, PaymentRecord, Simulator } from '../simulator';
import { CART_REQUEST, CHECKOUT_SPEC_FILE, checkoutSpec, NO_CHECKOUT_SPEC } from './helpers/checkout-spec';
import { getJson, postCart, pressButton, RETURN_URLS } from './helpers/checkout';
import { closeSimulators, simulatorFor } from './helpers/simulator';
import { describeIf } from './helpers/skip';
import { euro, ko, SAMPLE, StationDouble, verifyOk } from './helpers/station-double';

/**
 * The simulator's Checkout over real HTTP, against a station double: the Ente's API
 * (`POST /checkout/ec/v1/carts`, checked against pagoPA's checkout_v1.json), the records, and
 * the page's two buttons as form posts (the browser test drives the same page in Chromium).
 */
let station: StationDouble;
let sim: Simulator;
let base: string;
const logLines: string[] = [];

beforeAll(async () => {
  station = await StationDouble.start();
});
afterAll(() => station.close());
beforeEach(async () => {
  station.reset();
  logLines.length = 0;
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  sim = simulatorFor(station.url, { logger });
  base = `http://127.0.0.1:${await sim.listen(0)}`;
});
afterEach(closeSimulators);

const notice = (over: Record<string, unknown> = {}) => ({
  noticeNumber: SAMPLE.noticeNumber,
  fiscalCode: SAMPLE.fiscalCode,
  amount: 10099,
  companyName: 'Ente Creditore Test',
  description: 'Diritti di segreteria',
  ...over,
});
const cart = (over: Record<string, unknown> = {}) => ({ paymentNotices: [notice()], returnUrls: RETURN_URLS, ...over });
/** Notice numbers 0013400000000001nn: distinct notices of the demo dominio. */
const numbered = (n: number) => notice({ noticeNumber: `0013400000000001${String(n).padStart(2, '0')}`, amount: 1000 * n });

async function open(body: unknown = cart()): Promise<{ id: string; url: string }> {
  const r = await postCart(base, body);
  expect({ status: r.status, body: r.body }).toEqual({ status: 302, body: '' });
  const url = r.location!;
  return { id: url.slice(url.lastIndexOf('/') + 1), url };
}
const record = async (id: string): Promise<CartRecord> => (await getJson(`${base}/api/carts/${id}`)).body;
const payments = async (): Promise<PaymentRecord[]> => (await getJson(`${base}/api/payments`)).body;
const ops = () => station.requests.map((r) => r.action);

/** Bodies the spec and the simulator both accept. */
const VALID: [string, unknown][] = [
  ['the minimal cart', cart()],
  [
    'every field, five notices and a field the spec does not name',
    cart({
      emailNotice: 'mario.rossi@example.it',
      idCart: 'CART-2026-0001',
      allCCP: false,
      paymentNotices: [1, 2, 3, 4, 5].map(numbered),
      extra: 'ignored',
    }),
  ],
  ['an empty companyName (the spec sets only a maximum)', cart({ paymentNotices: [notice({ companyName: '' })] })],
  [
    '140 characters of description, accents and emoji counted as one each',
    cart({ paymentNotices: [notice({ description: 'è😀'.repeat(70) })] }),
  ],
];

/** Bodies the spec refuses, and so does the simulator: [title, body, what the detail names]. */
const INVALID: [string, unknown, string][] = [
  ['no paymentNotices', { returnUrls: RETURN_URLS }, 'paymentNotices'],
  ['an empty cart', cart({ paymentNotices: [] }), 'paymentNotices: must hold 1 to 5 notices'],
  ['six notices', cart({ paymentNotices: [1, 2, 3, 4, 5, 6].map(numbered) }), 'paymentNotices: must hold 1 to 5 notices'],
  ['a notice without amount', cart({ paymentNotices: [notice({ amount: undefined })] }), 'paymentNotices.0.amount'],
  ['an amount of 0 cents', cart({ paymentNotices: [notice({ amount: 0 })] }), 'paymentNotices.0.amount'],
  [
    'an amount in euro with decimals',
    cart({ paymentNotices: [notice({ amount: 100.99 })] }),
    'paymentNotices.0.amount: must be an integer number of euro cents',
  ],
  ['an amount as text', cart({ paymentNotices: [notice({ amount: '10099' })] }), 'paymentNotices.0.amount'],
  [
    'a notice number of 17 digits',
    cart({ paymentNotices: [notice({ noticeNumber: '00134000000000013' })] }),
    'paymentNotices.0.noticeNumber',
  ],
  ['a fiscal code of 12 digits', cart({ paymentNotices: [notice({ fiscalCode: '123456789012' })] }), 'paymentNotices.0.fiscalCode'],
  [
    'a companyName of 141 characters',
    cart({ paymentNotices: [notice({ companyName: 'x'.repeat(141) })] }),
    'paymentNotices.0.companyName: must be at most 140 characters',
  ],
  [
    'a description of 141 characters',
    cart({ paymentNotices: [notice({ description: 'é'.repeat(141) })] }),
    'paymentNotices.0.description: must be at most 140 characters',
  ],
  ['a notice without description', cart({ paymentNotices: [notice({ description: undefined })] }), 'paymentNotices.0.description'],
  ['no returnUrls', { paymentNotices: [notice()] }, 'returnUrls'],
  ['no returnErrorUrl', cart({ returnUrls: { ...RETURN_URLS, returnErrorUrl: undefined } }), 'returnUrls.returnErrorUrl'],
  [
    "a return URL without scheme (as in the spec's own example)",
    cart({ returnUrls: { ...RETURN_URLS, returnOkUrl: 'www.comune.di.prova.it/pagopa/success.html' } }),
    'returnUrls.returnOkUrl: must be an absolute http(s) URL',
  ],
  ['an emailNotice that is no address', cart({ emailNotice: 'mario.rossi' }), 'emailNotice'],
  ["allCCP as text (as in the spec's own example)", cart({ allCCP: 'false' }), 'allCCP'],
  ['idCart as a number', cart({ idCart: 12 }), 'idCart'],
  ['a JSON array', [cart()], 'expected object'],
];

/** Bodies the spec lets through that could never be paid, refused at once: [title, body, detail]. */
const STRICTER: [string, unknown, string][] = [
  [
    'a notice number of 18 letters (paForNode: 18 digits)',
    cart({ paymentNotices: [notice({ noticeNumber: 'ABCDEFGHIJKLMNOPQR' })] }),
    'paymentNotices.0.noticeNumber: must be exactly 18 digits',
  ],
  [
    'a fiscal code of 11 letters (paForNode: 11 digits)',
    cart({ paymentNotices: [notice({ fiscalCode: 'ABCDEFGHIJK' })] }),
    'paymentNotices.0.fiscalCode: must be exactly 11 digits',
  ],
  [
    'a javascript: return URL',
    cart({ returnUrls: { ...RETURN_URLS, returnCancelUrl: 'javascript:alert(1)' } }),
    'returnUrls.returnCancelUrl: must be an absolute http(s) URL',
  ],
  [
    'an ftp: return URL',
    cart({ returnUrls: { ...RETURN_URLS, returnErrorUrl: 'ftp://ente.example.it/x' } }),
    'returnUrls.returnErrorUrl: must be an absolute http(s) URL',
  ],
  [
    'more than pagoPA carries (999,999,999.99 euro)',
    cart({ paymentNotices: [notice({ amount: 100_000_000_000 })] }),
    'paymentNotices.0.amount',
  ],
  ['an idCart longer than paymentNote (210)', cart({ idCart: 'x'.repeat(211) }), 'idCart'],
  [
    'the same notice twice',
    cart({ paymentNotices: [notice(), notice()] }),
    `paymentNotices.1: notice ${SAMPLE.fiscalCode}/${SAMPLE.noticeNumber} is already in the cart`,
  ],
];

describe('Checkout API: POST /checkout/ec/v1/carts', () => {
  it('answers 302 with the Location of the cart page on the simulator, keeps the cart and logs the URL', async () => {
    const body = cart({ emailNotice: 'mario.rossi@example.it', idCart: 'CART-1', paymentNotices: [numbered(1), numbered(2)] });
    const r = await postCart(base, body);
    expect(r.status).toBe(302);
    expect(r.location).toMatch(new RegExp(`^${base}/checkout/c/[0-9a-f-]{36}$`));
    expect(r.body).toBe('');
    const id = r.location!.slice(r.location!.lastIndexOf('/') + 1);

    const c = await record(id);
    expect(c).toEqual({
      id,
      status: 'APERTO',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      url: r.location,
      idCart: 'CART-1',
      emailNotice: 'mario.rossi@example.it',
      allCCP: false,
      returnUrls: RETURN_URLS,
      notices: [
        { ...numbered(1), amount: 1000 },
        { ...numbered(2), amount: 2000 },
      ],
      totalAmount: 3000,
    });
    expect((await getJson(`${base}/api/carts`)).body.map((x: CartRecord) => x.id)).toEqual([id]);
    expect(logLines.map((l) => JSON.parse(l).msg)).toContain(`Checkout cart opened: ${r.location}`);
    // Opening a cart asks nothing of the station: Checkout's Nodo moves only when Paga is pressed.
    expect(station.requests).toEqual([]);
  });

  it.each(VALID)('accepts %s', async (_title, body) => {
    const r = await postCart(base, body);
    expect(r.status).toBe(302);
  });

  it.each([...INVALID, ...STRICTER])(
    'refuses %s with 400 ProblemJson naming the field, and opens no cart',
    async (_title, body, detail) => {
      const r = await postCart(base, body);
      expect({ status: r.status, contentType: r.contentType }).toEqual({ status: 400, contentType: 'application/json; charset=utf-8' });
      expect(r.body).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400, detail: expect.stringContaining(detail) });
      expect(r.body.detail).toMatch(/^invalid CartRequest: /);
      expect(r.location).toBeNull();
      expect((await getJson(`${base}/api/carts`)).body).toEqual([]);
    },
  );

  it('refuses a body that is not JSON, and malformed JSON, with ProblemJson', async () => {
    const form = await postCart(base, 'paymentNotices=1', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(400);
    expect(form.body).toMatchObject({ status: 400, detail: 'the body must be a CartRequest sent as Content-Type: application/json' });
    const broken = await postCart(base, '{"paymentNotices": [', 'application/json');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ status: 400, detail: expect.stringMatching(/^malformed JSON: /) });
    const big = await postCart(base, cart({ filler: 'x'.repeat(200_000) }));
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ status: 413, title: 'Payload Too Large' });
    expect((await getJson(`${base}/api/carts`)).body).toEqual([]);
  });

  it('keeps the carts newest first, each readable alone; an unknown id is 404; DELETE forgets them', async () => {
    const a = await open();
    const b = await open(cart({ paymentNotices: [numbered(3)] }));
    expect((await getJson(`${base}/api/carts`)).body.map((c: CartRecord) => c.id)).toEqual([b.id, a.id]);
    expect(sim.carts().map((c) => c.id)).toEqual([b.id, a.id]);
    expect(await getJson(`${base}/api/carts/nope`)).toEqual({ status: 404, body: { error: 'no cart with id nope' } });
    expect((await fetch(`${base}/api/carts`, { method: 'DELETE' })).status).toBe(204);
    expect((await getJson(`${base}/api/carts`)).body).toEqual([]);
  });
});

describeIf(CHECKOUT_SPEC_FILE, NO_CHECKOUT_SPEC)("Checkout API against pagoPA's checkout_v1.json", () => {
  const spec = CHECKOUT_SPEC_FILE ? checkoutSpec() : undefined;

  it.each(VALID)('the spec accepts %s too', (_title, body) => {
    expect(spec!.validate(CART_REQUEST, body)).toEqual([]);
  });

  it.each(INVALID)('the spec refuses %s too', (_title, body) => {
    expect(spec!.validate(CART_REQUEST, body)).not.toEqual([]);
  });

  it.each(STRICTER)('the spec lets %s through: the simulator is stricter on purpose', (_title, body) => {
    expect(spec!.validate(CART_REQUEST, body)).toEqual([]);
  });

  it('its replies are the documented ones: 302 with a Location, 400 with a ProblemJson', async () => {
    const ok = await postCart(base, cart());
    expect(spec!.check({ method: 'POST', path: '/checkout/ec/v1/carts', status: ok.status, body: ok.body })).toEqual({
      endpoint: 'POST /carts',
      matched: true,
      problems: [],
    });
    for (const [, body] of [...INVALID, ...STRICTER]) {
      const bad = await postCart(base, body);
      const verdict = spec!.check({
        method: 'POST',
        path: '/checkout/ec/v1/carts',
        status: bad.status,
        body: bad.body,
        contentType: bad.contentType!,
      });
      expect(verdict).toEqual({ endpoint: 'POST /carts', matched: true, problems: [] });
    }
  });
});

describe('Checkout page: Paga and Annulla as form posts', () => {
  it('Paga activates every notice of the cart before paying any, with the chosen PSP, then sends the browser to returnOkUrl', async () => {
    const c = await open(cart({ idCart: 'CART-42', paymentNotices: [numbered(1), numbered(2)] }));
    const r = await pressButton(c.url, { psp: 'SIMPSP02', azione: 'paga' });
    expect({ status: r.status, location: r.location }).toEqual({ status: 303, location: RETURN_URLS.returnOkUrl });

    expect(ops()).toEqual([
      'paVerifyPaymentNotice',
      'paGetPaymentV2',
      'paVerifyPaymentNotice',
      'paGetPaymentV2',
      'paSendRTV2',
      'paSendRTV2',
    ]);
    const activations = station.calls('paGetPaymentV2').map((x) => x.body);
    expect(activations[0]).toContain(
      '<noticeNumber>001340000000000101</noticeNumber></qrCode><amount>10.00</amount><paymentNote>CART-42</paymentNote>',
    );
    expect(activations[1]).toContain(
      '<noticeNumber>001340000000000102</noticeNumber></qrCode><amount>20.00</amount><paymentNote>CART-42</paymentNote>',
    );
    expect(activations[0]).not.toContain('transferType');
    const receipts = station.calls('paSendRTV2').map((x) => x.body);
    for (const receipt of receipts) {
      expect(receipt).toMatch(
        /<idPSP>SIMPSP02<\/idPSP><PSPCompanyName>Banca Simulata S\.p\.A\.<\/PSPCompanyName><idChannel>SIMPSP02_01<\/idChannel><channelDescription>Simulatore pagoPA<\/channelDescription><paymentMethod>BBT<\/paymentMethod><paymentNote>CART-42<\/paymentNote>/,
      );
    }
    // One fee for the whole cart, on the first notice's receipt.
    expect(receipts[0]).toContain('<fee>0.50</fee>');
    expect(receipts[1]).toContain('<fee>0.00</fee>');

    const after = await record(c.id);
    const paid = await payments();
    expect(after).toMatchObject({
      status: 'PAGATO',
      psp: { idPSP: 'SIMPSP02', PSPCompanyName: 'Banca Simulata S.p.A.', paymentMethod: 'BBT', fee: 50 },
      redirectedTo: RETURN_URLS.returnOkUrl,
      finishedAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(after.notices.map((n) => n.payment)).toEqual([
      { id: paid[1].id, status: 'ESEGUITO' },
      { id: paid[0].id, status: 'ESEGUITO' },
    ]);
    expect(after.notices.map((n) => n.failure)).toEqual([undefined, undefined]);
    expect(paid.map((p) => p.noticeNumber)).toEqual(['001340000000000102', '001340000000000101']);
  });

  it('with allCCP the activations ask transferType POSTAL', async () => {
    const c = await open(cart({ allCCP: true }));
    expect((await pressButton(c.url, { psp: 'SIMPSP01', azione: 'paga' })).status).toBe(303);
    expect(station.calls('paGetPaymentV2')[0].body).toContain('<transferType>POSTAL</transferType>');
  });

  it('when a notice fails no notice is paid: the browser goes to returnErrorUrl, the page and the record say which and why', async () => {
    station.reply = (req, i) =>
      req.action === 'paGetPaymentV2' && i === 3 ? { body: ko('paGetPaymentV2Response', 'PAA_PAGAMENTO_SCONOSCIUTO') } : undefined;
    const c = await open(cart({ paymentNotices: [numbered(1), numbered(2)] }));
    const r = await pressButton(c.url, { psp: 'SIMPSP01', azione: 'paga' });
    expect({ status: r.status, location: r.location }).toEqual({ status: 303, location: RETURN_URLS.returnErrorUrl });
    expect(ops()).toEqual(['paVerifyPaymentNotice', 'paGetPaymentV2', 'paVerifyPaymentNotice', 'paGetPaymentV2']);

    const after = await record(c.id);
    expect(after.status).toBe('ERRORE');
    expect(after.redirectedTo).toBe(RETURN_URLS.returnErrorUrl);
    expect(after.notices.map((n) => [n.payment?.status, n.failure])).toEqual([
      ['NON_ESEGUITO', "NON_ESEGUITO: not paid: the cart's notice 001340000000000102 failed"],
      [
        'ATTIVAZIONE_KO',
        'ATTIVAZIONE_KO: PPT_ERRORE_EMESSO_DA_PAA (PAA_PAGAMENTO_SCONOSCIUTO: PAA_PAGAMENTO_SCONOSCIUTO dalla stazione di prova)',
      ],
    ]);
    const page = await (await fetch(c.url)).text();
    expect(page).toContain('<h1>Pagamento non riuscito</h1>');
    expect(page).toContain('Non pagato<br><small>ATTIVAZIONE_KO: PPT_ERRORE_EMESSO_DA_PAA (PAA_PAGAMENTO_SCONOSCIUTO');
    expect(page).not.toContain('<form');
  });

  it('a PSP that declines pays nothing and sends the browser to returnErrorUrl', async () => {
    const c = await open();
    const r = await pressButton(c.url, { psp: 'SIMPSP03', azione: 'paga' });
    expect(r.location).toBe(RETURN_URLS.returnErrorUrl);
    expect(ops()).toEqual(['paVerifyPaymentNotice', 'paGetPaymentV2']);
    expect((await record(c.id)).notices[0].failure).toBe('NON_ESEGUITO: the PSP did not authorize the payment');
  });

  it('Annulla asks nothing of the station and sends the browser to returnCancelUrl', async () => {
    const c = await open();
    const r = await pressButton(c.url, { psp: 'SIMPSP01', azione: 'annulla' });
    expect({ status: r.status, location: r.location }).toEqual({ status: 303, location: RETURN_URLS.returnCancelUrl });
    expect(station.requests).toEqual([]);
    expect(await record(c.id)).toMatchObject({ status: 'ANNULLATO', redirectedTo: RETURN_URLS.returnCancelUrl });
    expect(await payments()).toEqual([]);
  });

  it('a cart paid or cancelled once cannot be paid again: 409, a clear page, no call to the station', async () => {
    const paid = await open();
    await pressButton(paid.url, { psp: 'SIMPSP01', azione: 'paga' });
    const calls = station.requests.length;
    for (const azione of ['paga', 'annulla']) {
      const again = await pressButton(paid.url, { psp: 'SIMPSP01', azione });
      expect(again.status).toBe(409);
      expect(again.body).toContain('Questo carrello è già stato pagato: non si può pagare di nuovo.');
      expect(again.body).not.toContain('<form');
    }
    expect(station.requests.length).toBe(calls);
    expect((await record(paid.id)).status).toBe('PAGATO');

    const cancelled = await open(cart({ paymentNotices: [numbered(7)] }));
    await pressButton(cancelled.url, { azione: 'annulla' });
    const late = await pressButton(cancelled.url, { psp: 'SIMPSP01', azione: 'paga' });
    expect(late.status).toBe(409);
    expect(late.body).toContain('Questo carrello è stato annullato: non si può più pagare.');
    expect(station.requests.length).toBe(calls);
    expect(await payments()).toHaveLength(1);
  });

  it('two presses of Paga at once pay once', async () => {
    station.reply = (req) => (req.action === 'paVerifyPaymentNotice' ? { body: verifyOk(euro(10099)), delayMs: 100 } : undefined);
    const c = await open();
    const [a, b] = await Promise.all([
      pressButton(c.url, { psp: 'SIMPSP01', azione: 'paga' }),
      pressButton(c.url, { psp: 'SIMPSP01', azione: 'paga' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    expect((a.status === 409 ? a : b).body).toContain('Il pagamento di questo carrello è già in corso');
    expect(ops()).toEqual(['paVerifyPaymentNotice', 'paGetPaymentV2', 'paSendRTV2']);
  });

  it('an unknown cart gets a 404 page, escaped; GET and both buttons alike', async () => {
    const url = `${base}/checkout/c/${encodeURIComponent('<b>nope</b>')}`;
    const get = await fetch(url);
    const text = await get.text();
    expect(get.status).toBe(404);
    expect(text).toContain('<h1>Carrello non trovato</h1>');
    expect(text).toContain('<code>&lt;b&gt;nope&lt;/b&gt;</code>');
    for (const azione of ['paga', 'annulla', '']) expect((await pressButton(url, { azione, psp: 'SIMPSP01' })).status).toBe(404);
    expect(station.requests).toEqual([]);
  });

  it('a post no button sends, or an unknown PSP, changes nothing: 400 page, the cart still open', async () => {
    const c = await open();
    const noButton = await pressButton(c.url, { psp: 'SIMPSP01' });
    expect(noButton.status).toBe(400);
    expect(noButton.body).toContain('Premi Paga o Annulla. Nulla è stato pagato.');
    const badPsp = await pressButton(c.url, { psp: 'NOPSP', azione: 'paga' });
    expect(badPsp.status).toBe(400);
    expect(badPsp.body).toContain('Il PSP scelto non è tra quelli offerti. Nulla è stato pagato.');
    expect(station.requests).toEqual([]);
    expect((await record(c.id)).status).toBe('APERTO');
    expect((await record(c.id)).psp).toBeUndefined();
  });

  it('the page lists the cart in euro with the Italian format and escapes what the Ente wrote', async () => {
    const c = await open(
      cart({
        emailNotice: 'mario.rossi@example.it',
        paymentNotices: [
          notice({ amount: 123456, companyName: 'Comune di "Prova" & C.', description: '<script>alert(1)</script>' }),
          numbered(1),
        ],
      }),
    );
    const res = await fetch(c.url);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(
      '<td>Comune di &quot;Prova&quot; &amp; C.<br><small>CF 12345678901</small></td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('<td class="num">1.234,56 €</td>');
    expect(html).toContain('<td class="num" id="totale">1.244,56 €</td>');
    expect(html).toContain('La ricevuta sarà inviata a <strong>mario.rossi@example.it</strong>');
    expect(html).toContain('<button type="submit" name="azione" value="paga">Paga</button>');
    expect(html).toContain('<button type="submit" name="azione" value="annulla" formnovalidate>Annulla</button>');
  });
});
