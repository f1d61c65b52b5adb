import type { ChildProcess } from 'node:child_process';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';
import { startCompiledHub } from './helpers/compiled-hub';
import { scratchDatabase, type ScratchDatabase } from './helpers/database';
import { BO, call, gql } from './helpers/http';
import { startHub, type TestHub } from './helpers/hub';
import { nuovaPendenza } from './helpers/fixtures';
import { until } from './helpers/until';

/**
 * A hub killed (SIGKILL) while it processes a tracciato: another instance takes the tracciato
 * over when the lease expires and finishes it, every row loaded exactly once.
 */
const ROWS = 8000;
let db: ScratchDatabase;
let child: ChildProcess | undefined;
let survivor: TestHub | undefined;

/** The tracciato's progress, read through the graph (the REST detail carries the whole upload). */
async function progress(baseUrl: string, id: number): Promise<Record<string, any>> {
  const r = await gql(
    baseUrl,
    'query ($numero: Int!) { tracciatoPendenze(numero: $numero) { stato numeroOperazioniEseguite numeroOperazioniFallite } }',
    { numero: id },
  );
  return r.body.data.tracciatoPendenze;
}

beforeAll(async () => {
  db = await scratchDatabase();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await survivor?.close();
  await db?.drop();
});

describe('a tracciato whose instance dies', () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

  it('is finished by another instance, every row loaded once', async () => {
    const env = { DATABASE_URL: db.url, DEMO_SEED: 'true', LOG_LEVEL: 'info', TRACCIATI_POLL_MS: '50', TRACCIATI_LEASE_SECONDS: '5' };
    let killedAt = 0;
    const started = await startCompiledHub(env, (chunk, hub) => {
      for (const done of chunk.matchAll(/"done":(\d+)/g)) {
        // Killed at the first chunk it reports: mid-way, with committed work behind it.
        if (!killedAt) {
          killedAt = Number(done[1]);
          hub.kill('SIGKILL');
        }
      }
    });
    child = started.child;
    const port = started.port;
    const first = `http://127.0.0.1:${port}`;
    const inserimenti = Array.from({ length: ROWS }, (_, i) => ({
      idA2A: 'IDA2A01',
      idPendenza: `RES-${i}`,
      ...nuovaPendenza(`RES-${i}`),
    }));
    const up = await call(first, 'POST', `${BO}/pendenze/tracciati`, {
      body: { idTracciato: 'RESUME', idDominio: '12345678901', inserimenti },
    });
    expect(up.status).toBe(201);

    if (child!.exitCode === null && child!.signalCode === null) await new Promise((r) => child!.once('exit', r));
    expect(killedAt).toBeGreaterThanOrEqual(500);
    expect(killedAt).toBeLessThan(ROWS);

    survivor = await startHub({ ...env, LOG_LEVEL: 'silent' });
    const t = await until(
      'the survivor to finish the tracciato',
      async () => {
        const p = await progress(survivor!.baseUrl, up.body.id);
        return p.stato === 'ESEGUITO' && p;
      },
      60_000,
      100,
    );
    expect(t).toMatchObject({ stato: 'ESEGUITO', numeroOperazioniEseguite: ROWS, numeroOperazioniFallite: 0 });
    const ops = await call(survivor.baseUrl, 'GET', `${BO}/pendenze/tracciati/${up.body.id}/operazioni?risultatiPerPagina=0`);
    expect(ops.body.numRisultati).toBe(ROWS);
    const numeri: string[] = [];
    for (let offset = 0; offset < ROWS; offset += 100) {
      const page = await gql(
        survivor!.baseUrl,
        'query ($o: Int) { pendenze(first: 100, offset: $o) { totalCount nodes { numeroAvviso } } }',
        { o: offset },
      );
      expect(page.body.errors).toBeUndefined();
      expect(page.body.data.pendenze.totalCount).toBe(ROWS);
      numeri.push(...page.body.data.pendenze.nodes.map((p: { numeroAvviso: string }) => p.numeroAvviso));
    }
    expect(new Set(numeri).size).toBe(ROWS);
  }, 120_000);
});
