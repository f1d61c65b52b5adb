import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { freshDatabase, seedBenchDatabase } from './database';
import { hubEnv } from './hub-env';
import { measure, type LoadResult } from './load';
import { startServer, type ServerProcess } from './processes';
import { machine } from './report';
import type { Scenario } from './scenario';
import { DEMO_AUTHORIZATION } from './servers';
import { stationScenarios } from './station';

/**
 * `node dist/bench/giornale.js` (under scripts/test-services.sh for MariaDB): the hot paths with the
 * Giornale degli Eventi off and on, side by side in one run on one database — two hubs, one with
 * GIORNALE_EVENTI=false, one recording every exchange (GIORNALE_LOG=sempre) with its messages as
 * BENCH_GIORNALE_DUMP says (sempre, the worst case, by default; solo_errore is the hub's default).
 * Each scenario runs off then on, back to back.
 * BENCH_SECONDS (4), BENCH_WARMUP_SECONDS (1), BENCH_CONNECTIONS (1,10), BENCH_STATION_PENDENZE (3000);
 * BENCH_GIORNALE_OUT writes the markdown table to that file.
 */
const numberEnv = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const ID_DOMINIO = '12345678901';

async function main(): Promise<void> {
  const seconds = numberEnv('BENCH_SECONDS', 4);
  const warmup = numberEnv('BENCH_WARMUP_SECONDS', 1);
  const connections = (process.env.BENCH_CONNECTIONS ?? '1,10').split(',').map(Number);
  const pendenze = numberEnv('BENCH_STATION_PENDENZE', 3000);
  const dump = process.env.BENCH_GIORNALE_DUMP ?? 'sempre';
  const db = await freshDatabase(process.env.TEST_MYSQL_URL);
  await seedBenchDatabase(db.url);
  const env = hubEnv(db.url, { OUTBOX_WORKER: 'false' });
  const servers: ServerProcess[] = [];
  try {
    const off = await startServer('hub', { ...env, GIORNALE_EVENTI: 'false' });
    servers.push(off);
    const on = await startServer('hub', { ...env, GIORNALE_EVENTI: 'true', GIORNALE_LOG: 'sempre', GIORNALE_DUMP: dump });
    servers.push(on);
    console.log(`bench: ${machine()}; database ${db.description}; journal off :${off.ready.port}, on :${on.ready.port}`);
    const [scenariOff, scenariOn] = [await scenarios(off.ready.port, pendenze), await scenarios(on.ready.port, pendenze)];
    const rows: Array<{ label: string; connections: number; off: LoadResult; on: LoadResult }> = [];
    for (const c of connections) {
      for (let i = 0; i < scenariOff.length; i++) {
        const [a, b] = [scenariOff[i], scenariOn[i]];
        console.log(`bench: ${a.label}, ${c} connection(s): off, then on`);
        rows.push({
          label: a.label,
          connections: c,
          off: await measure(a.request, c, warmup, seconds),
          on: await measure(b.request, c, warmup, seconds),
        });
      }
    }
    const table = [
      '| scenario | conns | off req/s | on req/s | on/off | off p50 ms | on p50 ms | off p99 ms | on p99 ms | errors off/on |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.label} | ${r.connections} | ${r.off.rps.toFixed(0)} | ${r.on.rps.toFixed(0)} | ${(r.on.rps / r.off.rps).toFixed(2)} | ${r.off.p50.toFixed(2)} | ${r.on.p50.toFixed(2)} | ${r.off.p99.toFixed(2)} | ${r.on.p99.toFixed(2)} | ${r.off.errors}/${r.on.errors} |`,
      ),
    ].join('\n');
    console.log(`\n${table}\n`);
    const out = process.env.BENCH_GIORNALE_OUT;
    if (out)
      writeFileSync(
        out,
        `${machine()}; database ${db.description}; journal on: GIORNALE_LOG=sempre, GIORNALE_DUMP=${dump}; ${seconds} s per row after ${warmup} s warm-up.\n\n${table}\n`,
      );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop().catch((e) => console.error('bench: could not drop the bench database', e));
  }
}

/** The hot paths of one hub: a receipt, a verify, a Backoffice REST read. */
async function scenarios(port: number, pendenze: number): Promise<Scenario[]> {
  const station = await stationScenarios(port, pendenze);
  const rest: Scenario = {
    id: 'rest',
    label: 'Backoffice REST GET /domini/{id}',
    request: {
      url: `http://127.0.0.1:${port}/govpay/backend/api/backoffice/rs/basic/v1/domini/${ID_DOMINIO}`,
      method: 'GET',
      headers: { authorization: DEMO_AUTHORIZATION },
    },
    check: () => true,
  };
  return [...station.scenarios, rest];
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
