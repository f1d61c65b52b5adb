import { performance } from 'node:perf_hooks';
import type { EnteListener } from './ente-listener';
import { percentile } from './load';
import type { OutboxBacklog } from './outbox-backlog';
import type { RicevuteSubscriber } from './ricevute-subscriber';
import type { BuiltReceipt } from './station';
import type { StationSender } from './station-sender';

/**
 * Receipts end to end: a receipt is done when the station acknowledged it, the Ente's system was
 * notified (the bench's EnteListener) and its event reached the subscribers (ricevutaRegistrata),
 * all through the outbox. A receipt the station is too busy for is sent again later, as the Nodo
 * would (station-sender.ts). After the last answer, the run follows the outbox's backlog until it is empty, or
 * DRAIN_LIMIT_S after it.
 */
export interface FlowResult {
  /** Receipts sent, acknowledged (outcome OK) and not. */
  sent: number;
  acknowledged: number;
  errors: number;
  /** Answers "busy, retry" (the station's admission) before the receipts were acknowledged; each was sent again later. */
  refusals: number;
  /** From the first receipt sent to the last answer, in s. */
  seconds: number;
  rps: number;
  /** Acknowledgement latency, in ms (open loop: from when the receipt was due, so a late sender counts). */
  p50: number;
  p99: number;
  /** Of the acknowledged receipts: notified at least once, notified more than once. */
  notified: number;
  duplicated: number;
  /** Of the acknowledged receipts, seen by each subscriber (in the order of `subscribers`). */
  published: number[];
  /** Jobs the receipts enqueued (outbox rows after the mark, bulk lane aside), and those that failed at least once. */
  jobs: number;
  retried: number;
  /** One of the failed jobs' errors. */
  error?: string;
  backlog: BacklogCurve;
}

export interface BacklogCurve {
  /** Jobs not done, once a second from the start of sending. */
  samples: number[];
  max: number;
  /** Jobs not done 1, 5 and 10 s after the last answer (undefined: not sampled, it was empty before). */
  after: { 1?: number; 5?: number; 10?: number };
  /** From the last answer to an empty backlog, in s; undefined if it was not empty within DRAIN_LIMIT_S. */
  drainSeconds?: number;
}

export const DRAIN_LIMIT_S = 30;

/** What both receipt runs share: the hub(s), the listener playing the Ente, the subscribers and the backlog. */
export interface FlowRig {
  senders: StationSender[];
  listener: EnteListener;
  subscribers: RicevuteSubscriber[];
  backlog: OutboxBacklog;
  /** The i-th receipt (never the same pendenza twice within `available`). */
  receipt: (i: number) => BuiltReceipt;
  available: number;
}

/** Open loop: `rate` receipts a second for `seconds`, spread over the senders, whatever their answers take. */
export async function openLoop(rig: FlowRig, rate: number, seconds: number): Promise<FlowResult> {
  const total = Math.min(Math.round(rate * seconds), rig.available);
  const collect = collector();
  await rig.backlog.mark();
  const curve = sampler(rig.backlog);
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  await new Promise<void>((resolve) => {
    let sent = 0;
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      for (; sent < due; sent++) {
        const dueAt = started + (sent / rate) * 1000;
        const r = rig.receipt(sent);
        inFlight.push(
          rig.senders[sent % rig.senders.length]
            .deliver(r.body)
            .then((a) => collect.add(r.key, a.ok, performance.now() - dueAt, a.refusals)),
        );
      }
      if (sent >= total) return resolve();
      setTimeout(tick, 5);
    };
    tick();
  });
  await Promise.all(inFlight);
  const lastAnswer = performance.now();
  return collect.result(rig, (lastAnswer - started) / 1000, await curve.follow(lastAnswer));
}

/** Closed loop: `connections` senders each sending its next receipt when the last was answered, connection i to sender i mod n. */
export async function closedLoop(rig: FlowRig, connections: number, seconds: number): Promise<FlowResult> {
  const collect = collector();
  await rig.backlog.mark();
  const curve = sampler(rig.backlog);
  const started = performance.now();
  const end = started + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      while (performance.now() < end && next < rig.available) {
        const r = rig.receipt(next++);
        const a = await rig.senders[c % rig.senders.length].deliver(r.body);
        collect.add(r.key, a.ok, a.ms, a.refusals);
      }
    }),
  );
  const endedSending = performance.now();
  return collect.result(rig, (endedSending - started) / 1000, await curve.follow(endedSending));
}

function collector() {
  const acknowledged: string[] = [];
  const latencies: number[] = [];
  let errors = 0;
  let refusals = 0;
  return {
    add(key: string, ok: boolean, ms: number, refused: number) {
      refusals += refused;
      if (!ok) {
        errors += 1;
        return;
      }
      acknowledged.push(key);
      latencies.push(ms);
    },
    async result(rig: FlowRig, seconds: number, backlog: BacklogCurve): Promise<FlowResult> {
      latencies.sort((a, b) => a - b);
      if (backlog.drainSeconds !== undefined) await heard(rig.subscribers, acknowledged, 5000);
      const { delivered, duplicated } = rig.listener.count(acknowledged);
      return {
        sent: acknowledged.length + errors,
        acknowledged: acknowledged.length,
        errors,
        refusals,
        seconds,
        rps: acknowledged.length / seconds,
        p50: percentile(latencies, 0.5),
        p99: percentile(latencies, 0.99),
        notified: delivered,
        duplicated,
        published: rig.subscribers.map((s) => acknowledged.filter((k) => s.keys.has(k)).length),
        ...(await rig.backlog.enqueued().then(({ total, retried, error }) => ({ jobs: total, retried, error }))),
        backlog,
      };
    },
  };
}

/** Samples the backlog once a second while sending; follow() then samples every 250 ms until it is empty or DRAIN_LIMIT_S passed. */
function sampler(backlog: OutboxBacklog) {
  const samples: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      samples.push(await backlog.count());
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  return {
    async follow(lastAnswer: number): Promise<BacklogCurve> {
      stopped = true;
      await loop;
      const after: BacklogCurve['after'] = {};
      let max = Math.max(0, ...samples);
      for (;;) {
        const n = await backlog.count();
        const since = (performance.now() - lastAnswer) / 1000;
        max = Math.max(max, n);
        for (const s of [1, 5, 10] as const) if (since >= s && after[s] === undefined) after[s] = n;
        if (n === 0) return { samples, max, after, drainSeconds: since };
        if (since > DRAIN_LIMIT_S) return { samples, max, after };
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}

/** Events reach subscribers after their job is done (the gateway reads each through the graph): waits until each subscriber heard of every key, or `ms`. */
async function heard(subscribers: RicevuteSubscriber[], keys: string[], ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline && !subscribers.every((s) => keys.every((k) => s.keys.has(k)))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
