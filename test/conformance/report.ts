import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Router } from 'express';
import { startHub, type TestHub } from '../helpers/hub';
import { PROJECT_ROOT, type GovPaySpec, type RecordedReply } from './openapi';

/** What the conformance suites share: the recordings of `npm test`, the failure report, the hub's routes. */

export const RECORD_DIR = process.env.GOVPAY_RECORD_DIR ?? join(PROJECT_ROOT, '.test-output', 'responses');
export const RECORD_DIR_SHOWN = RECORD_DIR.startsWith(`${PROJECT_ROOT}/`) ? relative(PROJECT_ROOT, RECORD_DIR) : RECORD_DIR;
const BODY_LIMIT = 3000;

/** The replies `npm test` recorded for one API (files `<api>-<pid>.jsonl`, one JSON reply a line). */
export function loadRecordings(api: string, dir = RECORD_DIR): { replies: RecordedReply[]; files: string[] } {
  if (!existsSync(dir)) return { replies: [], files: [] };
  const pattern = new RegExp(`^${api}-.*\\.jsonl$`);
  const files = readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort();
  const replies: RecordedReply[] = [];
  for (const f of files) {
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        const r = JSON.parse(line) as Omit<RecordedReply, 'source'>;
        replies.push({ ...r, source: `${f}:${i + 1}` });
      });
  }
  return { replies, files };
}

const show = (body: unknown) => {
  if (typeof body === 'string' && body.startsWith('%PDF-')) return `(PDF, ${body.length} chars)`;
  const text = body === undefined ? '(no body)' : JSON.stringify(body, null, 1).replace(/\n\s*/g, ' ');
  return text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}… (${text.length} chars)` : text;
};

/** Readable report of the non-conforming replies, grouped by identical problems. */
export function report(s: GovPaySpec, replies: RecordedReply[]): string | undefined {
  const groups = new Map<string, { problems: string[]; replies: RecordedReply[] }>();
  for (const r of replies) {
    const { problems } = s.check(r);
    if (problems.length === 0) continue;
    const key = `${r.status}\n${problems.join('\n')}`;
    const g = groups.get(key) ?? { problems, replies: [] };
    g.replies.push(r);
    groups.set(key, g);
  }
  if (groups.size === 0) return undefined;
  const total = [...groups.values()].reduce((n, g) => n + g.replies.length, 0);
  const parts = [...groups.values()].map((g) => {
    const [first, ...others] = g.replies;
    const where = (o: RecordedReply) => (o.path === first.path ? `[${o.source}]` : `${o.method} ${o.path} [${o.source}]`);
    const also = others.length
      ? `\n    (and ${others.length} more with the same problems: ${others.slice(0, 5).map(where).join(', ')}${others.length > 5 ? ', …' : ''})`
      : '';
    return (
      `✗ ${first.method} ${first.path} → ${first.status}   [${first.source}]\n` +
      g.problems.map((p) => `    - ${p}`).join('\n') +
      `\n    body: ${show(first.body)}${also}`
    );
  });
  return `${total} of ${replies.length} replies do not conform to GovPay's OpenAPI:\n\n${parts.join('\n\n')}`;
}

/** The operations an express router serves, as the spec's `METHOD /template`. */
export function routedEndpoints(s: GovPaySpec, router: Router): string[] {
  const stack = (router as unknown as { stack: { route?: { path: string | string[]; methods: Record<string, boolean> } }[] }).stack;
  return stack
    .filter((l) => l.route)
    .flatMap((l) => {
      const paths = Array.isArray(l.route!.path) ? l.route!.path : [l.route!.path];
      return paths.flatMap((path) =>
        Object.keys(l.route!.methods)
          .filter((m) => m !== '_all')
          .map((m) => s.endpointOf(m, path.replace(/:(\w+)/g, (_x, name: string) => `${name}-value`)).endpoint),
      );
    });
}

/** Differences between the operations listed as implemented and those the hub routes. */
export function routingProblems(s: GovPaySpec, implemented: string[], routed: string[]): string[] {
  return [
    ...routed.filter((e) => !implemented.includes(e)).map((e) => `routed by the hub but missing from IMPLEMENTED: ${e}`),
    ...implemented.filter((e) => !routed.includes(e)).map((e) => `in IMPLEMENTED but not routed by the hub: ${e}`),
    ...implemented
      .filter((e) => {
        const [method, template] = e.split(' ');
        return !s.doc.paths[template]?.[method.toLowerCase()];
      })
      .map((e) => `not an operation of GovPay's spec: ${e}`),
  ];
}

/** Operations never exercised, or never with a success. */
export function coverageProblems(implemented: string[], repliesOf: (endpoint: string) => RecordedReply[]): string[] {
  const problems: string[] = [];
  for (const endpoint of implemented) {
    const replies = repliesOf(endpoint);
    if (replies.length === 0) problems.push(`never exercised: ${endpoint}`);
    else if (!replies.some((r) => r.status >= 200 && r.status < 300)) {
      problems.push(`no successful reply for ${endpoint} (statuses: ${[...new Set(replies.map((r) => r.status))].join(', ')})`);
    }
  }
  return problems;
}

/**
 * The replies one suite validates: those `npm test` recorded for the API and those of the suite's
 * own sweep against a fresh hub. Call inside the suite's `describe`: it registers the hub's
 * start and stop, the summary line and the check of the recordings.
 */
export function collectReplies(
  s: GovPaySpec,
  api: string,
  label: string,
  sweep: (baseUrl: string, hub: TestHub) => Promise<RecordedReply[]>,
  /** What the hub under the sweep talks to (a Checkout), started first: its settings for the hub. */
  services?: { start(): Promise<Record<string, string>>; stop(): Promise<void> },
) {
  const recorded = loadRecordings(api);
  let t: TestHub | undefined;
  let swept: RecordedReply[] = [];
  const all = () => [...recorded.replies, ...swept];
  const repliesOf = (endpoint: string) => all().filter((r) => s.endpointOf(r.method, r.path).endpoint === endpoint);

  beforeAll(async () => {
    // The sweep's own replies are collected here, not appended to npm test's recordings.
    delete process.env.GOVPAY_RECORD_DIR;
    t = await startHub(await services?.start());
    swept = await sweep(t.baseUrl, t);
  }, 120000);

  afterAll(async () => {
    await t?.close();
    await services?.stop();
    const failing = all().filter((r) => s.check(r).problems.length > 0).length;
    console.log(
      `${label} conformance (spec ${s.version}): ${all().length} replies validated — ` +
        `${recorded.replies.length} recorded by npm test (${recorded.files.length} files in ${RECORD_DIR_SHOWN}), ` +
        `${swept.length} from the sweep; ${failing} non-conforming.`,
    );
  });

  if (recorded.replies.length > 0) {
    it(`reads the ${recorded.replies.length} replies recorded by npm test (${recorded.files.length} files in ${RECORD_DIR_SHOWN})`, () => {
      for (const r of recorded.replies) {
        expect(typeof r.method).toBe('string');
        expect(typeof r.path).toBe('string');
        expect(typeof r.status).toBe('number');
      }
    });
  } else {
    it(`finds NO replies recorded by npm test in ${RECORD_DIR_SHOWN}: only the sweep is validated (run npm test first to include them)`, () => {
      console.warn(`No ${label} replies recorded by npm test in ${RECORD_DIR} (${api}-*.jsonl): only the suite's own sweep is validated.`);
    });
  }
  return { all, repliesOf };
}
