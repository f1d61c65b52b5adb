import { Riconciliazione, Riscossione } from '../schema/entities';
import { basic, GPADMIN } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { DOMINIO, faultOf, flusso, newId, pagata, riconcilia } from './helpers/incassi';
import { closeSimulators } from './helpers/simulator';
import { subscriber, untilAnnounced, untilSubscriptions, type Subscriber } from './helpers/subscriber';

/**
 * The causale as banks write it (the reference anywhere in a long description, GovPay's short
 * forms, a fuzzed set of malformed ones: never a 500, nothing changed), the same incasso posted 20
 * times at once (one riconciliazione, the same answer for all), and the riconciliazioneRegistrata
 * event reaching a graphql-ws subscriber.
 */
let t: TestHub;

beforeAll(async () => {
  t = await startHub({ OUTBOX_POLL_MS: '100' });
});
afterAll(async () => {
  await closeSimulators();
  await t?.close();
});

const ok = (r: { body: any }) => {
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.riconcilia as { creata: boolean; riconciliazione: any };
};

async function counts() {
  const em = t.hub.orm.em.fork();
  return [await em.count(Riconciliazione, {}), await em.count(Riscossione, { stato: 'INCASSATA' })];
}

describe('the reference found anywhere in a bank description', () => {
  it.each([
    ["GovPay's /RFB/ with amount and text", (iuv: string) => `/RFB/${iuv}/1.23/TXT/Diritti di segreteria`],
    [
      'in a long SEPA description',
      (iuv: string) => `BONIFICO SEPA DA BANCA X PER ORDINE DI MARIO ROSSI RIF. 987 /ZZ1/RFB/${iuv}/1.23 CAUSALE LIBERA`,
    ],
    ['a space as separator', (iuv: string) => `PAGAMENTO RFB ${iuv} EURO 1,23`],
    ['without the leading slash', (iuv: string) => `RFB/${iuv}`],
  ])('%s', async (_, causaleOf) => {
    const p = await pagata(t, 1.23);
    const r = ok(await riconcilia(t, { causale: causaleOf(p.iuv), importo: '1.23', sct: newId('SCT') }));
    expect(r).toMatchObject({ creata: true, riconciliazione: { iuv: p.iuv, riscossioni: [{ iuv: p.iuv, stato: 'INCASSATA' }] } });
  });

  it("GovPay's /TXT/<n>/ form of the flow reference, within 512 characters", async () => {
    const p = await pagata(t, 2.5);
    const idFlusso = await flusso(t.hub.orm, [p]);
    const causale = `${'X'.repeat(400)} /PUR/LGPE-RIVERSAMENTO/TXT/1/URI/${idFlusso}`;
    expect(causale.length).toBeLessThanOrEqual(512);
    expect(ok(await riconcilia(t, { causale, importo: '2.50', sct: newId('SCT') })).riconciliazione).toMatchObject({ idFlusso });
  });

  it('an idFlusso not of the shape yyyy-MM-dd<psp>-<n> is no reference: 021401', async () => {
    const r = await riconcilia(t, { causale: '/PUR/LGPE-RIVERSAMENTO/URI/NONUNFLUSSO', importo: '1.00' });
    expect(faultOf(r)).toMatchObject({ codice: '021401' });
  });
});

/** A deterministic generator (mulberry32): the same malformed causali on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '/',
  'RFB',
  'RFS',
  'RF',
  'PUR',
  'LGPE',
  '-',
  'RIVERSAMENTO',
  'URI',
  'TXT',
  ' ',
  '12345678901234567',
  '0',
  '9',
  '2026-12-01',
  'ABI',
  '\u00e8',
  '\u{1F600}',
  '%',
  '_',
  "'",
  '"',
  '\\',
  '\t',
  '\n',
  'null',
  '<x/>',
  '${x}',
  '..',
];

describe('malformed causali', () => {
  it('a fuzzed set of 150: each refused with a fault (never a 500), nothing changed', async () => {
    const next = random(13);
    const before = await counts();
    const causali = Array.from({ length: 150 }, () =>
      Array.from({ length: 1 + Math.floor(next() * 14) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(''),
    );
    for (const causale of causali) {
      const r = await riconcilia(t, { causale, importo: '1.00', sct: 'SCT-FUZZ' });
      expect(r.status).toBeLessThan(500);
      const fault = faultOf(r);
      expect([causale, fault?.codice]).toEqual([causale, expect.stringMatching(/^(0214(01|02|05)|SINTASSI)$/)]);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('20 identical requests at once', () => {
  it('one riconciliazione; every caller gets it, 19 with creata false', async () => {
    const p = await pagata(t, 3.33);
    const input = { causale: `/RFB/${p.iuv}/3.33`, importo: '3.33', sct: newId('SCT') };
    const answers = await Promise.all(Array.from({ length: 20 }, () => riconcilia(t, input)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const results = answers.map(ok);
    expect(results.filter((r) => r.creata)).toHaveLength(1);
    const first = results.find((r) => r.creata)!.riconciliazione;
    expect(results.every((r) => JSON.stringify(r.riconciliazione) === JSON.stringify(first))).toBe(true);
    const em = t.hub.orm.em.fork();
    expect(await em.count(Riconciliazione, { iuv: p.iuv })).toBe(1);
    expect(
      await em.count(Riscossione, { iuv: p.iuv, stato: 'INCASSATA', riconciliazione: { idRiconciliazione: first.idRiconciliazione } }),
    ).toBe(1);
  });

  it('20 different bank entries for one payment at once: one wins, the others 021406', async () => {
    const p = await pagata(t, 4.44);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => riconcilia(t, { iuv: p.iuv, importo: '4.44', sct: `SCT-RACE-${p.iuv}-${i}` })),
    );
    expect(answers.filter((a) => a.body.data?.riconcilia?.creata)).toHaveLength(1);
    expect(answers.filter((a) => faultOf(a)?.codice === '021406')).toHaveLength(19);
    expect(await t.hub.orm.em.fork().count(Riconciliazione, { iuv: p.iuv })).toBe(1);
  });
});

describe('riconciliazioneRegistrata', () => {
  let s: Subscriber | undefined;
  afterAll(async () => s?.dispose());

  it('reaches a graphql-ws subscriber of the dominio, through the outbox', async () => {
    const p = await pagata(t, 5.55);
    await untilAnnounced(t);
    s = subscriber(t.baseUrl, { connectionParams: { authorization: basic(GPADMIN) } });
    const events = s.subscribe(
      'subscription ($d: String) { riconciliazioneRegistrata(idDominio: $d) { idRiconciliazione iuv importo riscossioni { iuv stato } } }',
      { d: DOMINIO },
    );
    await untilSubscriptions(t, 1);
    const r = ok(await riconcilia(t, { iuv: p.iuv, importo: '5.55', sct: newId('SCT') }));
    expect(await events.next()).toEqual({
      data: {
        riconciliazioneRegistrata: {
          idRiconciliazione: r.riconciliazione.idRiconciliazione,
          iuv: p.iuv,
          importo: '5.55',
          riscossioni: [{ iuv: p.iuv, stato: 'INCASSATA' }],
        },
      },
    });
  });
});
