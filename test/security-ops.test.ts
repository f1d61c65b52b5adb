import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';
import { startCompiledHub } from './helpers/compiled-hub';
import { basic, GPADMIN } from './helpers/http';
import { until } from './helpers/until';

/**
 * What `npm start` exposes (issue 10, item 4), on the compiled hub as a user runs it: the
 * simulator's unauthenticated control API only on loopback and never in production unless asked,
 * and the demo configuration (known passwords) never loaded in production.
 */
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

const PRODUCTION = { NODE_ENV: 'production', INTERNAL_PRINCIPAL_SECRET: 'x'.repeat(32) };

async function start(env: Record<string, string>) {
  const logs: string[] = [];
  const hub = await startCompiledHub(env, (chunk) => logs.push(chunk));
  running.push(hub.child);
  const lines = () =>
    logs
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; simulatorPort?: number; host?: string });
  return { ...hub, lines, base: `http://127.0.0.1:${hub.port}` };
}

/** Whether something accepts TCP connections at host:port. */
const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** An address of this machine other than loopback, where the network would reach a service bound to every interface. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

const gpadmin = (base: string) =>
  fetch(`${base}/govpay/backend/api/backoffice/rs/basic/v1/domini/12345678901`, { headers: { authorization: basic(GPADMIN) } });

describe('what npm start exposes', () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

  it('binds the simulator to loopback even when the hub binds every interface', async () => {
    expect(externalAddress).toEqual(expect.any(String));
    const hub = await start({ HOST: '0.0.0.0' });
    const ready = await until('the simulator', () => hub.lines().find((l) => l.msg.startsWith('pagoPA simulator ready')));
    expect(ready.host).toBe('127.0.0.1');
    expect(await reachable('127.0.0.1', ready.simulatorPort!)).toBe(true);
    expect(await reachable(externalAddress!, ready.simulatorPort!)).toBe(false);
    // The hub's own edge still answers on the external address: only the simulator stays home.
    expect(await reachable(externalAddress!, hub.port)).toBe(true);
  }, 60_000);

  it('in production starts no simulator and loads no demo configuration', async () => {
    const hub = await start(PRODUCTION);
    expect((await fetch(`${hub.base}/health`)).status).toBe(200);
    expect((await gpadmin(hub.base)).status).toBe(401);
    // Whatever it would log about the simulator comes right after the ready line: give it the time.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(hub.lines().filter((l) => /simulator/i.test(l.msg))).toEqual([]);
    expect(hub.lines().filter((l) => /demo configuration/.test(l.msg))).toEqual([]);
  }, 60_000);

  it('in production starts the simulator only with SIMULATOR_ENABLED=true, warning loudly', async () => {
    const hub = await start({ ...PRODUCTION, SIMULATOR_ENABLED: 'true' });
    const warning = await until('the warning', () => hub.lines().find((l) => l.level === 40 && /simulator/.test(l.msg)));
    expect(warning.msg).toMatch(/SIMULATOR_ENABLED in production: the pagoPA simulator is running and its unauthenticated control API/);
    expect(await reachable('127.0.0.1', warning.simulatorPort!)).toBe(true);
  }, 60_000);

  it('refuses DEMO_SEED=true in production at start, naming the variable', async () => {
    await expect(start({ ...PRODUCTION, DEMO_SEED: 'true' })).rejects.toThrow(
      /hub exited with 1: .*DEMO_SEED=true is refused with NODE_ENV=production/s,
    );
  }, 60_000);
});
