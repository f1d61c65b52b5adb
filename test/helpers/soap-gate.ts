import type { Server } from 'node:http';
import { closeServer, localServer, readBody } from './http';

/**
 * A pass-through between the simulated Nodo and the hub's station that can hold the receipts
 * (paSendRT, paSendRTV2) back until released: it opens, in a payment played end to end, the window
 * between the activation and the receipt in which pagoPA may bring another attempt on the notice.
 */
export interface SoapGate {
  /** Where the simulator's station URL points. */
  url: string;
  /** Receipts waiting now. */
  readonly held: number;
  hold(): void;
  /** Lets every waiting receipt (and any later one) through. */
  release(): void;
  close(): Promise<void>;
}

export async function soapGate(stationUrl: string): Promise<SoapGate> {
  const { server, base }: { server: Server; base: string } = await localServer();
  let gate: Promise<void> | undefined;
  let open: () => void = () => undefined;
  let held = 0;
  server.on('request', async (req, res) => {
    const body = await readBody(req);
    if (gate && /^"?paSendRT/.test(String(req.headers.soapaction))) {
      held++;
      await gate;
      held--;
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'soapaction', 'authorization']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(stationUrl, { method: 'POST', headers, body });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' }).end(await answer.text());
  });
  return {
    url: base,
    get held() {
      return held;
    },
    hold() {
      gate ??= new Promise((resolve) => (open = resolve));
    },
    release() {
      open();
      gate = undefined;
    },
    close: () => closeServer(server),
  };
}
