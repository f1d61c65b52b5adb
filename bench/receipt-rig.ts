import { measureBulk } from './bulk';
import type { EnteListener } from './ente-listener';
import { OutboxBacklog } from './outbox-backlog';
import type { ServerProcess } from './processes';
import type { FlowResult, FlowRig } from './receipt-flow';
import { subscribeRicevute } from './ricevute-subscriber';
import { countPaid, receipts, unpaidAvvisi } from './station';
import { StationSender } from './station-sender';

const ID_DOMINIO = '12345678901';

export interface ReceiptRig extends FlowRig {
  /** Receipts acknowledged whose pendenza is not paid (each receipt pays another pendenza, so none may be). */
  lost(result: FlowResult): Promise<number>;
  close(): Promise<void>;
}

/**
 * Sets up a receipts run on hubs sharing one database: `pendenze` new pendenze to pay (loaded
 * through the first hub, tagged so that only they are paid), a sender and one ricevutaRegistrata
 * subscriber per hub, the outbox backlog (counted by the first hub), and the paid count before the run for the audit.
 */
export async function receiptRig(o: { hubs: ServerProcess[]; listener: EnteListener; pendenze: number }): Promise<ReceiptRig> {
  const ports = o.hubs.map((h) => h.ready.port);
  const tag = `RF${Date.now().toString(36)}`;
  const base = `http://127.0.0.1:${ports[0]}`;
  console.log(`bench: loading ${o.pendenze} pendenze for the receipts to pay`);
  await measureBulk(ports[0], o.pendenze, ID_DOMINIO, tag);
  const avvisi = await unpaidAvvisi(base, tag);
  const receipt = await receipts(base, avvisi);
  const paidBefore = await countPaid(base);
  const senders = ports.map((p) => new StationSender(p));
  const subscribers = await Promise.all(ports.map((p) => subscribeRicevute(p, ID_DOMINIO)));
  const backlog = new OutboxBacklog(o.hubs[0]);
  return {
    senders,
    listener: o.listener,
    subscribers,
    backlog,
    receipt,
    available: avvisi.length,
    async lost(result) {
      return Math.max(0, result.acknowledged - ((await countPaid(base)) - paidBefore));
    },
    async close() {
      for (const s of senders) s.close();
      await Promise.all(subscribers.map((s) => s.close()));
    },
  };
}
