import { FlussoRendicontazione } from '../schema/entities';
import { basic, BO, call } from './helpers/http';
import { acquire, control, flussi, paid, publish, startRig, type AcquisitionRig } from './helpers/flussi-acquisizione';
import { closeSimulators } from './helpers/simulator';

/**
 * Payments through the simulator, a flow published by its PSP, acquired on demand through the
 * graph from the Nodo's SOAP primitives (the hub's soap client), read back through the graph.
 */
let rig: AcquisitionRig;

beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await closeSimulators();
  await rig?.t.close();
});

test('a cumulative flow of two paid pendenze is acquired from the Nodo and read back through the graph', async () => {
  const iuvs = await paid(rig, 2);
  const published = await publish(rig, { idDominio: '12345678901' });
  expect(published).toMatchObject({ numeroPagamenti: 2, causale: `/PUR/LGPE-RIVERSAMENTO/URI/${published.identificativoFlusso}` });
  expect(published.identificativoFlusso).toMatch(/^\d{4}-\d{2}-\d{2}SIMPSP01-[0-9a-z]+$/);

  expect(await acquire(rig.t)).toEqual({ eseguita: true, elencati: 1, acquisiti: 1, duplicati: 0, rifiutati: 0, falliti: 0 });
  const [f] = await flussi(rig.t, published.identificativoFlusso);
  expect(f).toMatchObject({
    sorgente: 'NODO',
    idPsp: 'SIMPSP01',
    idDominio: '12345678901',
    numeroPagamenti: 2,
    revisione: 1,
    obsoleto: false,
    stato: 'ACQUISITO',
  });
  expect(Number(f.importoTotale)).toBe(published.importoTotale);
  expect(f.rendicontazioni.nodes.map((l: any) => l.iuv).sort()).toEqual([...iuvs].sort());
  expect(f.rendicontazioni.nodes.every((l: any) => l.esito === 'ESEGUITO' && l.stato === 'OK' && l.indice === 1)).toBe(true);

  // The same flow again: listed, skipped, stored once.
  expect(await acquire(rig.t)).toEqual({ eseguita: true, elencati: 1, acquisiti: 0, duplicati: 1, rifiutati: 0, falliti: 0 });
  expect(await rig.t.hub.orm.em.fork().count(FlussoRendicontazione, { idFlusso: published.identificativoFlusso })).toBe(1);
});

test('one flow per payment (cumulative false): single-payment causali /RFB/<iuv>/<importo>', async () => {
  const iuvs = await paid(rig, 2);
  const r = await publish(rig, { idDominio: '12345678901', iuv: iuvs, cumulative: false });
  expect(r.flussi).toHaveLength(2);
  for (const f of r.flussi) {
    expect(f.numeroPagamenti).toBe(1);
    expect(f.causale).toMatch(new RegExp(`^/RFB/(${iuvs.join('|')})/\\d+\\.\\d{2}$`));
  }
  expect(await acquire(rig.t)).toMatchObject({ acquisiti: 2, falliti: 0 });
});

test('a second revision replaces the first and keeps it as history', async () => {
  await paid(rig, 1);
  const first = await publish(rig, { idDominio: '12345678901' });
  await acquire(rig.t);
  const revision = await control(rig, 'POST', `/api/flows/${first.identificativoFlusso}/revisions`, { idDominio: '12345678901' });
  expect(revision.status).toBe(201);
  expect(await acquire(rig.t)).toMatchObject({ acquisiti: 1, falliti: 0 });
  const revisions = await flussi(rig.t, first.identificativoFlusso);
  expect(revisions.map((f: any) => [f.revisione, f.obsoleto]).sort()).toEqual([
    [1, true],
    [2, false],
  ]);
});

test('a flow whose total differs from its lines is stored as an anomaly; a flow that breaks the XSD is stored RIFIUTATO, not fetched again, and the others are still stored', async () => {
  await paid(rig, 1);
  const wrong = await publish(rig, { idDominio: '12345678901', wrongTotal: true });
  await paid(rig, 1);
  const broken = await publish(rig, { idDominio: '12345678901', breakXsd: true });
  await paid(rig, 1);
  const good = await publish(rig, { idDominio: '12345678901' });
  const r = await acquire(rig.t);
  expect(r).toMatchObject({ eseguita: true, acquisiti: 2, rifiutati: 1, falliti: 0 });
  expect((await flussi(rig.t, wrong.identificativoFlusso))[0].stato).toBe('ANOMALO');
  const [refused] = await flussi(rig.t, broken.identificativoFlusso);
  expect(refused).toMatchObject({ stato: 'RIFIUTATO', numeroPagamenti: 0, importoTotale: '0.00' });
  expect(refused.segnalazioni).toEqual([expect.objectContaining({ codice: 'FLUSSO_NON_CONFORME', dettaglio: expect.any(String) })]);
  expect((await flussi(rig.t, good.identificativoFlusso))[0].stato).toBe('ACQUISITO');
  expect(await acquire(rig.t)).toMatchObject({ acquisiti: 0, rifiutati: 0, falliti: 0 });
});

test("on demand through the Backoffice: GET /operazioni/acquisizioneRendicontazioni runs an acquisition and reports its counts (GovPay's operazione)", async () => {
  await paid(rig, 1);
  const published = await publish(rig, { idDominio: '12345678901' });
  const r = await call(rig.t.baseUrl, 'GET', `${BO}/operazioni/acquisizioneRendicontazioni`);
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ idOperazione: 'acquisizioneRendicontazioni', stato: 0, esito: 'Operazione completata con successo' });
  expect(r.body.dettaglio).toMatch(/acquisiti: 1,/);
  expect(await flussi(rig.t, published.identificativoFlusso)).toHaveLength(1);

  // An applicazione without the maintenance right may not run it, and nothing is acquired.
  const app = await call(rig.t.baseUrl, 'GET', `${BO}/operazioni/acquisizioneRendicontazioni`, {
    auth: basic({ user: 'IDA2A01', password: 'Password1!' }),
  });
  expect(app.status).toBe(403);
});
