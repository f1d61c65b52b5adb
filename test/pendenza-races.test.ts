import { randomBytes } from 'node:crypto';
import { basic, BO, call, gql, IDA2A01 } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { NODO_AUTH } from './helpers/simulator';
import { receiptV1, sendRTEnvelope } from './helpers/station-envelopes';

/**
 * Concurrent writes of one pendenza, as they happen on MariaDB: a PUT or PATCH racing a receipt
 * never undoes the payment (every write of a pendenza's state locks its row, as the receipt does),
 * a receipt of a pendenza cancelled meanwhile is kept and flagged, and deadlocks between
 * concurrent PUTs are retried so that no caller ever sees them.
 */
let t: TestHub;
const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
const STATION = '/govpay/frontend/api/pagopa/PagamentiTelematiciCCPservice';
const app = basic(IDA2A01);
const ROUNDS = 20;
let seq = 0;
const newId = () => `RC${Date.now()}${++seq}`;
const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 6));

const put = (id: string, body: unknown) => call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app, body });
const annulla = (id: string) =>
  call(t.baseUrl, 'PATCH', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app, body: [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }] });

/** The Nodo delivers paSendRT for the whole amount of the avviso; answers the station's outcome. */
async function paga(numeroAvviso: string): Promise<string> {
  const iuv = numeroAvviso.slice(3);
  const receipt = receiptV1()
    .replace('c0ffee00c0ffee00c0ffee00c0ffee00', randomBytes(16).toString('hex'))
    .replaceAll('001340000000000136', numeroAvviso)
    .replaceAll('340000000000136', iuv);
  const ids = '<idPA>12345678901</idPA><idBrokerPA>11111111113</idBrokerPA><idStation>11111111113_01</idStation>';
  const r = await call(t.baseUrl, 'POST', STATION, {
    rawBody: sendRTEnvelope(`${ids}${receipt}`),
    auth: basic(NODO_AUTH),
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"paSendRT"' },
  });
  return /<outcome>(\w+)<\/outcome>/.exec(String(r.body))?.[1] ?? `HTTP ${r.status}`;
}

async function stato(id: string): Promise<{ stato: string; anomalo: boolean; descrizioneStato: string | null; rpp: unknown[] }> {
  const r = await gql(
    t.baseUrl,
    'query ($id: ID!) { pendenza(idA2A: "IDA2A01", idPendenza: $id) { stato anomalo descrizioneStato rpp { ccp } } }',
    { id },
  );
  return r.body.data.pendenza;
}

/** A version of a pendenza with `voci` voci of one euro each: concurrent updates add, change and remove voci rows. */
const versione = (id: string, nome: string, voci: number) =>
  nuovaPendenza(id, {
    causale: `Versione ${nome}`,
    importo: voci,
    voci: Array.from({ length: voci }, (_, i) => ({ idVocePendenza: `${i + 1}`, importo: 1, descrizione: `Voce ${i + 1}`, codEntrata: 'SEGRETERIA' })),
  });

async function caricata(): Promise<{ id: string; numeroAvviso: string }> {
  const id = newId();
  const r = await put(id, nuovaPendenza(id));
  expect(r.status).toBe(201);
  return { id, numeroAvviso: r.body.numeroAvviso };
}

beforeAll(async () => {
  t = await startHub({ TRACCIATI_WORKER: 'false', OUTBOX_WORKER: 'false' });
});
afterAll(() => t.close());

it('20 concurrent PUTs of one pendenza all succeed: one creates it (201), every other updates it (200)', async () => {
  const id = newId();
  for (let round = 0; round < 5; round++) {
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => put(id, versione(id, `${round}.${i}`, 1 + ((i + round) % 3)))));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(round === 0 ? 1 : 0);
    expect(statuses.filter((s) => s !== 201 && s !== 200)).toEqual([]);
    expect(new Set(replies.map((r) => r.body.numeroAvviso)).size).toBe(1);
  }
  const stored = await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app });
  expect(stored.body.causale).toMatch(/^Versione 4\.\d+$/);
  expect(stored.body.voci.length).toBeGreaterThan(0);
});

it('a PATCH to ANNULLATA racing a receipt never undoes the payment; a receipt after the cancellation is kept and flagged', async () => {
  const outcomes = { annullataPrima: 0, pagataPrima: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const { id, numeroAvviso } = await caricata();
    const [patch, esito] = await Promise.all([jitter().then(() => annulla(id)), jitter().then(() => paga(numeroAvviso))]);
    expect(esito).toBe('OK');
    const s = await stato(id);
    expect(s.stato).toBe('ESEGUITA');
    expect(s.rpp).toHaveLength(1);
    if (patch.status === 200) {
      outcomes.annullataPrima++;
      expect(s.anomalo).toBe(true);
      expect(s.descrizioneStato).toBe('Pagamento acquisito per una pendenza annullata.');
    } else {
      outcomes.pagataPrima++;
      expect(patch.status).toBe(422);
      expect(patch.body).toMatchObject({
        codice: 'VER_009',
        dettaglio: `La pendenza (IdA2A:IDA2A01, Id:${id}) e' in uno stato che non consente l'annullamento (ESEGUITA)`,
      });
      expect(s.anomalo).toBe(false);
    }
  }
  expect(outcomes.annullataPrima + outcomes.pagataPrima).toBe(ROUNDS);
});

it('a PUT racing a receipt never changes a paid pendenza', async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const { id, numeroAvviso } = await caricata();
    const [update, esito] = await Promise.all([
      jitter().then(() => put(id, nuovaPendenza(id, { causale: 'Aggiornata' }))),
      jitter().then(() => paga(numeroAvviso)),
    ]);
    expect(esito).toBe('OK');
    const stored = await call(t.baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/${id}`, { auth: app });
    expect(stored.body).toMatchObject({ stato: 'ESEGUITA', rpp: [{ stato: 'RT_ACCETTATA_PA' }] });
    if (update.status === 422) {
      expect(update.body).toMatchObject({
        codice: 'VER_003',
        dettaglio: `La pendenza (IdA2A:IDA2A01, Id:${id}) e' in uno stato che non consente l'aggiornamento (ESEGUITA)`,
      });
      expect(stored.body.causale).toBe(`Pagamento dovuto n.${id}`);
    } else {
      expect(update.status).toBe(200);
      expect(stored.body.causale).toBe('Aggiornata');
    }
  }
});

it('the Backoffice shows the anomaly of a pendenza paid after it was cancelled', async () => {
  const { id, numeroAvviso } = await caricata();
  expect((await annulla(id)).status).toBe(200);
  expect(await paga(numeroAvviso)).toBe('OK');
  const r = await call(t.baseUrl, 'GET', `${BO}/pendenze/IDA2A01/${id}`);
  // The Backoffice speaks its own words for an anomalous pendenza, as GovPay's converter does; API Pendenze keeps ESEGUITA.
  expect(r.body).toMatchObject({ stato: 'ANOMALA', anomalo: true, descrizioneStato: 'Pagamento acquisito per una pendenza annullata.' });
  const again = await annulla(id);
  expect(again.status).toBe(422);
  expect((await stato(id)).stato).toBe('ESEGUITA');
});
