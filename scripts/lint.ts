import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../core/project-root';
import { regExpProblems } from './regexp-lint';

/**
 * The project's own rules that the type-checker cannot see, over the application's sources
 * (tests, benchmarks and scripts are exempt where noted):
 *  - the environment is read in one place, core/config.ts;
 *  - logs go through pino, not console.log/info/debug;
 *  - no `debugger`, no `.only` left in tests, no TODO/FIXME markers;
 *  - every regular expression of the application and the scripts is safe from catastrophic
 *    backtracking (scripts/regexp-lint.ts).
 */
const APP_DIRS = ['core', 'gateway', 'subgraphs', 'rest-compat', 'schema', 'migrations', 'pagopa', 'simulator'];
const ALL_DIRS = [...APP_DIRS, 'test', 'bench', 'scripts'];
const PATTERN_DIRS = [...APP_DIRS, 'scripts'];
const CONFIG_FILE = join('core', 'config.ts');

interface Rule {
  name: string;
  pattern: RegExp;
  applies: (file: string) => boolean;
}

const inApp = (file: string) => APP_DIRS.some((d) => file.startsWith(`${d}/`));
const RULES: Rule[] = [
  { name: 'process.env read outside the config module', pattern: /process\.env\b/, applies: (f) => inApp(f) && f !== CONFIG_FILE },
  { name: 'console logging instead of pino', pattern: /console\.(log|info|debug)\(/, applies: inApp },
  { name: 'debugger statement', pattern: /^\s*debugger;?\s*$/, applies: () => true },
  { name: 'focused test', pattern: /\b(it|describe|test)\.only\(/, applies: (f) => f.startsWith('test/') },
  { name: 'TODO/FIXME marker', pattern: /(\/\/|\/\*|^\s*\*).*\b(TODO|FIXME)\b/, applies: () => true },
];

function files(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(files(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const root = projectRoot();
const problems: string[] = [];
let checked = 0;
for (const dir of ALL_DIRS) {
  let found: string[];
  try {
    found = files(join(root, dir));
  } catch {
    continue;
  }
  for (const path of found) {
    const file = relative(root, path);
    if (file === join('scripts', 'lint.ts')) continue;
    checked += 1;
    const text = readFileSync(path, 'utf8');
    if (PATTERN_DIRS.some((d) => file.startsWith(`${d}/`))) {
      for (const p of regExpProblems(file, text)) problems.push(`${file}:${p.line}: unsafe regular expression: ${p.problem}`);
    }
    text
      .split('\n')
      .forEach((line, i) => {
        for (const rule of RULES) {
          if (rule.applies(file) && rule.pattern.test(line)) problems.push(`${file}:${i + 1}: ${rule.name}: ${line.trim()}`);
        }
      });
  }
}
if (problems.length) {
  console.error(`lint: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`lint: ${checked} files clean`);
