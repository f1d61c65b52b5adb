import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../../core/project-root';
import { until } from './until';

/**
 * Tests that run the compiled hub (`dist/`) build it when it is missing or older than its sources,
 * instead of skipping. One jest worker builds at a time: the others wait on a lock directory
 * (mkdir is atomic) and then find the build fresh.
 */
const root = projectRoot();
const LOCK = join(root, '.test-output', 'build.lock');
const OWNER = join(LOCK, 'pid');

/** Long enough for tsc on a loaded two-core machine; use it as the timeout of the hook that builds. */
export const BUILD_TIMEOUT_MS = 300_000;

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The sources (tsconfig's `include`) whose compiled file is missing or older than they are. */
export function staleSources(): string[] {
  const include: string[] = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).include;
  return include
    .flatMap((dir) => sources(join(root, dir)))
    .filter((source) => {
      const compiled = join(root, 'dist', relative(root, source)).replace(/\.ts$/, '.js');
      return !existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs;
    });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock, or returns false when a live process holds it; clears a lock its dead holder left. */
function tryLock(): boolean {
  mkdirSync(join(root, '.test-output'), { recursive: true });
  try {
    mkdirSync(LOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const holder = Number(existsSync(OWNER) ? readFileSync(OWNER, 'utf8') : NaN);
    if (Number.isInteger(holder) && !alive(holder)) {
      // Renamed before removal so that only one waiter clears it.
      const trash = `${LOCK}.dead-${process.pid}`;
      try {
        renameSync(LOCK, trash);
        rmSync(trash, { recursive: true, force: true });
      } catch {
        /* another waiter cleared it first */
      }
    }
    return false;
  }
  writeFileSync(OWNER, String(process.pid));
  return true;
}

function tsc(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, maxBuffer: 64 << 20 }, (error, stdout) => {
      if (error) reject(new Error(`building dist/ for the tests failed (tsc -p tsconfig.json):\n${stdout}`));
      else resolve();
    });
  });
}

/** Builds `dist/` (tsc) when any compiled file is missing or stale; waits while another worker builds. */
export async function ensureBuilt(): Promise<void> {
  if (staleSources().length === 0) return;
  await until('the lock on building dist/', () => tryLock(), BUILD_TIMEOUT_MS, 200);
  try {
    if (staleSources().length > 0) await tsc();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
