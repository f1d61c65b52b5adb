import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { BenchRequest, Ready, Role } from './servers';

/** A forked bench server (see servers.ts) and how to stop it. */
export interface ServerProcess {
  role: Role;
  ready: Ready;
  /** Asks the server something (see servers.ts) and waits for its reply. */
  ask(request: BenchRequest): Promise<unknown>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Forks `dist/bench/servers.js <role>` (or `script`, another build's) with `env` and waits for its ready message.
 * BENCH_CPU_PROF=<role>[,<role>] writes a V8 CPU profile of those roles to BENCH_CPU_PROF_DIR (default ./bench-profiles).
 */
export function startServer(role: Role, env: Record<string, string>, script = join(__dirname, 'servers.js')): Promise<ServerProcess> {
  const profiled = (process.env.BENCH_CPU_PROF ?? '').split(',').includes(role);
  const execArgv = profiled
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR ?? 'bench-profiles'}`,
        `--cpu-prof-name=${role}-${Date.now()}.cpuprofile`,
      ]
    : [];
  const child: ChildProcess = fork(script, [role], {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bench server ${role} did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`bench server ${role} exited with code ${code} before it was ready`));
    };
    child.once('exit', onExit);
    child.once('message', (message) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ role, ready: message as Ready, ask: (request) => ask(child, request), stop: () => stop(child) });
    });
  });
}

let asked = 0;

function ask(child: ChildProcess, request: BenchRequest): Promise<unknown> {
  const id = ++asked;
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      const m = message as { id?: number; reply?: unknown };
      if (m.id !== id) return;
      child.off('message', onMessage);
      resolve(m.reply);
    };
    child.on('message', onMessage);
    child.send({ id, request });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.send('close');
    else child.kill('SIGTERM');
  });
}
