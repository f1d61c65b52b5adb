import type { LoadRequest } from './load';

/** One measured request kind of `npm run bench`. */
export interface Scenario {
  id: string;
  label: string;
  request: LoadRequest;
  /** The scenario this one is compared with, when not the subgraph's primary-key query. */
  baseline?: string;
  /** A first request's answer (parsed JSON when it is JSON, and its text) must pass this before the scenario is measured. */
  check(body: unknown, text: string): boolean;
}

/** One request before any load: a benchmark of error responses is worthless. */
export async function checkScenario(s: Scenario): Promise<void> {
  const res = await fetch(s.request.url, { method: s.request.method, headers: s.request.headers, body: s.request.body });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!res.ok || !s.check(body, text)) throw new Error(`bench: ${s.label} answered ${res.status}: ${text.slice(0, 500)}`);
}
