import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../core/project-root';

/** The compiled hub (`npm run build`): tests that kill a hub process build it with `ensureBuilt` (helpers/build.ts). */
export const COMPILED_MAIN = join(projectRoot(), 'dist', 'gateway', 'main.js');

export interface CompiledHub {
  child: ChildProcess;
  port: number;
}

/**
 * Starts the compiled hub as a child process (a process a test can SIGKILL); `onLog` hears every
 * chunk of its stdout. Resolves with its public port once it listens.
 */
export function startCompiledHub(env: Record<string, string>, onLog: (chunk: string, child: ChildProcess) => void = () => undefined): Promise<CompiledHub> {
  const child = spawn(process.execPath, [COMPILED_MAIN], {
    cwd: mkdtempSync(join(tmpdir(), 'govpay-compiled-')),
    env: { PATH: process.env.PATH ?? '', PORT: '0', SUBGRAPHS_PORT: '0', SIMULATOR_PORT: '0', HOST: '127.0.0.1', ...env },
  });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      logs.push(d.toString());
      const m = /"port":(\d+)/.exec(d.toString());
      if (m) resolve({ child, port: Number(m[1]) });
      onLog(d.toString(), child);
    });
    child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}: ${logs.join('')}`)));
  });
}
