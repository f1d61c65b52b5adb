import { OutboxJob } from '../schema/entities';
import { STATION_PATH } from '../pagopa';
import { basic, BO, call, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { closeSimulators, simulatorFor } from './helpers/simulator';
import { subscriber, untilSubscriptions, type Results, type Subscriber } from './helpers/subscriber';
import { until } from './helpers/until';

/**
 * pendenzaAggiornata fires on every change of a pendenza, whoever makes it: a PUT of API Pendenze
 * v2 or the graph (created, updated, restored), a PATCH (cancelled, restored), a tracciato's rows,
 * a payment. Real graphql-ws clients; refused writes announce nothing; a tracciato's events come at
 * the bulk lane's pace (40 a second here) without holding back the events of single writes.
 */
let t: TestHub;
let s: Subscriber;
let events: Results;
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const app = basic(IDA2A01);
const BULK_PER_SECOND = 40;
let seq = 0;
const newId = (what: string) => `EV-${what}-${Date.now().toString(36)}-${++seq}`;

const put = (id: string, over: Record<string, unknown> = {}, auth = app, idA2A = 'IDA2A01') =>
  call(t.baseUrl, 'PUT', `${PV2}/pendenze/${idA2A}/${id}`, { auth, body: nuovaPendenza(id, over) });
const patch = (base: string, id: string, stato: string, auth = app) =>
  call(t.baseUrl, 'PATCH', `${base}/pendenze/IDA2A01/${id}`, { auth, body: [{ op: 'REPLACE', path: '/stato', value: stato }] });

/** What the subscriber heard of one pendenza, in order. */
const heard = (id: string): Array<{ idPendenza: string; stato: string; causale: string }> =>
  events.received.map((r) => r.data.pendenzaAggiornata).filter((p) => p.idPendenza === id);

const hears = (id: string, n: number) => until(`${n} event(s) of ${id}`, () => heard(id).length >= n && heard(id));

/** The outbox jobs that announce single writes of one pendenza. */
const jobsOf = (id: string) => t.hub.orm.em.fork().count(OutboxJob, { chiave: { $like: `evento:pendenzaAggiornata:IDA2A01:${id}:%` } });

async function upload(body: unknown): Promise<number> {
  const r = await call(t.baseUrl, 'POST', `${BO}/pendenze/tracciati`, { body });
  expect(r.status).toBe(201);
  const id = r.body.id as number;
  await until(
    `tracciato ${id} processed`,
    async () => {
      const stato = (await call(t.baseUrl, 'GET', `${BO}/pendenze/tracciati/${id}`)).body.stato;
      return stato === 'ESEGUITO' || stato === 'ESEGUITO_CON_ERRORI';
    },
    30_000,
    50,
  );
  return id;
}
const riga = (id: string, over: Record<string, unknown> = {}) => ({ idA2A: 'IDA2A01', idPendenza: id, ...nuovaPendenza(id), ...over });

beforeAll(async () => {
  t = await startHub({ OUTBOX_POLL_MS: '100', TRACCIATI_POLL_MS: '100', OUTBOX_BULK_EVENTS_PER_SECOND: String(BULK_PER_SECOND) });
  const soloSegreteria = {
    principal: 'soloseg',
    password: 'Password1!',
    domini: ['12345678901'],
    tipiPendenza: ['SEGRETERIA'],
    acl: [{ servizio: 'Pendenze', autorizzazioni: ['R', 'W'] }],
    apiPendenze: true,
  };
  expect((await call(t.baseUrl, 'PUT', `${BO}/applicazioni/SOLOSEG`, { body: soloSegreteria })).status).toBe(201);
  // The operatore sees every pendenza of every applicazione (an applicazione only its own).
  s = subscriber(t.baseUrl, { connectionParams: { authorization: basic({ user: 'gpadmin', password: 'Password1!' }) } });
  events = s.subscribe('subscription { pendenzaAggiornata { idPendenza stato causale } }');
  await untilSubscriptions(t, 1);
});
afterAll(async () => {
  await closeSimulators();
  await s?.dispose();
  await t?.close();
});

describe('pendenzaAggiornata', () => {
  it('fires when a PUT of API Pendenze v2 creates a pendenza and when another updates it', async () => {
    const id = newId('PUT');
    expect((await put(id)).status).toBe(201);
    expect(await hears(id, 1)).toEqual([{ idPendenza: id, stato: 'NON_ESEGUITA', causale: `Pagamento dovuto n.${id}` }]);
    expect((await put(id, { causale: 'Causale aggiornata' })).status).toBe(200);
    expect((await hears(id, 2))[1]).toEqual({ idPendenza: id, stato: 'NON_ESEGUITA', causale: 'Causale aggiornata' });
  });

  it('fires for caricaPendenza and modificaPendenza through the graph', async () => {
    const id = newId('GRAPH');
    const saved = await gql(
      t.baseUrl,
      'mutation ($id: ID!, $input: JSONObject!) { caricaPendenza(input: { idA2A: "IDA2A01", idPendenza: $id, pendenza: $input }) { created } }',
      { id, input: nuovaPendenza(id) },
    );
    expect(saved.body).toEqual({ data: { caricaPendenza: { created: true } } });
    expect((await hears(id, 1))[0].stato).toBe('NON_ESEGUITA');
    const patched = await gql(
      t.baseUrl,
      'mutation ($id: ID!) { modificaPendenza(input: { idA2A: "IDA2A01", idPendenza: $id, operazioni: [{op: "REPLACE", path: "/stato", value: "ANNULLATA"}] }) { pendenza { stato } } }',
      { id },
    );
    expect(patched.body).toEqual({ data: { modificaPendenza: { pendenza: { stato: 'ANNULLATA' } } } });
    expect((await hears(id, 2))[1].stato).toBe('ANNULLATA');
  });

  it('fires when a PATCH cancels (API Pendenze v2) or restores (Backoffice), and when a PUT restores', async () => {
    const id = newId('PATCH');
    const gpadmin = basic({ user: 'gpadmin', password: 'Password1!' });
    const changes: Array<[() => Promise<{ status: number }>, number, string]> = [
      [() => put(id), 201, 'NON_ESEGUITA'],
      [() => patch(PV2, id, 'ANNULLATA'), 200, 'ANNULLATA'],
      [() => patch(BO, id, 'NON_ESEGUITA', gpadmin), 200, 'NON_ESEGUITA'],
      [() => patch(PV2, id, 'ANNULLATA'), 200, 'ANNULLATA'],
      [() => put(id), 200, 'NON_ESEGUITA'],
    ];
    // One change at a time: a subscriber reads the pendenza as it is when the event reaches it.
    for (const [i, [change, status, stato]] of changes.entries()) {
      expect((await change()).status).toBe(status);
      expect((await hears(id, i + 1))[i].stato).toBe(stato);
    }
    await settled();
    expect(heard(id)).toHaveLength(changes.length);
  });

  it('fires when the pendenza is paid through the simulator', async () => {
    const id = newId('PAY');
    const loaded = await put(id);
    expect(loaded.status).toBe(201);
    await hears(id, 1);
    const paid = await simulatorFor(`${t.baseUrl}${STATION_PATH}`).pay({
      fiscalCode: '12345678901',
      noticeNumber: loaded.body.numeroAvviso,
    });
    expect(paid.status).toBe('ESEGUITO');
    expect((await hears(id, 2))[1].stato).toBe('ESEGUITA');
  });

  it('fires once for each pendenza a tracciato creates, updates or cancels, and never for a row that failed', async () => {
    const [nuova, esistente, annullata, sbagliata] = ['NEW', 'UPD', 'DEL', 'BAD'].map(newId);
    expect((await put(esistente)).status).toBe(201);
    expect((await put(annullata)).status).toBe(201);
    await hears(annullata, 1);
    const tracciato = await upload({
      idTracciato: newId('TR'),
      idDominio: '12345678901',
      inserimenti: [riga(nuova), riga(esistente, { causale: 'Dal tracciato' }), riga(sbagliata, { importo: 1 })],
      annullamenti: [{ idA2A: 'IDA2A01', idPendenza: annullata, motivoAnnullamento: 'Dal tracciato' }],
    });
    expect(await hears(nuova, 1)).toEqual([{ idPendenza: nuova, stato: 'NON_ESEGUITA', causale: `Pagamento dovuto n.${nuova}` }]);
    expect((await hears(esistente, 2))[1].causale).toBe('Dal tracciato');
    expect((await hears(annullata, 2))[1].stato).toBe('ANNULLATA');
    // The new rows of a chunk share one job, written with the chunk.
    const chunkJobs = await t.hub.orm.em.fork().find(OutboxJob, { chiave: { $like: `eventi:tracciato:${tracciato}:%` } });
    expect(chunkJobs.map((j) => [j.tipo, (j.payload.eventi as Array<{ idPendenza: string }>).map((e) => e.idPendenza)])).toEqual([
      ['EVENTI', [nuova]],
    ]);
    await settled();
    expect(heard(sbagliata)).toEqual([]);
    expect([heard(nuova).length, heard(esistente).length, heard(annullata).length]).toEqual([1, 2, 2]);
  });

  it('announces nothing for a write that is refused or rolled back', async () => {
    const paid = newId('PAID');
    const loaded = await put(paid);
    expect(
      (await simulatorFor(`${t.baseUrl}${STATION_PATH}`).pay({ fiscalCode: '12345678901', noticeNumber: loaded.body.numeroAvviso })).status,
    ).toBe('ESEGUITO');
    await hears(paid, 2);
    const refused = {
      syntax: newId('SYNTAX'),
      sum: newId('SUM'),
      scope: newId('SCOPE'),
      taken: newId('TAKEN'),
    };
    expect((await put(refused.syntax, { importo: 'cento' })).body.codice).toBe('SINTASSI');
    expect((await put(refused.sum, { importo: 50 })).body.codice).toBe('VER_002');
    const otherTipo = {
      idTipoPendenza: 'LIBERO',
      voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', codEntrata: 'LIBERO' }],
    };
    expect((await put(refused.scope, otherTipo, basic({ user: 'soloseg', password: 'Password1!' }), 'SOLOSEG')).status).toBe(403);
    // Refused inside the transaction: the numero avviso is another pendenza's (a unique key).
    expect((await put(refused.taken, { numeroAvviso: loaded.body.numeroAvviso })).body.codice).toBe('VER_025');
    // Refused under the pendenza's lock: it is paid.
    expect((await put(paid)).body.codice).toBe('VER_003');
    expect((await patch(PV2, paid, 'ANNULLATA')).body.codice).toBe('VER_009');

    await settled();
    for (const id of Object.values(refused)) {
      expect(heard(id)).toEqual([]);
      expect(await jobsOf(id)).toBe(0);
    }
    expect(heard(paid).map((e) => e.stato)).toEqual(['NON_ESEGUITA', 'ESEGUITA']);
    expect(await jobsOf(paid)).toBe(1);
  });

  it("delivers a tracciato's rows at the bulk pace, each once, while a single write's event goes ahead of them", async () => {
    const ids = Array.from({ length: 120 }, () => newId('BULK'));
    const from = events.received.length;
    const arrivals = new Map<string, number>();
    const timing = setInterval(() => {
      for (const r of events.received.slice(from))
        arrivals.set(r.data.pendenzaAggiornata.idPendenza, arrivals.get(r.data.pendenzaAggiornata.idPendenza) ?? Date.now());
    }, 5);
    try {
      const uploaded = call(t.baseUrl, 'POST', `${BO}/pendenze/tracciati`, {
        body: { idTracciato: newId('BULKTR'), idDominio: '12345678901', inserimenti: ids.map((id) => riga(id)) },
      });
      expect((await uploaded).status).toBe(201);
      await until('the first rows announced', () => ids.some((id) => arrivals.has(id)), 30_000);
      const single = newId('AHEAD');
      expect((await put(single)).status).toBe(201);
      await until('every row announced', () => ids.every((id) => arrivals.has(id)), 30_000);
      await until("the single write's event", () => arrivals.has(single));

      const times = ids.map((id) => arrivals.get(id) as number);
      const spread = Math.max(...times) - Math.min(...times);
      // 120 events at 40 a second: about three seconds from the first to the last, never a burst.
      expect(spread).toBeGreaterThan(((ids.length - BULK_PER_SECOND / 20) / BULK_PER_SECOND) * 1000 * 0.8);
      expect(arrivals.get(single)).toBeLessThan(Math.max(...times));
      for (const id of ids) expect(heard(id)).toHaveLength(1);
    } finally {
      clearInterval(timing);
    }
  }, 60_000);
});

/** Waits until a write made now has been announced: whatever was committed before it has been too. */
async function settled(): Promise<void> {
  const marker = newId('MARKER');
  expect((await put(marker)).status).toBe(201);
  await hears(marker, 1);
}
