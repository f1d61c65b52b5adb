import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../core/project-root';

/** A port free now, for a server started after whoever must know its address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface StandaloneSubgraph {
  /** Its graph endpoint, what the gateway's SUBGRAPH_<NAME>_URL points at. */
  url: string;
  stop(): Promise<void>;
}

/**
 * One subgraph as its own process (`npm run start:subgraph <name>`, compiled: run ensureBuilt
 * first), listening on a free port once it logs that it listens.
 */
export async function startStandaloneSubgraph(name: string, env: Record<string, string>): Promise<StandaloneSubgraph> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(projectRoot(), 'dist', 'subgraphs', 'serve.js'), name], {
    env: { PATH: process.env.PATH ?? '', SUBGRAPHS_PORT: String(port), SUBGRAPHS_HOST: '127.0.0.1', DEMO_SEED: 'false', ...env },
  });
  const logs: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      logs.push(d.toString());
      if (d.toString().includes('subgraph listening')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    child.on('exit', (code) => reject(new Error(`subgraph ${name} exited with ${code}: ${logs.join('')}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/${name}/graphql`,
    stop: () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      return exited;
    },
  };
}
