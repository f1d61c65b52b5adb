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
