import { STATION_PATH } from '../../pagopa';
import { CHECKOUT_API_BASE } from '../../simulator';
import { closeServer, localServer } from './http';
import { startHub, type TestHub } from './hub';
import { closeSimulators, simulatorFor } from './simulator';
import { soapGate, type SoapGate } from './soap-gate';
import { STATION_XSD } from './xsd';

/**
 * The browser journeys' setting: a hub whose pagoPA Checkout is the simulator's (a real HTTP
 * server), the simulated Nodo calling the hub's station through a gate that can hold receipts.
 */
export interface CheckoutHub {
  t: TestHub;
  /** The simulator's base URL: its Checkout pages are under /checkout/c/. */
  simBase: string;
  gate: SoapGate;
  close(): Promise<void>;
}

/** `env`: more of the hub's configuration. */
export async function startCheckoutHub(env: Record<string, string> = {}): Promise<CheckoutHub> {
  // The simulator's address is needed to start the hub (its CHECKOUT_URL), the hub's to make the simulator.
  const sim = await localServer();
  const t = await startHub({ CHECKOUT_URL: `${sim.base}${CHECKOUT_API_BASE}`, OUTBOX_POLL_MS: '100', ...env });
  const gate = await soapGate(`${t.baseUrl}${STATION_PATH}`);
  sim.server.on('request', simulatorFor(gate.url, { xsdPath: STATION_XSD }).app);
  return {
    t,
    simBase: sim.base,
    gate,
    close: async () => {
      await closeSimulators();
      await closeServer(sim.server);
      await gate.close();
      await t.close();
    },
  };
}
