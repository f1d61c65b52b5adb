// Reads the jest JSON reports in a directory (one per database) and prints the suite's closing
// line, `N passed, N failed, N skipped`, which CI reads. A test file that could not run counts as
// one failure; a skipped or todo test whose title lacks `[skipped because …]` (test/helpers/skip.ts)
// is listed and fails the suite. Exit status: 0 only when nothing failed and every skip says why.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

interface Report {
  numTotalTests: number;
  testResults: {
    name: string;
    status: string;
    startTime: number;
    endTime: number;
    assertionResults: { status: string; fullName: string }[];
  }[];
}

const MARK = '[skipped because ';

/** Whether a title carries `[skipped because <reason>]` with a non-empty reason. */
function declaresReason(title: string): boolean {
  const start = title.indexOf(MARK);
  if (start < 0) return false;
  const end = title.indexOf(']', start);
  return end > start + MARK.length && title.slice(start + MARK.length, end).trim() !== '';
}
const SKIPPED = new Set(['pending', 'skipped', 'todo', 'disabled']);
const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
const undeclared: string[] = [];
const declared: string[] = [];
/** Each file's wall time per database, so that a run shows where CI's minutes go. */
const durations: { where: string; seconds: number }[] = [];

for (const file of readdirSync(dir).sort()) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Report;
  const db = basename(file, '.json');
  if (!report.numTotalTests) failed += 1;
  for (const suite of report.testResults) {
    const where = `${db}: ${relative(process.cwd(), suite.name)}`;
    const results = suite.assertionResults;
    durations.push({ where, seconds: (suite.endTime - suite.startTime) / 1000 });
    if (suite.status === 'failed' && !results.some((r) => r.status === 'failed')) failed += 1;
    for (const r of results) {
      if (r.status === 'passed') passed += 1;
      else if (r.status === 'failed') failed += 1;
      else if (SKIPPED.has(r.status)) {
        skipped += 1;
        (declaresReason(r.fullName) ? declared : undeclared).push(`${where}: ${r.fullName}`);
      }
    }
  }
}

const slowest = durations.sort((a, b) => b.seconds - a.seconds).slice(0, 12);
console.log(`slowest test files:\n  ${slowest.map((d) => `${d.seconds.toFixed(1)} s  ${d.where}`).join('\n  ')}`);
if (declared.length) console.log(`skipped, with their reasons:\n  ${declared.join('\n  ')}`);
if (undeclared.length) {
  console.log(`skipped without a declared reason (use describeIf/itIf from test/helpers/skip.ts):\n  ${undeclared.join('\n  ')}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed || undeclared.length ? 1 : 0;
