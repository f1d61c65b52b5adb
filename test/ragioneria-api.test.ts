import { Riconciliazione } from '../schema/entities';
import { basic, BO, call, GPADMIN } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { closeSimulators } from './helpers/simulator';
import { causaleFlusso, causaleSingola, DOMINIO, euro, Ragioneria, RV2, type Pagata } from './helpers/ragioneria';

/**
 * API Ragioneria v2 over real HTTP: scenarios S13 (a single payment's bank entry), S14 (a whole
 * flow's), S15 (every refusal with GovPay's code and text), the replay that answers 200 with the
 * first body, the flows and riscossioni lists with GovPay's paging, and who may call it.
 */
let t: TestHub;
let r: Ragioneria;
const admin = basic(GPADMIN);
const SCT = (n: string) => `SCT-${n}-${Date.now()}`;
const SINTASSI = { categoria: 'RICHIESTA', codice: 'SINTASSI', descrizione: 'Richiesta non valida' };

const post = (body: unknown, query = '') => r.call('POST', `${RV2}/riconciliazioni/${DOMINIO}${query}`, { body });
const riconciliazioni = () => t.hub.orm.em.fork().count(Riconciliazione, {});

beforeAll(async () => {
  t = await startHub({ TRACCIATI_WORKER: 'false' });
  r = new Ragioneria(t);
}, 60000);
afterAll(async () => {
  await closeSimulators();
  await t?.close();
});

describe('S13: the bank entry of one payment (/RFB/)', () => {
  let p: Pagata;
  let primo: { status: number; body: any };
  const sct = SCT('S13');

  beforeAll(async () => {
    p = await r.pagata();
    await r.flusso([p]);
    primo = await post({
      causale: causaleSingola(p),
      importo: euro(p.importoCents),
      sct,
      dataValuta: '2026-12-07',
      dataContabile: '2026-12-07',
    });
  });

  it('answers 201 with the riconciliazione and its riscossione, INCASSATA, with the voce and its pendenza', () => {
    expect(primo.status).toBe(201);
    expect(primo.body).toMatchObject({
      idDominio: DOMINIO,
      causale: causaleSingola(p),
      importo: 100.99,
      sct,
      dataValuta: '2026-12-07',
      dataContabile: '2026-12-07',
      riscossioni: [
        {
          dominio: { idDominio: DOMINIO, ragioneSociale: 'Ente Creditore Test' },
          iuv: p.iuv,
          iur: p.iur,
          indice: 1,
          stato: 'INCASSATA',
          tipo: 'ENTRATA',
          importo: 100.99,
          vocePendenza: {
            indice: 1,
            idVocePendenza: '1',
            importo: 100.99,
            pendenza: { idA2A: 'IDA2A01', idPendenza: p.idPendenza, idDominio: DOMINIO, idTipoPendenza: 'SEGRETERIA' },
          },
        },
      ],
    });
    expect(primo.body.idRiconciliazione).toEqual(expect.any(String));
    expect(primo.body.riscossioni[0].data).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(primo.body.riscossioni[0].vocePendenza.pendenza.dataCaricamento).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(primo.body).not.toHaveProperty('iuv');
  });

  it('the same request again answers 200 with the identical body, and records nothing new', async () => {
    const prima = await riconciliazioni();
    const again = await post({
      causale: causaleSingola(p),
      importo: euro(p.importoCents),
      sct,
      dataValuta: '2026-12-07',
      dataContabile: '2026-12-07',
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(primo.body);
    expect(await riconciliazioni()).toBe(prima);
  });

  it('GET /riconciliazioni/{idDominio}/{id} gives the same riconciliazione; riscossioni.tipo filters its riscossioni', async () => {
    const d = await r.call('GET', `${RV2}/riconciliazioni/${DOMINIO}/${primo.body.idRiconciliazione}`);
    expect(d.status).toBe(200);
    expect(d.body).toEqual(primo.body);
    const altri = await r.call(
      'GET',
      `${RV2}/riconciliazioni/${DOMINIO}/${primo.body.idRiconciliazione}?riscossioni.tipo=ALTRO_INTERMEDIARIO`,
    );
    expect(altri.body.riscossioni).toEqual([]);
    expect((await r.call('GET', `${RV2}/riconciliazioni/${DOMINIO}/NON-ESISTE`)).status).toBe(404);
  });

  it('the riscossione is INCASSATA and links its riconciliazione; its detail carries the receipt', async () => {
    const list = await r.call('GET', `${RV2}/riscossioni?idDominio=${DOMINIO}&iur=${encodeURIComponent(p.iur)}`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ numRisultati: 1, numPagine: 1, pagina: 1, risultati: [{ iuv: p.iuv, stato: 'INCASSATA' }] });
    expect(list.body.risultati[0].riconciliazione).toBe(`/riconciliazioni/${DOMINIO}/${primo.body.idRiconciliazione}`);
    const d = await r.call('GET', `${RV2}/riscossioni/${DOMINIO}/${p.iuv}/${encodeURIComponent(p.iur)}/1`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ iuv: p.iuv, iur: p.iur, indice: 1, stato: 'INCASSATA', rt: { creditorReferenceId: p.iuv } });
    expect((await r.call('GET', `${RV2}/riscossioni/${DOMINIO}/${p.iuv}/${encodeURIComponent(p.iur)}/2`)).status).toBe(404);
    expect((await r.call('GET', `${RV2}/riscossioni/${DOMINIO}/${p.iuv}/x/uno`)).body).toMatchObject(SINTASSI);
  });

  it('the causale is found anywhere in a long bank description', async () => {
    const q = await r.pagata();
    const causale = `BONIFICO SEPA DA BANCA TEST ${causaleSingola(q)}/TXT/DIRITTI DI SEGRETERIA RIF. 12345`;
    const res = await post({ causale, importo: euro(q.importoCents), sct: SCT('lunga') });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ causale, riscossioni: [{ iuv: q.iuv, stato: 'INCASSATA' }] });
  });
});

describe('S14: the bank entry of a whole flow (/PUR/LGPE-RIVERSAMENTO/URI/)', () => {
  it('201 with both riscossioni, then 200 with the identical body', async () => {
    const [a, b] = [await r.pagata(), await r.pagata()];
    const idFlusso = await r.flusso([a, b]);
    const body = { causale: causaleFlusso(idFlusso), importo: euro(a.importoCents + b.importoCents), sct: SCT('S14') };
    const first = await post(body);
    expect(first.status).toBe(201);
    expect(first.body.importo).toBe(201.98);
    expect(
      first.body.riscossioni.map((x: any) => [x.iuv, x.indice, x.stato, x.tipo, x.importo, x.vocePendenza.idVocePendenza]).sort(),
    ).toEqual(
      [
        [a.iuv, 1, 'INCASSATA', 'ENTRATA', 100.99, '1'],
        [b.iuv, 1, 'INCASSATA', 'ENTRATA', 100.99, '1'],
      ].sort(),
    );
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('idFlussoCaseInsensitive: an upper-cased causale finds the flow only when asked to', async () => {
    const a = await r.pagata();
    const idFlusso = await r.flusso([a], { idFlusso: `${new Date().toISOString().slice(0, 10)}bcititmm-ci${Date.now()}` });
    const body = { causale: causaleFlusso(idFlusso.toUpperCase()), importo: euro(a.importoCents), sct: SCT('CI') };
    const refused = await post(body, '?idFlussoCaseInsensitive=false');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      categoria: 'RICHIESTA',
      codice: '021405',
      descrizione: 'Flusso rendicontazione non trovato.',
      dettaglio: `L'identificativo ${idFlusso.toUpperCase()} estratto dalla causale di incasso non identifica alcun flusso di rendicontazione`,
    });
    // GovPay reads booleans leniently: TRUE is true.
    const ok = await post(body, '?idFlussoCaseInsensitive=TRUE');
    expect(ok.status).toBe(201);
    expect(ok.body.riscossioni).toHaveLength(1);
  });
});

describe('S15: refusals, each with GovPay code and text, and nothing recorded', () => {
  let p: Pagata;
  beforeAll(async () => {
    p = await r.pagata();
    await r.flusso([p]);
  });

  const unprocessable: [string, () => Record<string, unknown>, string, string, string?][] = [
    ['an amount off by one cent', () => ({ causale: causaleSingola(p), importo: euro(p.importoCents - 1) }), '021407', 'Importo errato.'],
    ['an amount as a numeric string ("1000")', () => ({ causale: causaleSingola(p), importo: '1000' }), '021407', 'Importo errato.'],
    [
      'a causale of no AgID format',
      () => ({ causale: '/XXX/000000000000000', importo: 10 }),
      '021401',
      "Il formato della causale non e' conforme alle specifiche AgID.",
    ],
    ['an unknown IUV (/RFB/)', () => ({ causale: '/RFB/999999999999999', importo: 10 }), '021402', 'Pagamento non trovato.'],
    ['an unknown RF IUV (/RFS/)', () => ({ causale: '/RFS/RF000000000000000', importo: 10 }), '021402', 'Pagamento non trovato.'],
    [
      '/PUR/LGPE/RIVERSAMENTO/ (slash for dash)',
      () => ({ causale: '/PUR/LGPE/RIVERSAMENTO/XXXXXXXXXXX', importo: 10 }),
      '021401',
      "Il formato della causale non e' conforme alle specifiche AgID.",
    ],
    [
      'an unknown flow',
      () => ({ causale: causaleFlusso('2026-01-01NESSUNO-0'), importo: 10 }),
      '021405',
      'Flusso rendicontazione non trovato.',
    ],
  ];
  for (const [what, body, codice, descrizione] of unprocessable) {
    it(`${what}: 422 ${codice}`, async () => {
      const prima = await riconciliazioni();
      const res = await post({ ...body(), sct: SCT(codice) });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 422, body: { categoria: 'RICHIESTA', codice, descrizione } });
      expect(res.body.dettaglio).toEqual(expect.any(String));
      expect(await riconciliazioni()).toBe(prima);
    });
  }

  it('an unknown dominio in the path: 422 021410', async () => {
    const res = await r.call('POST', `${RV2}/riconciliazioni/00000000000`, {
      body: { causale: causaleSingola(p), importo: 100.99, sct: SCT('dom') },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ categoria: 'RICHIESTA', codice: '021410', descrizione: 'Dominio inesistente.' });
  });

  it('a payment already collected by another bank entry: 422 021406', async () => {
    const q = await r.pagata();
    expect((await post({ causale: causaleSingola(q), importo: euro(q.importoCents), sct: SCT('primo') })).status).toBe(201);
    const res = await post({ causale: causaleSingola(q), importo: euro(q.importoCents), sct: SCT('secondo') });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ codice: '021406', descrizione: 'Pagamento gia incassato.' });
  });

  const syntax: [string, unknown, string][] = [
    ['importo null', { causale: '/RFB/1/1', importo: null, sct: 'S' }, 'importo'],
    ['importo ""', { causale: '/RFB/1/1', importo: '', sct: 'S' }, 'importo'],
    ['importo "aaaa"', { causale: '/RFB/1/1', importo: 'aaaa', sct: 'S' }, 'importo'],
    ['importo "10,01"', { causale: '/RFB/1/1', importo: '10,01', sct: 'S' }, 'importo'],
    ['importo 10.001', { causale: '/RFB/1/1', importo: 10.001, sct: 'S' }, 'importo'],
    ['no causale, iuv nor idFlusso', { importo: 10, sct: 'S' }, 'causale, iuv o idFlusso'],
    ['causale null', { causale: null, importo: 10, sct: 'S' }, 'causale'],
    ['no sct', { causale: '/RFB/1/1', importo: 10 }, 'sct'],
    ['sct a number', { causale: '/RFB/1/1', importo: 10, sct: 5 }, 'sct'],
    ['causale over 512 characters', { causale: 'x'.repeat(513), importo: 10, sct: 'S' }, 'causale'],
    ['dataValuta not a date', { causale: '/RFB/1/1', importo: 10, sct: 'S', dataValuta: '07/12/2026' }, 'dataValuta'],
    ['a list instead of an object', [{ causale: '/RFB/1/1' }], 'oggetto JSON'],
  ];
  for (const [what, body, field] of syntax) {
    it(`${what}: 400 SINTASSI naming ${field}`, async () => {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject(SINTASSI);
      expect(res.body.dettaglio).toContain(field);
    });
  }

  it('malformed JSON: 400 SINTASSI; a body over the limit: 413; an idDominio not of 11 digits: 400', async () => {
    const bad = await r.call('POST', `${RV2}/riconciliazioni/${DOMINIO}`, {
      rawBody: '{"causale": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject(SINTASSI);
    const big = await post({ causale: 'x'.repeat(2_000_000), importo: 1, sct: 'S' });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ categoria: 'RICHIESTA', codice: 'SINTASSI' });
    const dominio = await r.call('POST', `${RV2}/riconciliazioni/123`, { body: { causale: '/RFB/1/1', importo: 1, sct: 'S' } });
    expect(dominio.status).toBe(400);
    expect(dominio.body.dettaglio).toContain('idDominio');
  });

  it('20 identical requests at once: one riconciliazione, every answer the same body (one 201, the others 200)', async () => {
    const q = await r.pagata();
    const body = { causale: causaleSingola(q), importo: euro(q.importoCents), sct: SCT('conc') };
    const prima = await riconciliazioni();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(body)));
    expect(answers.map((a) => a.status).sort((x, y) => y - x)).toEqual([201, ...Array(19).fill(200)]);
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
    expect(await riconciliazioni()).toBe(prima + 1);
  });
});

describe('flows: lists, details, revisions, XML', () => {
  let p: Pagata;
  let idFlusso: string;
  beforeAll(async () => {
    p = await r.pagata();
    idFlusso = await r.flusso([p], { dataOraFlusso: new Date('2026-12-01T09:00:00.000Z') });
  });

  it('lists the flow with its index fields; filters by idFlusso, iuv and stato', async () => {
    const list = await r.call('GET', `${RV2}/flussiRendicontazione?idFlusso=${idFlusso}`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      numRisultati: 1,
      numPagine: 1,
      risultatiPerPagina: 25,
      pagina: 1,
      risultati: [
        {
          idFlusso,
          idDominio: DOMINIO,
          idPsp: 'BCITITMM',
          numeroPagamenti: 1,
          importoTotale: 100.99,
          stato: 'Acquisito',
          revisione: expect.any(Number),
        },
      ],
    });
    expect(list.body.risultati[0].dataFlusso).toBe('2026-12-01T10:00:00.000');
    expect((await r.call('GET', `${RV2}/flussiRendicontazione?iuv=${p.iuv}`)).body.risultati.map((f: any) => f.idFlusso)).toContain(
      idFlusso,
    );
    expect((await r.call('GET', `${RV2}/flussiRendicontazione?idFlusso=${idFlusso}&stato=Anomalo`)).body.numRisultati).toBe(0);
    expect((await r.call('GET', `${RV2}/flussiRendicontazione?stato=Sconosciuto`)).body).toMatchObject(SINTASSI);
  });

  it('the detail by idDominio/idFlusso, by idFlusso, and by dataOraFlusso, with its lines', async () => {
    const d = await r.call('GET', `${RV2}/flussiRendicontazione/${DOMINIO}/${idFlusso}`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ idFlusso, rendicontazioni: [{ iuv: p.iuv, iur: p.iur, indice: 1, importo: 100.99, esito: 0 }] });
    expect((await r.call('GET', `${RV2}/flussiRendicontazione/${idFlusso}`)).body).toEqual(d.body);
    const byDate = await r.call('GET', `${RV2}/flussiRendicontazione/${DOMINIO}/${idFlusso}/2026-12-01T10:00:00.000`);
    expect(byDate.status).toBe(200);
    expect(byDate.body.idFlusso).toBe(idFlusso);
    expect((await r.call('GET', `${RV2}/flussiRendicontazione/${idFlusso}/2026-12-01T10:00:00.000`)).body.idFlusso).toBe(idFlusso);
    expect((await r.call('GET', `${RV2}/flussiRendicontazione/${DOMINIO}/${idFlusso}/2020-01-01T00:00:00.000`)).status).toBe(404);
    expect((await r.call('GET', `${RV2}/flussiRendicontazione/${DOMINIO}/NON-ESISTE`)).status).toBe(404);
    expect((await r.call('GET', `${RV2}/flussiRendicontazione/${DOMINIO}/${idFlusso}/ieri`)).body).toMatchObject(SINTASSI);
  });

  it('Accept: application/xml gives the flow as acquired', async () => {
    const x = await r.call('GET', `${RV2}/flussiRendicontazione/${DOMINIO}/${idFlusso}`, { headers: { accept: 'application/xml' } });
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(x.body).toContain(`<identificativoFlusso>${idFlusso}</identificativoFlusso>`);
  });
});

describe("paging, filters and ordering in GovPay's Lista", () => {
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const p = await r.pagata();
      expect((await post({ causale: causaleSingola(p), importo: euro(p.importoCents), sct: SCT(`pag${i}`) })).status).toBe(201);
    }
  });

  it('pages riconciliazioni: numPagine, prossimiRisultati, the last page without it', async () => {
    const all = await r.call('GET', `${RV2}/riconciliazioni?idDominio=${DOMINIO}`);
    const n = all.body.numRisultati as number;
    expect(n).toBeGreaterThanOrEqual(3);
    const first = await r.call('GET', `${RV2}/riconciliazioni?idDominio=${DOMINIO}&risultatiPerPagina=2&ordinamento=-data`);
    expect(first.body).toMatchObject({ numRisultati: n, numPagine: Math.ceil(n / 2), risultatiPerPagina: 2, pagina: 1 });
    expect(first.body.risultati).toHaveLength(2);
    expect(first.body.prossimiRisultati).toBe(
      `${RV2}/riconciliazioni?idDominio=${DOMINIO}&risultatiPerPagina=2&ordinamento=-data&pagina=2`,
    );
    const last = await r.call('GET', `${RV2}/riconciliazioni?idDominio=${DOMINIO}&risultatiPerPagina=2&pagina=${Math.ceil(n / 2)}`);
    expect(last.body).not.toHaveProperty('prossimiRisultati');
    const second = await r.call('GET', first.body.prossimiRisultati);
    expect(second.body.risultati[0].idRiconciliazione).not.toBe(first.body.risultati[0].idRiconciliazione);
  });

  it('metadatiPaginazione=false omits the counts; risultatiPerPagina=0 only counts', async () => {
    const noCount = await r.call('GET', `${RV2}/riscossioni?metadatiPaginazione=false&risultatiPerPagina=1`);
    expect(noCount.body).not.toHaveProperty('numRisultati');
    expect(noCount.body.prossimiRisultati).toEqual(expect.any(String));
    const count = await r.call('GET', `${RV2}/riscossioni?risultatiPerPagina=0`);
    expect(count.body).toMatchObject({ risultatiPerPagina: 0, risultati: [] });
    expect(count.body.numRisultati).toBeGreaterThanOrEqual(3);
  });

  it('filters riscossioni by tipo (repeated or comma-separated) and dates; refuses unknown values', async () => {
    const entrate = await r.call('GET', `${RV2}/riscossioni?tipo=ENTRATA&tipo=MBT`);
    expect(entrate.body.numRisultati).toBeGreaterThan(0);
    expect((await r.call('GET', `${RV2}/riscossioni?tipo=ENTRATA,MBT`)).body.numRisultati).toBe(entrate.body.numRisultati);
    expect((await r.call('GET', `${RV2}/riscossioni?tipo=ALTRO_INTERMEDIARIO`)).body.numRisultati).toBe(0);
    expect((await r.call('GET', `${RV2}/riscossioni?dataDa=2999-01-01`)).body.numRisultati).toBe(0);
    expect((await r.call('GET', `${RV2}/riscossioni?dataA=2000-01-01T00:00`)).body.numRisultati).toBe(0);
    expect((await r.call('GET', `${RV2}/riscossioni?tipo=NESSUNO`)).body).toMatchObject(SINTASSI);
    expect((await r.call('GET', `${RV2}/riscossioni?dataDa=ieri`)).body).toMatchObject(SINTASSI);
    expect((await r.call('GET', `${RV2}/riscossioni?ordinamento=+colore`)).body).toMatchObject(SINTASSI);
    expect((await r.call('GET', `${RV2}/riscossioni?risultatiPerPagina=101`)).body).toMatchObject(SINTASSI);
  });
});

describe('who may call API Ragioneria', () => {
  it('an applicazione without apiRagioneria, an operatore, no credentials: 403, 403, 401', async () => {
    const app = {
      principal: 'noragioneria',
      password: 'Password1!',
      apiPendenze: true,
      apiRagioneria: false,
      domini: ['*'],
      tipiPendenza: ['*'],
    };
    const acl = [{ servizio: 'Rendicontazioni e Incassi', autorizzazioni: ['R', 'W'] }];
    expect((await call(t.baseUrl, 'PUT', `${BO}/applicazioni/NORAGIONERIA`, { auth: admin, body: { ...app, acl } })).status).toBe(201);
    const no = await r.call('GET', `${RV2}/riconciliazioni`, { auth: basic({ user: 'noragioneria', password: 'Password1!' }) });
    expect(no.status).toBe(403);
    expect(no.body).toMatchObject({ categoria: 'AUTORIZZAZIONE', codice: '403000', descrizione: 'Operazione non autorizzata' });
    expect(no.body.dettaglio).toContain('API Ragioneria');
    expect((await r.call('GET', `${RV2}/riconciliazioni`, { auth: admin })).status).toBe(403);
    expect((await r.call('GET', `${RV2}/riconciliazioni`, { auth: null })).status).toBe(401);
    expect((await r.call('GET', '/govpay/backend/api/ragioneria/rs/nessuna/v2/riconciliazioni')).status).toBe(404);
  });

  it('an applicazione with apiRagioneria but only read rights cannot post; one without the dominio sees nothing of it', async () => {
    const base = { password: 'Password1!', apiRagioneria: true, tipiPendenza: ['*'] };
    const lettura = [{ servizio: 'Rendicontazioni e Incassi', autorizzazioni: ['R'] }];
    await r.altroDominio();
    expect(
      (
        await call(t.baseUrl, 'PUT', `${BO}/applicazioni/SOLOLETTURA`, {
          auth: admin,
          body: { ...base, principal: 'sololettura', domini: [DOMINIO], acl: lettura },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(t.baseUrl, 'PUT', `${BO}/applicazioni/ALTRODOM`, {
          auth: admin,
          body: { ...base, principal: 'altrodom', domini: ['01234567890'], acl: lettura },
        })
      ).status,
    ).toBe(201);
    const sololettura = basic({ user: 'sololettura', password: 'Password1!' });
    const res = await r.call('POST', `${RV2}/riconciliazioni/${DOMINIO}`, {
      auth: sololettura,
      body: { causale: '/RFB/000000000000001/1.00', importo: 1, sct: 'S' },
    });
    expect(res.status).toBe(403);
    expect((await r.call('GET', `${RV2}/riconciliazioni`, { auth: sololettura })).status).toBe(200);
    const altro = basic({ user: 'altrodom', password: 'Password1!' });
    const visti = await r.call('GET', `${RV2}/riconciliazioni?idDominio=${DOMINIO}`, { auth: altro });
    expect(visti.status === 403 || visti.body.numRisultati === 0).toBe(true);
    expect((await r.call('GET', `${RV2}/riscossioni`, { auth: altro })).body.numRisultati ?? 0).toBe(0);
  });

  it('GET /profilo names the caller and its rights in words', async () => {
    const res = await r.call('GET', `${RV2}/profilo`);
    expect(res.status).toBe(200);
    expect(res.body.nome).toBe('IDA2A01');
    expect(res.body.acl).toEqual(
      expect.arrayContaining([{ servizio: 'Rendicontazioni e Incassi', autorizzazioni: ['Lettura', 'Scrittura'] }]),
    );
  });
});
