import { FlussoRendicontazione } from '../schema/entities';
import pino from 'pino';
import { acquire, control, flussi, paid, publish, startRig, type AcquisitionRig } from './helpers/flussi-acquisizione';
import { closeSimulators } from './helpers/simulator';
import { startHub, type TestHub } from './helpers/hub';
import { gql } from './helpers/http';
import { until } from './helpers/until';

/**
 * The FdR source (REST, paged), the sources failing (unreachable, a fault, no answer, wrong
 * credentials): counted, nothing stored, the next run gets the flow; and two instances acquiring
 * at once on one database.
 */
let fdr: AcquisitionRig;
const stored = (t: TestHub, idFlusso: string) => t.hub.orm.em.fork().count(FlussoRendicontazione, { idFlusso });

beforeAll(async () => {
  fdr = await startRig({ RENDICONTAZIONI_SOURCE: 'fdr' });
});
afterAll(async () => {
  await closeSimulators();
  await fdr?.t.close();
});
afterEach(async () => {
  await control(fdr, 'PUT', '/api/flows/faults', { nodo: null, fdr: null });
});

test('FdR: a flow is listed, read with its payments page by page, stored once, read back through the graph', async () => {
  const iuvs = await paid(fdr, 2);
  const published = await publish(fdr, { idDominio: '12345678901' });
  expect(await acquire(fdr.t)).toEqual({ eseguita: true, elencati: 1, acquisiti: 1, duplicati: 0, rifiutati: 0, falliti: 0 });
  const [f] = await flussi(fdr.t, published.identificativoFlusso);
  expect(f).toMatchObject({ sorgente: 'FDR', revisione: 1, numeroPagamenti: 2, stato: 'ACQUISITO' });
  expect(Number(f.importoTotale)).toBe(published.importoTotale);
  expect(f.rendicontazioni.nodes.map((l: any) => l.iuv).sort()).toEqual([...iuvs].sort());
  expect(await acquire(fdr.t)).toMatchObject({ acquisiti: 0, duplicati: 1 });
  expect(await stored(fdr.t, published.identificativoFlusso)).toBe(1);
});

test('FdR: a second revision replaces the first', async () => {
  await paid(fdr, 1);
  const first = await publish(fdr, { idDominio: '12345678901' });
  await acquire(fdr.t);
  await control(fdr, 'POST', `/api/flows/${first.identificativoFlusso}/revisions`, { idDominio: '12345678901' });
  expect(await acquire(fdr.t)).toMatchObject({ acquisiti: 1, falliti: 0 });
  const revisions = await flussi(fdr.t, first.identificativoFlusso);
  expect(revisions.map((f: any) => [f.revisione, f.obsoleto]).sort()).toEqual([
    [1, true],
    [2, false],
  ]);
});

test.each(['fault', 'down', 'hang'])('FdR %s: the run counts it, stores nothing, and the next run gets the flow', async (mode) => {
  await paid(fdr, 1);
  const published = await publish(fdr, { idDominio: '12345678901' });
  await control(fdr, 'PUT', '/api/flows/faults', { fdr: mode });
  expect(await acquire(fdr.t)).toMatchObject({ eseguita: true, acquisiti: 0, falliti: 1 });
  expect(await stored(fdr.t, published.identificativoFlusso)).toBe(0);
  await control(fdr, 'PUT', '/api/flows/faults', { fdr: null });
  expect(await acquire(fdr.t)).toMatchObject({ acquisiti: 1, falliti: 0 });
  expect(await stored(fdr.t, published.identificativoFlusso)).toBe(1);
});

/**
 * A second hub on the rig's database whose acquisition is misconfigured (`env`): a flow published
 * and asked for is not stored, the log says `logged`, /metrics counts the run's failure by `codice`.
 */
async function misconfigured(rig: AcquisitionRig, env: Record<string, string>, logged: string, sorgente: string, codice: string) {
  const lines: string[] = [];
  const wrong = await startHub(
    { DATABASE_URL: databaseUrl(rig.t), ...env },
    pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }),
  );
  try {
    await paid(rig, 1);
    const published = await publish(rig, { idDominio: '12345678901' });
    expect(await acquire(wrong)).toMatchObject({ eseguita: true, acquisiti: 0, falliti: 1 });
    expect(await stored(rig.t, published.identificativoFlusso)).toBe(0);
    expect(lines.join('\n')).toContain(logged);
    const metrics = await (await fetch(`${wrong.baseUrl}/metrics`)).text();
    expect(metrics).toContain(`govpay_rendicontazioni_runs_total{sorgente="${sorgente}",esito="errore_sorgente",codice="${codice}"} 1`);
  } finally {
    await wrong.close();
  }
}

test('a wrong FdR subscription key: a clear log line, a count in /metrics, nothing stored', async () => {
  const env = {
    RENDICONTAZIONI_SOURCE: 'fdr',
    RENDICONTAZIONI_FDR_URL: `${fdr.simUrl}/fdr-org/service/v1`,
    RENDICONTAZIONI_FDR_API_KEY: 'not-the-key',
  };
  await misconfigured(fdr, env, 'HTTP 401 (check RENDICONTAZIONI_FDR_API_KEY)', 'FDR', 'HTTP_401');
});

describe('the Nodo', () => {
  let nodo: AcquisitionRig;
  beforeAll(async () => {
    nodo = await startRig();
  });
  afterAll(async () => {
    await nodo?.t.close();
  });
  afterEach(async () => {
    await control(nodo, 'PUT', '/api/flows/faults', { nodo: null, fdr: null });
  });

  test.each(['fault', 'down', 'hang'])('%s: counted, nothing stored, the next run gets the flow', async (mode) => {
    await paid(nodo, 1);
    const published = await publish(nodo, { idDominio: '12345678901' });
    await control(nodo, 'PUT', '/api/flows/faults', { nodo: mode });
    expect(await acquire(nodo.t)).toMatchObject({ eseguita: true, acquisiti: 0, falliti: 1 });
    expect(await stored(nodo.t, published.identificativoFlusso)).toBe(0);
    await control(nodo, 'PUT', '/api/flows/faults', { nodo: null });
    expect(await acquire(nodo.t)).toMatchObject({ acquisiti: 1, falliti: 0 });
  });

  test('a wrong station password: PPT_AUTENTICAZIONE logged and counted, nothing stored', async () => {
    const env = { RENDICONTAZIONI_NODO_URL: `${nodo.simUrl}/nodo/nodeForPa`, RENDICONTAZIONI_NODO_PASSWORD: 'Wrong-Password1' };
    await misconfigured(nodo, env, 'PPT_AUTENTICAZIONE', 'NODO', 'PPT_AUTENTICAZIONE');
  });

  test('two instances on one database acquiring at once store each flow once', async () => {
    const other = await startHub({ DATABASE_URL: databaseUrl(nodo.t), RENDICONTAZIONI_NODO_URL: `${nodo.simUrl}/nodo/nodeForPa` });
    try {
      // Flows earlier tests left behind are taken first: the race below is about these two only.
      await acquire(nodo.t);
      await paid(nodo, 2);
      const a = await publish(nodo, { idDominio: '12345678901', cumulative: false });
      const runs = await Promise.all([acquire(nodo.t), acquire(other), acquire(nodo.t), acquire(other)]);
      // Whoever ran stored the flows; a run that found the lease taken did nothing.
      expect(runs.reduce((n, r) => n + r.acquisiti, 0)).toBe(2);
      expect(runs.filter((r) => !r.eseguita).every((r) => r.elencati === 0 && r.acquisiti === 0)).toBe(true);
      for (const f of a.flussi) expect(await stored(nodo.t, f.identificativoFlusso)).toBe(1);
    } finally {
      await other.close();
    }
  });

  test('periodic: an instance with RENDICONTAZIONI_INTERVAL_SECONDS acquires on its own', async () => {
    await paid(nodo, 1);
    const published = await publish(nodo, { idDominio: '12345678901' });
    const periodic = await startHub({
      DATABASE_URL: databaseUrl(nodo.t),
      RENDICONTAZIONI_NODO_URL: `${nodo.simUrl}/nodo/nodeForPa`,
      RENDICONTAZIONI_INTERVAL_SECONDS: '1',
    });
    try {
      await until('the periodic run stores the flow', async () => (await stored(nodo.t, published.identificativoFlusso)) === 1);
    } finally {
      await periodic.close();
    }
  });

  test('without the Rendicontazioni e Incassi write right the mutation is refused', async () => {
    const r = await gql(nodo.t.baseUrl, 'mutation { acquisisciFlussiRendicontazione { eseguita } }', {}, null);
    expect(r.body.errors?.length).toBeGreaterThan(0);
  });
});

function databaseUrl(t: TestHub): string {
  const db = t.hub.config.database;
  return db.dialect === 'sqlite' ? `sqlite:${db.path}` : db.url;
}
