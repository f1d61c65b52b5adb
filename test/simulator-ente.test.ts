import { OutboxJob, Pendenza } from '../schema/entities';
import { STATION_PATH } from '../pagopa';
import type { EnteCallRecord, PaymentRecord } from '../simulator';
import { numeroAvvisoFor } from '../subgraphs/pendenze/domain/iuv';
import { nuovaPendenza } from './helpers/fixtures';
import { BO, call, GPADMIN, basic, recordExchange } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { loadPendenza, newId } from './helpers/pagamenti';
import { setConnettore } from './helpers/rpp';
import { closeSimulators, simulatorFor } from './helpers/simulator';
import { freePort } from './helpers/standalone-subgraph';
import { until } from './helpers/until';
import { STATION_XSD } from './helpers/xsd';

/**
 * The simulator plays the Ente's systems: the hub started with SIMULATOR_PORT seeds the demo
 * applicazione with a connector at the simulator's Ente, so a demo payment ends with a delivered
 * notification, which the simulator records and shows on its page.
 */
let t: TestHub;
let sim: string;

beforeAll(async () => {
  const simPort = await freePort();
  t = await startHub({ SIMULATOR_PORT: String(simPort), OUTBOX_POLL_MS: '100' });
  const simulator = simulatorFor(`${t.baseUrl}${STATION_PATH}`, { xsdPath: STATION_XSD });
  sim = `http://127.0.0.1:${await simulator.listen(simPort)}`;
}, 60_000);
afterAll(async () => {
  await closeSimulators();
  await t?.close();
});
afterEach(async () => {
  await call(sim, 'PUT', '/api/ente/risposte', { auth: null, body: { verifica: null, notifica: null } });
});

const simGet = async <T = any>(path: string): Promise<T> => (await call(sim, 'GET', path, { auth: null })).body as T;
const pay = async (noticeNumber: string): Promise<PaymentRecord> =>
  (await call(sim, 'POST', '/api/payments?wait=true', { auth: null, body: { fiscalCode: '12345678901', noticeNumber } })).body;

/** The notification the Ente received for `iuv`, once it has; also recorded for the conformance suite's API Ente check. */
async function notificaOf(iuv: string): Promise<EnteCallRecord> {
  const n = await until(`the notification of ${iuv}`, async () =>
    (await simGet<EnteCallRecord[]>('/api/ente/notifiche')).find((r) => r.iuv === iuv),
  );
  recordExchange('ente', { method: n.method, path: n.path, status: n.status, body: n.body });
  return n;
}

const outboxOf = (iuv: string) => t.hub.orm.em.fork().findOneOrFail(OutboxJob, { chiave: { $like: `notifica:12345678901:${iuv}:%` } });

describe('the demo applicazione is notified at the simulator', () => {
  it("its connector is the simulator's Ente, derived from SIMULATOR_PORT", async () => {
    const r = await call(t.baseUrl, 'GET', `${BO}/applicazioni/IDA2A01`, { auth: basic(GPADMIN) });
    expect(r.body.servizioIntegrazione).toMatchObject({ url: `${sim}/ente/v2`, versioneApi: 'REST v2' });
  });

  it('a demo payment ends with a delivered notification (API Ente v2), listed and shown on the page', async () => {
    const p = await loadPendenza(t);
    expect((await pay(p.numeroAvviso)).status).toBe('ESEGUITO');
    const n = await notificaOf(p.iuv);
    expect(n).toMatchObject({
      api: 'REST v2',
      method: 'PUT',
      idDominio: '12345678901',
      iuv: p.iuv,
      idA2A: 'IDA2A01',
      idPendenza: p.idPendenza,
      esito: 'ESEGUITO',
      importo: '100.99',
      status: 201,
    });
    expect(n.path).toBe(`/ricevute/12345678901/${p.iuv}/${n.idRicevuta}`);
    expect(await simGet(`/api/ente/notifiche/${n.id}`)).toEqual(n);
    await until('the job done', async () => (await outboxOf(p.iuv)).stato === 'ESEGUITO');

    const page = await fetch(`${sim}/`).then((r) => r.text());
    expect(page).toContain('<h2>Ente</h2>');
    expect(page).toMatch(
      new RegExp(
        `${p.idPendenza}</code></td>\\s*<td><code>12345678901</code> <code>${p.iuv}</code></td><td>ESEGUITO</td><td>100.99</td><td class="ok">201`,
      ),
    );
  });

  it('a REST v1 connector gets {idA2A, idPendenza, rpt, rt}, read for its outcome and amount', async () => {
    const em = t.hub.orm.em.fork();
    await setConnettore(em, { url: `${sim}/ente/v1`, versioneApi: 'REST v1' });
    try {
      const p = await loadPendenza(t, {
        importo: 7.05,
        voci: [{ idVocePendenza: '1', importo: 7.05, descrizione: 'x', codEntrata: 'SEGRETERIA' }],
      });
      expect((await pay(p.numeroAvviso)).status).toBe('ESEGUITO');
      const n = await notificaOf(p.iuv);
      expect(n).toMatchObject({
        api: 'REST v1',
        method: 'POST',
        path: `/pagamenti/12345678901/${p.iuv}`,
        idPendenza: p.idPendenza,
        esito: 'OK',
        importo: '7.05',
        status: 201,
      });
      expect(n.body).toMatchObject({ idA2A: 'IDA2A01', idPendenza: p.idPendenza, rt: { paymentAmount: '7.05' } });
    } finally {
      await setConnettore(em, { url: `${sim}/ente/v2`, versioneApi: 'REST v2' });
    }
  });
});

describe('verify: the Ente knows nothing unless told', () => {
  /** A notice of the demo applicazione's codifica (IUVs starting 34) the hub does not hold. */
  let seq = 0;
  const enteOnly = () => numeroAvvisoFor('0', `34${String(Date.now() + ++seq).slice(-11)}`, { applicationCode: '01' });

  it('by default an unknown notice: the Ente answers 404, the PSP hears PAA_PAGAMENTO_SCONOSCIUTO', async () => {
    const n = enteOnly();
    const r = await call(sim, 'POST', '/api/verify', { auth: null, body: { fiscalCode: '12345678901', noticeNumber: n.numeroAvviso } });
    expect(r.body.step.fault).toMatchObject({ faultCode: 'PAA_PAGAMENTO_SCONOSCIUTO' });
    const asked = (await simGet<EnteCallRecord[]>('/api/ente/verifiche')).find((v) => v.numeroAvviso === n.numeroAvviso);
    expect(asked).toMatchObject({ api: 'REST v2', method: 'GET', path: `/avvisi/12345678901/${n.numeroAvviso}`, status: 404 });
  });

  it('told a position, it answers it: the hub saves it, the PSP pays, the Ente is notified', async () => {
    const n = enteOnly();
    const idPendenza = newId('ENTE');
    const pendenza = { ...nuovaPendenza(idPendenza), idA2A: 'IDA2A01', idPendenza, numeroAvviso: n.numeroAvviso };
    const set = await call(sim, 'PUT', '/api/ente/risposte', {
      auth: null,
      body: { verifica: { status: 200, body: { stato: 'NON_ESEGUITA', pendenza } } },
    });
    expect(set.status).toBe(200);
    expect((await pay(n.numeroAvviso)).status).toBe('ESEGUITO');
    expect(await notificaOf(n.iuv)).toMatchObject({ idPendenza, esito: 'ESEGUITO', importo: '100.99', status: 201 });
    expect(await t.hub.orm.em.fork().count(Pendenza, { idPendenza, stato: 'ESEGUITA' })).toBe(1);
  });
});

describe('an Ente that refuses, and bad control requests', () => {
  it('a notification answered 503 is recorded as such and stays in the outbox for a retry', async () => {
    await call(sim, 'PUT', '/api/ente/risposte', {
      auth: null,
      body: { notifica: { status: 503, body: { descrizione: 'manutenzione' } } },
    });
    const p = await loadPendenza(t);
    expect((await pay(p.numeroAvviso)).status).toBe('ESEGUITO');
    expect(await notificaOf(p.iuv)).toMatchObject({ status: 503 });
    const job = await until('the failed attempt counted', async () => {
      const j = await outboxOf(p.iuv);
      return j.tentativi > 0 && j;
    });
    expect(job).toMatchObject({ stato: 'DA_ESEGUIRE' });
    expect(job.ultimoErrore).toContain('HTTP 503');
  });

  it('refuses a malformed answer setting and keeps the answers it had', async () => {
    const before = await simGet('/api/ente/risposte');
    for (const body of [
      { notifica: { status: 99 } },
      { notifica: { status: 200, delayMs: -1 } },
      { rispondi: 'sempre' },
      { verifica: 'hang' },
    ]) {
      const r = await call(sim, 'PUT', '/api/ente/risposte', { auth: null, body });
      expect([r.status, typeof r.body.error]).toEqual([400, 'string']);
    }
    expect(await simGet('/api/ente/risposte')).toEqual(before);
    expect(before).toMatchObject({ verifica: { status: 404 }, notifica: { status: 201 } });
  });

  it('a notification it cannot read is a 400 FaultBean and is not recorded', async () => {
    const before = (await simGet<unknown[]>('/api/ente/notifiche')).length;
    const r = await call(sim, 'PUT', '/ente/v2/ricevute/12345678901/1/2', {
      auth: null,
      rawBody: '{"iuv":',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ categoria: 'RICHIESTA', codice: 'SINTASSI' });
    expect(await simGet<unknown[]>('/api/ente/notifiche')).toHaveLength(before);
    expect((await call(sim, 'GET', '/api/ente/notifiche/no-such-id', { auth: null })).status).toBe(404);
  });
});
