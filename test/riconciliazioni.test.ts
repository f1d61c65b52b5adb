import { Riconciliazione, Riscossione } from '../schema/entities';
import { startHub, type TestHub } from './helpers/hub';
import { DOMINIO, faultOf, flusso, newId, pagata, riconcilia, type Pagata } from './helpers/incassi';
import { closeSimulators } from './helpers/simulator';

/**
 * S13–S15 through the real gateway over HTTP: payments made through the simulator (real
 * paSendRT), their riscossioni reconciled by riconcilia from a bank entry's causale (single
 * /RFB/ or a whole flow /PUR/LGPE-RIVERSAMENTO/URI/), replayed, and refused with GovPay's codes.
 */
let t: TestHub;

beforeAll(async () => {
  t = await startHub();
});
afterAll(async () => {
  await closeSimulators();
  await t?.close();
});

/** What the database holds of the incassi: refusals must leave it unchanged. */
async function snapshot() {
  const em = t.hub.orm.em.fork();
  const riscossioni = await em.find(Riscossione, {}, { orderBy: { id: 'ASC' }, fields: ['stato', 'riconciliazione', 'rendicontazione'] });
  return {
    riconciliazioni: await em.count(Riconciliazione, {}),
    riscossioni: riscossioni.map((r) => [r.id, r.stato, r.riconciliazione?.id ?? null]),
  };
}

/** The refusal a request gets, checking nothing changed. */
async function refused(input: Record<string, unknown>, auth?: string) {
  const before = await snapshot();
  const r = await riconcilia(t, input, auth);
  expect(r.body.data?.riconcilia ?? null).toBeNull();
  expect(await snapshot()).toEqual(before);
  return { status: r.status, fault: faultOf(r) };
}

const ok = (r: { body: any }) => {
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.riconcilia as { creata: boolean; riconciliazione: any };
};

describe('S13: one payment, /RFB/ causale', () => {
  let p: Pagata;
  beforeAll(async () => {
    p = await pagata(t);
  });

  it('records the riconciliazione with its riscossione INCASSATA, and a replay answers it again with creata false', async () => {
    const causale = `/RFB/${p.iuv}/${p.importo}/TXT/Pagamento diritti`;
    const first = ok(await riconcilia(t, { causale, importo: p.importo }));
    expect(first.creata).toBe(true);
    expect(first.riconciliazione).toMatchObject({
      idDominio: DOMINIO,
      causale,
      iuv: p.iuv,
      idFlusso: null,
      importo: p.importo,
      sct: 'SCT0123456789',
      stato: 'ACQUISITO',
      flusso: null,
    });
    expect(first.riconciliazione.riscossioni).toEqual([
      expect.objectContaining({
        idDominio: DOMINIO,
        iuv: p.iuv,
        iur: p.iur,
        indice: 1,
        importo: p.importo,
        tipo: 'ENTRATA',
        stato: 'INCASSATA',
        rpp: { ccp: p.iur },
        pendenza: { idA2A: p.idA2A, idPendenza: p.idPendenza },
      }),
    ]);
    const again = ok(await riconcilia(t, { causale, importo: p.importo }));
    expect(again).toEqual({ creata: false, riconciliazione: first.riconciliazione });
  });

  it('refuses the same payment posted again under another sct: 021406', async () => {
    const r = await refused({ causale: `/RFB/${p.iuv}/${p.importo}`, importo: p.importo, sct: 'SCT-ALTRO' });
    expect(r.status).toBe(200);
    expect(r.fault).toMatchObject({ codice: '021406', descrizione: 'Pagamento gia incassato.', status: 422, categoria: 'RICHIESTA' });
  });
});

describe('S14: a whole flow, /PUR/LGPE-RIVERSAMENTO/URI/', () => {
  let p1: Pagata;
  let p2: Pagata;
  let idFlusso: string;
  beforeAll(async () => {
    p1 = await pagata(t, 10.01);
    p2 = await pagata(t, 20.5);
    idFlusso = await flusso(t.hub.orm, [p1, p2]);
  });

  it("refuses the idFlusso in another case unless asked to ignore it (021405 with GovPay's text)", async () => {
    const causale = `/PUR/LGPE-RIVERSAMENTO/URI/${idFlusso.toUpperCase()}`;
    const r = await refused({ causale, importo: '30.51' });
    expect(r.fault).toMatchObject({
      codice: '021405',
      descrizione: 'Flusso rendicontazione non trovato.',
      dettaglio: `L'identificativo ${idFlusso.toUpperCase()} estratto dalla causale di incasso non identifica alcun flusso di rendicontazione`,
    });
  });

  it('reconciles both payments, in a long bank description, case-insensitively when asked; replay creata false', async () => {
    const causale = `BONIFICO SEPA DA PSP SIMULATORE,/ZZ2PSP/ZZ3Comune/PUR/LGPE-RIVERSAMENTO/URI/${idFlusso.toUpperCase()}/ZZ4/ALTRO`;
    const input = { causale, importo: '30.51', idFlussoCaseInsensitive: true, dataValuta: '2026-12-02', dataContabile: '2026-12-02' };
    const first = ok(await riconcilia(t, input));
    expect(first.creata).toBe(true);
    expect(first.riconciliazione).toMatchObject({ idFlusso, iuv: null, importo: '30.51', flusso: { idFlusso } });
    const riscossioni = first.riconciliazione.riscossioni.map((r: any) => [r.iuv, r.indice, r.stato, r.tipo, r.importo]);
    expect(riscossioni.sort()).toEqual(
      [
        [p1.iuv, 1, 'INCASSATA', 'ENTRATA', '10.01'],
        [p2.iuv, 1, 'INCASSATA', 'ENTRATA', '20.50'],
      ].sort(),
    );
    const em = t.hub.orm.em.fork();
    const linked = await em.find(Riscossione, { iuv: { $in: [p1.iuv, p2.iuv] } }, { populate: ['rendicontazione'] });
    expect(linked.every((r) => r.rendicontazione?.iuv === r.iuv)).toBe(true);
    expect(ok(await riconcilia(t, input))).toEqual({ creata: false, riconciliazione: first.riconciliazione });
    const other = await refused({ idFlusso, importo: '30.51', sct: 'SCT-ALTRO' });
    expect(other.fault).toMatchObject({ codice: '021413', descrizione: 'Flusso gia riconciliato.' });
  });
});

describe('S15: refusals, each leaving nothing changed', () => {
  let p: Pagata;
  beforeAll(async () => {
    p = await pagata(t, 12.34);
  });

  it.each([
    ['/XXX/000000000000000', '021401', "Il formato della causale non e' conforme alle specifiche AgID."],
    ['/RFB/999999999999999', '021402', 'Pagamento non trovato.'],
    ['/RFS/RF000000000000000', '021402', 'Pagamento non trovato.'],
    ['/PUR/LGPE/RIVERSAMENTO/XXXXXXXXXXX', '021401', "Il formato della causale non e' conforme alle specifiche AgID."],
    ['/PUR/LGPE-RIVERSAMENTO/URI/2026-01-01NOSUCHPSP-1', '021405', 'Flusso rendicontazione non trovato.'],
  ])('causale %s: %s', async (causale, codice, descrizione) => {
    const r = await refused({ causale, importo: '12.34' });
    expect(r.fault).toMatchObject({ codice, descrizione, categoria: 'RICHIESTA', status: 422 });
  });

  it.each([
    ['one cent less', '12.33'],
    ['one cent more', '12.35'],
    ["GovPay's 1000", '1000.00'],
  ])('an amount %s: 021407', async (_, importo) => {
    const r = await refused({ causale: `/RFB/${p.iuv}/${importo}`, importo });
    expect(r.fault).toMatchObject({
      codice: '021407',
      descrizione: 'Importo errato.',
      dettaglio: `La richiesta di riconciliazione presenta un importo [${importo}] non corrispondente a quello riscosso [12.34]`,
    });
  });

  it('an unknown dominio: 021410', async () => {
    const r = await refused({ idDominio: '00000000000', causale: `/RFB/${p.iuv}`, importo: '12.34' });
    expect(r.fault).toMatchObject({ codice: '021410', descrizione: 'Dominio inesistente.' });
  });

  it('a flow whose total differs by one cent, both ways: 021407; an ANOMALO flow: 021404', async () => {
    const q = await pagata(t, 5);
    const idFlusso = await flusso(t.hub.orm, [q]);
    for (const importo of ['4.99', '5.01']) {
      expect((await refused({ idFlusso, importo })).fault).toMatchObject({ codice: '021407' });
    }
    const anomalo = await flusso(t.hub.orm, [await pagata(t, 6)], { stato: 'ANOMALO' });
    expect((await refused({ idFlusso: anomalo, importo: '6.00' })).fault).toMatchObject({
      codice: '021404',
      descrizione: 'Rendicontazione anomala.',
    });
  });

  it('a flow line matching no riscossione: 021404; one matched only through its receipt is reconciled', async () => {
    const q = await pagata(t, 7);
    const orfano = await flusso(t.hub.orm, [q], { iur: () => 'IUR-SCONOSCIUTO', senzaRpp: true });
    const r = await refused({ idFlusso: orfano, importo: '7.00' });
    expect(r.fault).toMatchObject({
      codice: '021404',
      dettaglio: `La rendicontazione [Dominio:${DOMINIO} Iuv:${q.iuv} Iur:IUR-SCONOSCIUTO Indice:1] non identifica univocamente un pagamento`,
    });
    const viaRpp = await flusso(t.hub.orm, [q], { iur: () => 'IUR-SCONOSCIUTO' });
    expect(ok(await riconcilia(t, { idFlusso: viaRpp, importo: '7.00', sct: newId('SCT') })).creata).toBe(true);
  });

  it('the same idRiconciliazione with other data: 021409', async () => {
    const q = await pagata(t, 8);
    const idRiconciliazione = newId('RIC');
    ok(await riconcilia(t, { iuv: q.iuv, importo: '8.00', idRiconciliazione }));
    const r = await refused({ iuv: q.iuv, importo: '8.00', idRiconciliazione, sct: 'SCT-DIVERSO' });
    expect(r.fault).toMatchObject({ codice: '021409', descrizione: 'Riconciliazione duplicata.' });
  });

  it.each([
    ['no causale, iuv nor idFlusso', {}],
    ['two of them', { causale: '/RFB/123456789012345', iuv: '123456789012345' }],
    ['a causale over 512 characters', { causale: `/RFB/123456789012345/${'x'.repeat(500)}` }],
    ['a blank sct', { causale: '/RFB/123456789012345', sct: '  ' }],
    ['a bad dataValuta', { causale: '/RFB/123456789012345', dataValuta: '2026-02-30' }],
  ])('bad syntax (%s): 400 SINTASSI', async (_, input) => {
    const r = await refused({ importo: '1.00', ...input });
    expect(r.fault).toMatchObject({ codice: 'SINTASSI', status: 400 });
  });
});
