import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../core/project-root';

/** Runs a compiled script of dist/ (build it first with `ensureBuilt`) as its own process; resolves with its stdout. */
export function runCompiled(script: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const path = join(projectRoot(), 'dist', script);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${script} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}
