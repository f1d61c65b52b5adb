import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../core/project-root';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';

/**
 * `npm start` as a user runs it: the compiled hub (scripts/run-tests.sh builds it first) on a
 * fresh embedded SQLite database, loading the demo configuration, stopping cleanly on SIGTERM.
 */
const main = join(projectRoot(), 'dist', 'gateway', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'govpay-start-'));

function start(env: Record<string, string>): { child: ChildProcess; logs: string[]; ready: Promise<number> } {
  const child = spawn(process.execPath, [main], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', PORT: '0', SUBGRAPHS_PORT: '0', SIMULATOR_PORT: '0', HOST: '127.0.0.1', ...env },
  });
  const logs: string[] = [];
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      logs.push(d.toString());
      const m = /"port":(\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${logs.join('')}`)));
  });
  // A start that is expected to fail never awaits `ready`: keep its rejection from going unhandled.
  ready.catch(() => undefined);
  return { child, logs, ready };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

describe('npm start', () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

  it('starts on the embedded database with the demo configuration, serves probes, stops on SIGTERM', async () => {
    const { child, logs, ready } = start({});
    const port = await ready;
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'READY' });
    const dominio = await fetch(`${base}/govpay/backend/api/backoffice/rs/basic/v1/domini/12345678901`, {
      headers: { authorization: `Basic ${Buffer.from('gpadmin:Password1!').toString('base64')}` },
    });
    expect(((await dominio.json()) as { ragioneSociale: string }).ragioneSociale).toBe('Ente Creditore Test');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('govpay_http_request_duration_seconds_count{method="GET",api="backoffice",status="200"} 1');
    expect(existsSync(join(dir, 'data', 'govpay.sqlite'))).toBe(true);
    const code = exited(child);
    child.kill('SIGTERM');
    expect(await code).toBe(0);
    expect(logs.join('')).toContain('"msg":"stopped"');
    expect(logs.join('')).toContain('"level":30');
  });

  it('refuses to start with an invalid configuration, naming the variable', async () => {
    const { child, logs } = start({ PORT: 'eighty' });
    expect(await exited(child)).toBe(1);
    expect(logs.join('')).toMatch(/PORT/);
  });
});
