import http from 'node:http';
import https from 'node:https';

/**
 * SOAP 1.1 over HTTP(S) to the station, as the Nodo calls it: POST, text/xml, the operation in a
 * quoted SOAPAction, HTTP Basic. Each call has a deadline for the whole exchange, not only for
 * an idle socket, because the Nodo gives up on a slow station after a fixed time.
 */
export interface HttpReply {
  status: number;
  body: string;
}

export class TransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network' | 'aborted',
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Beyond this a reply is not a SOAP answer of the station's: stop reading it. */
const MAX_REPLY_BYTES = 10 * 1024 * 1024;

export class SoapTransport {
  private readonly url: URL;
  private readonly authorization: string;
  private readonly agent: http.Agent;

  constructor(stationUrl: string, auth: { user: string; password: string }) {
    this.url = new URL(stationUrl);
    if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:') throw new Error(`stationUrl must be http(s): ${stationUrl}`);
    this.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.password}`, 'utf8').toString('base64')}`;
    // One connection per call: a kept-alive socket the station has meanwhile closed would fail
    // the next call (ECONNRESET) through no fault of the station's, and the simulator's pace
    // does not need the saving.
    this.agent = this.url.protocol === 'https:' ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  }

  post(action: string, xml: string, timeoutMs: number, signal: AbortSignal): Promise<HttpReply> {
    const payload = Buffer.from(xml, 'utf8');
    const send = this.url.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const req = send(this.url, {
        method: 'POST',
        agent: this.agent,
        signal,
        headers: {
          'content-type': 'text/xml; charset=utf-8',
          'content-length': payload.length,
          soapaction: `"${action}"`,
          authorization: this.authorization,
          accept: 'text/xml',
        },
      });
      const deadline = setTimeout(() => req.destroy(new TransportError('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs);
      const fail = (e: Error) => {
        clearTimeout(deadline);
        if (e instanceof TransportError) reject(e);
        else if (signal.aborted) reject(new TransportError('aborted', 'the simulator is closing'));
        else reject(new TransportError('network', e.message));
      };
      req.on('error', fail);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_REPLY_BYTES) req.destroy(new TransportError('network', `reply larger than ${MAX_REPLY_BYTES} bytes`));
          else chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.end(payload);
    });
  }

  /** Closes any socket still open, so that nothing holds the process open. */
  close(): void {
    this.agent.destroy();
  }
}
