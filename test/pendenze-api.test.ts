import { basic, BO, call, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { readPdf } from './helpers/pdf';

/** API Pendenze v2 as a verticale uses it (scenarios S1, S4–S7 of GovPay's behaviour notes). */
let t: TestHub;
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const app = basic(IDA2A01);
const put = (id: string, body: unknown, idA2A = 'IDA2A01') => call(t.baseUrl, 'PUT', `${PV2}/pendenze/${idA2A}/${id}`, { auth: app, body });
const get = (path: string) => call(t.baseUrl, 'GET', `${PV2}${path}`, { auth: app });
const patch = (id: string, body: unknown) => call(t.baseUrl, 'PATCH', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app, body });

const pendenza = nuovaPendenza;

const RICHIESTA = { categoria: 'RICHIESTA', descrizione: 'Richiesta non valida' };
let seq = 0;
const newId = () => `T${Date.now()}${++seq}`;

/** The mod-93 check digits of a numero avviso, computed independently of the hub. */
function withCheckDigits(first16: string): string {
  return `${first16}${String(BigInt(first16) % 93n).padStart(2, '0')}`;
}

beforeAll(async () => {
  t = await startHub();
});
afterAll(() => t.close());

describe('S1 create, read', () => {
  it('creates a pendenza with a generated numero avviso and reads it back', async () => {
    const id = newId();
    const r = await put(id, pendenza(id));
    expect(r.status).toBe(201);
    expect(Object.keys(r.body).sort()).toEqual(['UUID', 'idDominio', 'numeroAvviso']);
    expect(r.body.idDominio).toBe('12345678901');
    expect(r.body.numeroAvviso).toMatch(/^00134\d{13}$/);
    expect(r.body.numeroAvviso).toBe(withCheckDigits(r.body.numeroAvviso.slice(0, 16)));

    const g = await get(`/pendenze/IDA2A01/${id}`);
    expect(g.status).toBe(200);
    expect(g.body).toMatchObject({
      idA2A: 'IDA2A01',
      idPendenza: id,
      idTipoPendenza: 'SEGRETERIA',
      dominio: { idDominio: '12345678901', ragioneSociale: 'Ente Creditore Test' },
      stato: 'NON_ESEGUITA',
      numeroAvviso: r.body.numeroAvviso,
      iuvAvviso: r.body.numeroAvviso.slice(3),
      importo: 100.99,
      causale: `Pagamento dovuto n.${id}`,
      dataValidita: '2900-12-31',
      dataScadenza: '2999-12-31',
      tipo: 'dovuto',
      UUID: r.body.UUID,
      rpp: [],
      voci: [{ indice: 1, idVocePendenza: '1', importo: 100.99, stato: 'Non eseguito', codEntrata: 'SEGRETERIA', descrizione: 'Diritti e segreteria' }],
    });
    expect(g.body.dataCaricamento).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives distinct numeri avviso to concurrent creations', async () => {
    const ids = Array.from({ length: 15 }, newId);
    const replies = await Promise.all(ids.map((id) => put(id, pendenza(id))));
    expect(replies.map((r) => r.status)).toEqual(ids.map(() => 201));
    expect(new Set(replies.map((r) => r.body.numeroAvviso)).size).toBe(15);
  });

  it('keeps an inline IBAN voce and a multi-voce total to the cent', async () => {
    const id = newId();
    const voci = [
      { idVocePendenza: 'a', importo: 0.1, descrizione: 'uno', ibanAccredito: 'IT02L1234512345123451111111', tipoContabilita: 'ALTRO', codiceContabilita: 'XXXXX' },
      { idVocePendenza: 'b', importo: 0.2, descrizione: 'due', codEntrata: 'LIBERO' },
    ];
    expect((await put(id, pendenza(id, { importo: 0.3, voci }))).status).toBe(201);
    const g = await get(`/pendenze/IDA2A01/${id}`);
    expect(g.body.importo).toBe(0.3);
    expect(g.body.voci[0]).toMatchObject({ indice: 1, ibanAccredito: 'IT02L1234512345123451111111', tipoContabilita: 'ALTRO', codiceContabilita: 'XXXXX', importo: 0.1 });
    expect(g.body.voci[1]).toMatchObject({ indice: 2, codEntrata: 'LIBERO', importo: 0.2 });
  });

  it('reads by avviso and as an Avviso with its QR code text', async () => {
    const id = newId();
    const { numeroAvviso } = (await put(id, pendenza(id, { importo: 5, voci: [{ idVocePendenza: '1', importo: 5, descrizione: 'x', codEntrata: 'SEGRETERIA' }] }))).body;
    expect((await get(`/pendenze/byAvviso/12345678901/${numeroAvviso}`)).body.idPendenza).toBe(id);
    const a = await get(`/avvisi/12345678901/${numeroAvviso}`);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ stato: 'NON_ESEGUITA', importo: 5, idDominio: '12345678901', numeroAvviso, qrcode: `PAGOPA|002|${numeroAvviso}|12345678901|0500` });
    expect(a.body.barcode).toBe(`41580888880000008020${numeroAvviso}39020500`);
  });
});

describe('S4 upsert and S6 annullamento', () => {
  it('answers 201 then 200, applies allowed changes, refuses an IBAN change (VER_023)', async () => {
    const id = newId();
    const body = pendenza(id);
    const first = await put(id, body);
    expect(first.status).toBe(201);
    const second = await put(id, body);
    expect(second.status).toBe(200);
    expect(second.body.numeroAvviso).toBe(first.body.numeroAvviso);

    const { dataScadenza: _drop, ...rest } = body;
    const changed = { ...rest, causale: 'Nuova causale', importo: 110.99, voci: [...body.voci, { idVocePendenza: '2', importo: 10, descrizione: 'extra', codEntrata: 'LIBERO' }] };
    expect((await put(id, changed)).status).toBe(200);
    const g = await get(`/pendenze/IDA2A01/${id}`);
    expect(g.body.causale).toBe('Nuova causale');
    expect(g.body.dataScadenza).toBeUndefined();
    expect(g.body.voci).toHaveLength(2);

    const iban = await put(id, { ...changed, voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', codEntrata: 'BOLLOT' }, changed.voci[1]] });
    expect(iban.status).toBe(422);
    expect(iban.body).toEqual({ ...RICHIESTA, codice: 'VER_023', dettaglio: `La pendenza (IdA2A:IDA2A01, Id:${id}) ha la voce (1) con un iban di accredito diverso dall'originale.` });
    expect((await get(`/pendenze/IDA2A01/${id}`)).body.voci[0].codEntrata).toBe('SEGRETERIA');
  });

  it('cancels with PATCH and restores with PUT', async () => {
    const id = newId();
    await put(id, pendenza(id));
    const before = (await get(`/pendenze/IDA2A01/${id}`)).body;
    const p = await patch(id, [
      { op: 'REPLACE', path: '/stato', value: 'ANNULLATA' },
      { op: 'REPLACE', path: '/descrizioneStato', value: 'Test annullamento' },
    ]);
    expect(p.status).toBe(200);
    const after = (await get(`/pendenze/IDA2A01/${id}`)).body;
    expect(after).toEqual({ ...before, stato: 'ANNULLATA', descrizioneStato: 'Test annullamento' });
    expect((await get(`/avvisi/12345678901/${before.numeroAvviso}`)).body.stato).toBe('ANNULLATA');
    expect((await put(id, pendenza(id))).status).toBe(200);
    expect((await get(`/pendenze/IDA2A01/${id}`)).body.stato).toBe('NON_ESEGUITA');
  });

  it('refuses a malformed patch and leaves the pendenza as it was', async () => {
    const id = newId();
    await put(id, pendenza(id));
    expect((await patch(id, { op: 'REPLACE' })).status).toBe(400);
    expect((await patch(id, [{ op: 'REPLACE', path: '/causale', value: 'x' }])).status).toBe(400);
    expect((await patch(id, [{ op: 'REPLACE', path: '/stato', value: 'ESEGUITA' }])).status).toBe(400);
    expect((await get(`/pendenze/IDA2A01/${id}`)).body.stato).toBe('NON_ESEGUITA');
  });

  it('keeps one pendenza and all its voci when the same PUT races itself', async () => {
    const id = newId();
    const body = pendenza(id, {
      importo: 3,
      voci: [1, 2, 3].map((n) => ({ idVocePendenza: String(n), importo: 1, descrizione: `v${n}`, codEntrata: 'SEGRETERIA' })),
    });
    const replies = await Promise.all(Array.from({ length: 8 }, () => put(id, body)));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(7);
    expect(new Set(replies.map((r) => r.body.numeroAvviso)).size).toBe(1);
    const g = await get(`/pendenze/IDA2A01/${id}`);
    expect(g.body.voci.map((v: any) => v.idVocePendenza)).toEqual(['1', '2', '3']);
    const list = await get(`/pendenze?idPendenza=${id}`);
    expect(list.body.numRisultati).toBe(1);
  });
});

describe('S5 syntax errors', () => {
  const cases: Array<[string, (b: any) => unknown, string]> = [
    ['causale empty', (b) => ({ ...b, causale: '' }), 'causale'],
    ['causale too long', (b) => ({ ...b, causale: 'x'.repeat(141) }), 'causale'],
    ['causale null', (b) => ({ ...b, causale: null }), 'causale'],
    ['numeroAvviso non numeric', (b) => ({ ...b, numeroAvviso: 'ABC000000000000000' }), 'numeroAvviso'],
    ['dataValidita impossible', (b) => ({ ...b, dataValidita: '2030-19-40' }), 'dataValidita'],
    ['annoRiferimento text', (b) => ({ ...b, annoRiferimento: 'aaaa' }), 'annoRiferimento'],
    ['tassonomiaAvviso unknown', (b) => ({ ...b, tassonomiaAvviso: 'xxxx' }), 'tassonomiaAvviso'],
    ['identificativo 17 chars', (b) => ({ ...b, soggettoPagatore: { ...b.soggettoPagatore, identificativo: '12345678901234567' } }), 'soggettoPagatore.identificativo'],
    ['nazione', (b) => ({ ...b, soggettoPagatore: { ...b.soggettoPagatore, nazione: 'aaa' } }), 'soggettoPagatore.nazione'],
    ['email', (b) => ({ ...b, soggettoPagatore: { ...b.soggettoPagatore, email: 'verdi@giuseppe@email' } }), 'soggettoPagatore.email'],
    ['cellulare', (b) => ({ ...b, soggettoPagatore: { ...b.soggettoPagatore, cellulare: '+390000000000' } }), 'soggettoPagatore.cellulare'],
    ['importo null', (b) => ({ ...b, importo: null }), 'importo'],
    ['importo with 3 decimals', (b) => ({ ...b, importo: 10.001 }), 'importo'],
    ['importo as text', (b) => ({ ...b, importo: '10,00' }), 'importo'],
    ['importo over the maximum', (b) => ({ ...b, importo: 1000000000.0 }), 'importo'],
    ['voci null', (b) => ({ ...b, voci: null }), 'voci'],
    ['6 voci', (b) => ({ ...b, voci: Array.from({ length: 6 }, (_, i) => ({ ...b.voci[0], idVocePendenza: String(i) })) }), 'voci'],
    ['voce importo 3 decimals', (b) => ({ ...b, voci: [{ ...b.voci[0], importo: 1.001 }] }), 'voci.0.importo'],
    ['voce descrizione too long', (b) => ({ ...b, voci: [{ ...b.voci[0], descrizione: 'x'.repeat(141) }] }), 'voci.0.descrizione'],
    ['codEntrata null', (b) => ({ ...b, voci: [{ ...b.voci[0], codEntrata: null }] }), 'voci.0.codEntrata'],
    ['inline ibanAccredito null', (b) => ({ ...b, voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', ibanAccredito: null, tipoContabilita: 'ALTRO', codiceContabilita: 'XXXX' }] }), 'voci.0.ibanAccredito'],
    ['tipoContabilita unknown', (b) => ({ ...b, voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', ibanAccredito: 'IT02L1234512345123451111111', tipoContabilita: 'xxx', codiceContabilita: 'XXXX' }] }), 'voci.0.tipoContabilita'],
    ['codiceContabilita with a space', (b) => ({ ...b, voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', ibanAccredito: 'IT02L1234512345123451111111', tipoContabilita: 'ALTRO', codiceContabilita: 'XXX X' }] }), 'voci.0.codiceContabilita'],
    ['tipoBollo unknown', (b) => ({ ...b, voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', tipoBollo: 'xxx', hashDocumento: 'abc', provinciaResidenza: 'RM' }] }), 'voci.0.tipoBollo'],
    ['provinciaResidenza', (b) => ({ ...b, voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', tipoBollo: '01', hashDocumento: 'abc', provinciaResidenza: 'xxx' }] }), 'voci.0.provinciaResidenza'],
    ['descrizioneCausaleRPT empty', (b) => ({ ...b, voci: [{ ...b.voci[0], descrizioneCausaleRPT: '' }] }), 'voci.0.descrizioneCausaleRPT'],
    ['empty object', () => ({}), 'idTipoPendenza'],
  ];

  it.each(cases)('answers 400 SINTASSI naming the field: %s', async (_name, mutate, field) => {
    const id = newId();
    const r = await put(id, mutate(pendenza(id)));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ...RICHIESTA, codice: 'SINTASSI' });
    expect(r.body.dettaglio).toContain(field);
    expect((await get(`/pendenze/IDA2A01/${id}`)).status).toBe(404);
  });

  it.each([
    ['an empty body with a JSON content type', ''],
    ['a body that is not JSON', 'importo=10'],
  ])('answers 400 SINTASSI to %s', async (_name, raw) => {
    const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${newId()}`, { auth: app, rawBody: raw, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ codice: 'SINTASSI' });
  });
});

describe('S7 semantic errors', () => {
  beforeAll(async () => {
    const admin = (path: string, body: unknown) => call(t.baseUrl, 'PUT', `${BO}${path}`, { body });
    await admin('/domini/12345678901/unitaOperative/UO_OFF', { ragioneSociale: 'Chiusa', abilitato: false });
    await admin('/domini/12345678901/contiAccredito/IT02L1234512345123459999999', { abilitato: false });
    await admin('/entrate/SPENTA', { descrizione: 'Spenta', tipoContabilita: 'ALTRO', codiceContabilita: '123' });
    await admin('/domini/12345678901/entrate/SPENTA', { ibanAccredito: 'IT02L1234512345123451111111', abilitato: false });
    await admin('/domini/98765432109', { ragioneSociale: 'Spento', gln: '8088888000099', stazione: '11111111113_01', abilitato: false, scaricaFr: true });
  });

  const single = (v: Record<string, unknown>) => [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', ...v }];
  const cases: Array<[string, (id: string) => unknown, number, string, (id: string) => string]> = [
    ['unknown dominio', (id) => pendenza(id, { idDominio: '00000000000' }), 422, 'DOM_000', () => 'Dominio (00000000000) inesistente'],
    ['disabled dominio', (id) => pendenza(id, { idDominio: '98765432109' }), 422, 'DOM_001', () => 'Dominio (98765432109) disabilitato'],
    ['unknown unità operativa', (id) => pendenza(id, { idUnitaOperativa: '00000000000_00' }), 422, 'UOP_000', () => "Unita' operativa (00000000000_00) del dominio (12345678901) inesistente"],
    ['disabled unità operativa', (id) => pendenza(id, { idUnitaOperativa: 'UO_OFF' }), 422, 'UOP_001', () => "Unita' operativa (UO_OFF) del dominio (12345678901) disabilitata"],
    ['unknown entrata', (id) => pendenza(id, { voci: single({ codEntrata: 'XXX' }) }), 422, 'TRB_000', () => 'Tributo (XXX) inesistente per il dominio (12345678901)'],
    ['disabled entrata', (id) => pendenza(id, { voci: single({ codEntrata: 'SPENTA' }) }), 422, 'TRB_001', () => 'Tributo (SPENTA) disabilitato per il dominio (12345678901)'],
    ['duplicate idVocePendenza', (id) => pendenza(id, { importo: 2, voci: [{ idVocePendenza: 'A', importo: 1, descrizione: 'x', codEntrata: 'SEGRETERIA' }, { idVocePendenza: 'A', importo: 1, descrizione: 'y', codEntrata: 'SEGRETERIA' }] }), 422, 'VER_001', (id) => `La pendenza (IdA2A:IDA2A01, Id:${id}) presenta il codSingoloVersamentoEnte (A) piu' di una volta`],
    ['total not the sum of voci', (id) => pendenza(id, { importo: 100.98 }), 422, 'VER_002', (id) => `La pendenza (IdA2A:IDA2A01, Id:${id}) ha un importo totale (100.98) diverso dalla somma dei singoli importi (100.99)`],
    ['unknown IBAN', (id) => pendenza(id, { voci: single({ ibanAccredito: 'IT02L1234512345123450000000', tipoContabilita: 'ALTRO', codiceContabilita: 'XXXX' }) }), 422, 'VER_020', () => 'Iban di accredito (IT02L1234512345123450000000) non censito per il dominio (12345678901)'],
    ['disabled IBAN', (id) => pendenza(id, { voci: single({ ibanAccredito: 'IT02L1234512345123459999999', tipoContabilita: 'ALTRO', codiceContabilita: 'XXXX' }) }), 422, 'VER_032', () => 'Iban di accredito (IT02L1234512345123459999999) disabilitato per il dominio (12345678901)'],
    ['unknown IBAN di appoggio', (id) => pendenza(id, { voci: single({ ibanAccredito: 'IT02L1234512345123451111111', ibanAppoggio: 'IT02L1234512345123450000000', tipoContabilita: 'ALTRO', codiceContabilita: 'XXXX' }) }), 422, 'VER_033', () => 'Iban di appoggio (IT02L1234512345123450000000) non censito per il dominio (12345678901)'],
    ['numero avviso with application code 00', (id) => pendenza(id, { numeroAvviso: '000000000000000000' }), 422, 'VER_026', () => "Lo IUV (000000000000000000) non e' conforme alle specifiche agid, application code (00) non valido per la stazione (11111111113_01)"],
    ['numero avviso with the wrong aux digit', (id) => pendenza(id, { numeroAvviso: '301000000000000000' }), 422, 'VER_039', (id) => `Il carattere iniziale del numero avviso (301000000000000000) indicato per la pendenza (IdA2A:IDA2A01 Id:${id}) non coincide con l'aux digit (0) impostato per l'Ente Creditore (12345678901).`],
    ['another idA2A in the path', (id) => pendenza(id), 400, 'APP_002', () => 'Applicazione autenticata (IDA2A01) diversa dalla chiamante (ALTRO)'],
  ];

  it.each(cases)('%s', async (name, body, status, codice, dettaglio) => {
    const id = newId();
    const r = await put(id, body(id), name === 'another idA2A in the path' ? 'ALTRO' : 'IDA2A01');
    expect(r.status).toBe(status);
    expect(r.body).toEqual({ ...RICHIESTA, codice, dettaglio: dettaglio(id) });
    expect((await get(`/pendenze/IDA2A01/${id}`)).status).toBe(404);
  });

  it('refuses a numero avviso already used by another pendenza (VER_025)', async () => {
    const first = newId();
    const { numeroAvviso } = (await put(first, pendenza(first))).body;
    const second = newId();
    const r = await put(second, pendenza(second, { numeroAvviso }));
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      ...RICHIESTA,
      codice: 'VER_025',
      dettaglio: `La pendenza (IdA2A:IDA2A01, Id:${second}) ha un numero avviso (${numeroAvviso}) gia' utilizzato (IdA2A:IDA2A01, Id:${first}).`,
    });
  });

  it('accepts a valid Ente-supplied numero avviso on a multi-voce pendenza', async () => {
    const id = newId();
    const numeroAvviso = withCheckDigits(`00134${String(Date.now()).slice(-11)}`);
    const voci = [
      { idVocePendenza: '1', importo: 50, descrizione: 'a', codEntrata: 'SEGRETERIA' },
      { idVocePendenza: '2', importo: 50.99, descrizione: 'b', codEntrata: 'LIBERO' },
    ];
    const r = await put(id, pendenza(id, { numeroAvviso, voci }));
    expect(r.status).toBe(201);
    expect(r.body.numeroAvviso).toBe(numeroAvviso);
  });

  it('refuses an applicazione without the API Pendenze, or without rights, or without credentials', async () => {
    expect((await call(t.baseUrl, 'GET', `${PV2}/pendenze`, { auth: null })).status).toBe(401);
    const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${newId()}`, { auth: basic({ user: 'IDA2A01', password: 'x' }), body: pendenza('x') });
    expect(r.status).toBe(401);
  });
});

describe('lists', () => {
  it('filters by debtor and state, pages, and counts', async () => {
    const debtor = 'VRDGPP65B03F205T';
    const ids = [newId(), newId(), newId()];
    for (const id of ids) await put(id, pendenza(id, { soggettoPagatore: { tipo: 'F', identificativo: debtor } }));
    await patch(ids[0], [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }]);
    const all = await get(`/pendenze?idDebitore=${debtor}`);
    expect(all.body.numRisultati).toBe(3);
    expect(all.body.risultati[0]).toMatchObject({ rpp: expect.stringContaining('/rpp?'), soggettoPagatore: { identificativo: debtor } });
    expect((await get(`/pendenze?idDebitore=${debtor}&stato=ANNULLATA`)).body.risultati.map((p: any) => p.idPendenza)).toEqual([ids[0]]);
    expect((await get(`/pendenze?idDebitore=${debtor}&stato=NON_ESEGUITA`)).body.numRisultati).toBe(2);
    const page = await get(`/pendenze?idDebitore=${debtor}&risultatiPerPagina=2&ordinamento=%2BidPendenza`);
    expect(page.body).toMatchObject({ numRisultati: 3, numPagine: 2 });
    expect(page.body.risultati.map((p: any) => p.idPendenza)).toEqual(ids.slice(0, 2));
    expect((await get(`/pendenze?idDebitore=${debtor}&risultatiPerPagina=0`)).body).toEqual({ numRisultati: 3, risultatiPerPagina: 0, pagina: 1, risultati: [] });
    const noMeta = await get(`/pendenze?idDebitore=${debtor}&metadatiPaginazione=false`);
    expect(noMeta.body.numRisultati).toBeUndefined();
  });

  it('answers the payment attempts searches with empty, well-formed results until payments exist', async () => {
    expect((await get('/rpp')).body).toMatchObject({ numRisultati: 0, risultati: [] });
    expect((await get('/rpp/12345678901/01234/n/a')).status).toBe(404);
  });

  it('shows the caller\'s profile', async () => {
    const r = await get('/profilo');
    expect(r.body).toMatchObject({ nome: 'IDA2A01', domini: [{ idDominio: '*' }] });
    expect(r.body.acl).toContainEqual({ servizio: 'Pendenze', autorizzazioni: ['Lettura', 'Scrittura'] });
  });
});

describe('Backoffice pendenze for operatori', () => {
  it('lists, reads and cancels a verticale\'s pendenza', async () => {
    const id = newId();
    await put(id, pendenza(id));
    const list = await call(t.baseUrl, 'GET', `${BO}/pendenze?idA2A=IDA2A01&idPendenza=${id}`);
    expect(list.status).toBe(200);
    expect(list.body.risultati.map((p: any) => p.idPendenza)).toEqual([id]);
    const detail = await call(t.baseUrl, 'GET', `${BO}/pendenze/IDA2A01/${id}`);
    expect(detail.body).toMatchObject({ idPendenza: id, stato: 'NON_ESEGUITA', voci: [{ indice: 1 }] });
    const p = await call(t.baseUrl, 'PATCH', `${BO}/pendenze/IDA2A01/${id}`, {
      body: [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }],
      headers: { 'content-type': 'application/json-patch+json' },
    });
    expect(p.status).toBe(200);
    expect((await get(`/pendenze/IDA2A01/${id}`)).body.stato).toBe('ANNULLATA');
  });

  it('refuses an operatore without the Pendenze right', async () => {
    await call(t.baseUrl, 'PUT', `${BO}/operatori/anagrafe`, {
      body: { ragioneSociale: 'Solo anagrafica', password: 'Anagrafe123', domini: ['*'], acl: [{ servizio: 'Anagrafica Creditore', autorizzazioni: ['R'] }] },
    });
    const r = await call(t.baseUrl, 'GET', `${BO}/pendenze`, { auth: basic({ user: 'anagrafe', password: 'Anagrafe123' }) });
    expect(r.status).toBe(403);
  });
});

describe('the Avviso pagoPA PDF', () => {
  it('comes back with stampaAvviso=true and from GET /avvisi, readable by a PSP\'s scanner', async () => {
    const id = newId();
    const put1 = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${id}?stampaAvviso=true`, {
      auth: app,
      body: pendenza(id, { soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi' } }),
    });
    expect(put1.status).toBe(201);
    const { numeroAvviso, pdf } = put1.body;
    const fromPut = readPdf(Buffer.from(pdf, 'base64'));
    expect(fromPut.pages).toHaveLength(1);
    const text = fromPut.pages[0];
    for (const expected of ['Ente Creditore Test', `Pagamento dovuto n.${id}`, 'Mario Rossi', '100,99', '31/12/2999', '12345678901', 'AB123']) {
      expect(text).toContain(expected);
    }
    expect(text.replace(/\s/g, '')).toContain(numeroAvviso);
    expect(fromPut.qrCodes[0]).toEqual([`PAGOPA|002|${numeroAvviso}|12345678901|10099`]);

    const res = await fetch(`${t.baseUrl}${PV2}/avvisi/12345678901/${numeroAvviso}?linguaSecondaria=en`, {
      headers: { authorization: app, accept: 'application/pdf' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    const fromGet = readPdf(Buffer.from(await res.arrayBuffer()));
    expect(fromGet.pages[0]).toContain('PAYMENT NOTICE');
    expect(fromGet.qrCodes[0]).toEqual([`PAGOPA|002|${numeroAvviso}|12345678901|10099`]);
  });

  it('adds the Poste bollettino with its data matrix when the voce credits a postal account', async () => {
    const id = newId();
    const body = pendenza(id, {
      importo: 16,
      voci: [{ idVocePendenza: '1', importo: 16, descrizione: 'Bollo', codEntrata: 'BOLLOT' }],
      soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi' },
    });
    const { numeroAvviso } = (await put(id, body)).body;
    const res = await fetch(`${t.baseUrl}${PV2}/avvisi/12345678901/${numeroAvviso}`, { headers: { authorization: app, accept: 'application/pdf' } });
    const read = readPdf(Buffer.from(await res.arrayBuffer()), { dataMatrix: true });
    expect(read.pages[0]).toContain('BOLLETTINO POSTALE');
    expect(read.dataMatrix[0]).toContain(`18${numeroAvviso}12${'IT02L0760112345123452222222'.slice(-12)}10${'0000001600'}3896`);
  });

  it('refuses an unknown second language and answers 404 for an unknown avviso', async () => {
    expect((await get('/avvisi/12345678901/001340000000000000?linguaSecondaria=xx')).status).toBe(400);
    expect((await get('/avvisi/12345678901/001349999999999999')).status).toBe(404);
  });
});

describe('documenti and allegati', () => {
  it('stores allegati and serves each file back, byte for byte', async () => {
    const id = newId();
    const file = Buffer.from('%PDF-1.4 ricevuta di prova \u00e8 \u20ac');
    const body = pendenza(id, { allegati: [{ nome: 'delibera.pdf', tipo: 'application/pdf', descrizione: 'Delibera', contenuto: file.toString('base64') }] });
    expect((await put(id, body)).status).toBe(201);
    const g = await get(`/pendenze/IDA2A01/${id}`);
    expect(g.body.allegati).toEqual([{ nome: 'delibera.pdf', tipo: 'application/pdf', descrizione: 'Delibera', contenuto: expect.stringMatching(/^\/allegati\/\d+$/) }]);
    const res = await fetch(`${t.baseUrl}${PV2}${g.body.allegati[0].contenuto}`, { headers: { authorization: app } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true);
    expect((await get('/allegati/999999')).status).toBe(404);
    expect((await get('/allegati/abc')).status).toBe(400);
  });

  it('refuses an allegato whose content is not base64', async () => {
    const id = newId();
    const r = await put(id, pendenza(id, { allegati: [{ nome: 'x', contenuto: 'not base64!' }] }));
    expect(r.status).toBe(400);
    expect(r.body.dettaglio).toContain('allegati.0.contenuto');
  });

  it('prints every rata of a documento in one PDF, one page each', async () => {
    const doc = `DOC${newId()}`;
    const numeri: string[] = [];
    for (const [rata, importo] of [[1, 60.5], [2, 40.49]] as const) {
      const id = newId();
      const r = await put(id, pendenza(id, {
        importo,
        dataScadenza: `2030-0${rata}-28`,
        documento: { identificativo: doc, descrizione: 'TARI 2030', rata },
        voci: [{ idVocePendenza: '1', importo, descrizione: `Rata ${rata}`, codEntrata: 'SEGRETERIA' }],
      }));
      numeri.push(r.body.numeroAvviso);
    }
    const res = await fetch(`${t.baseUrl}${PV2}/documenti/12345678901/${doc}/avvisi`, { headers: { authorization: app } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    const read = readPdf(Buffer.from(await res.arrayBuffer()));
    expect(read.pages).toHaveLength(2);
    expect(read.pages[0]).toContain('TARI 2030');
    expect(read.qrCodes).toEqual([[`PAGOPA|002|${numeri[0]}|12345678901|6050`], [`PAGOPA|002|${numeri[1]}|12345678901|4049`]]);
    const one = await fetch(`${t.baseUrl}${PV2}/documenti/12345678901/${doc}/avvisi?numeriAvviso=${numeri[1]}`, { headers: { authorization: app } });
    expect(readPdf(Buffer.from(await one.arrayBuffer())).pages).toHaveLength(1);
    expect((await get(`/documenti/12345678901/NESSUNO/avvisi`)).status).toBe(404);
  });
});

describe('scope', () => {
  it('never shows a caller pendenze of a dominio outside its scope, whatever the filter', async () => {
    const admin = (path: string, body: unknown) => call(t.baseUrl, 'PUT', `${BO}${path}`, { body });
    await admin('/domini/11223344556', { ragioneSociale: 'Altro Ente', gln: '8088888000055', stazione: '11111111113_01', abilitato: true, scaricaFr: true });
    await admin('/domini/11223344556/contiAccredito/IT02L1234512345123451111111', {});
    await admin('/domini/11223344556/entrate/SEGRETERIA', { ibanAccredito: 'IT02L1234512345123451111111' });
    await admin('/domini/11223344556/tipiPendenza/SEGRETERIA', {});
    const id = newId();
    expect((await put(id, pendenza(id, { idDominio: '11223344556' }))).status).toBe(201);
    await admin('/applicazioni/SOLODEMO', {
      principal: 'solodemo',
      password: 'Solodemo123',
      domini: ['12345678901'],
      tipiPendenza: ['*'],
      acl: [{ servizio: 'Pendenze', autorizzazioni: ['R', 'W'] }],
      apiPendenze: true,
    });
    const limited = basic({ user: 'solodemo', password: 'Solodemo123' });
    const r = await call(t.baseUrl, 'GET', `${PV2}/pendenze?idDominio=11223344556`, { auth: limited });
    expect(r.status).toBe(200);
    expect(r.body.numRisultati).toBe(0);
    const all = await call(t.baseUrl, 'GET', `${PV2}/pendenze?idPendenza=${id}`, { auth: limited });
    expect(all.body.numRisultati).toBe(0);
    // Another applicazione's pendenza is refused before it is looked up (GovPay's 403), so nothing is told of it.
    expect((await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${id}`, { auth: limited })).status).toBe(403);
    expect((await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/non-esiste`, { auth: limited })).status).toBe(403);
    expect((await get(`/pendenze?idDominio=11223344556&idPendenza=${id}`)).body.numRisultati).toBe(1);
  });
});
