import 'reflect-metadata';
import { XMLParser } from 'fast-xml-parser';
import { performance } from 'node:perf_hooks';
import { createClientAsync } from 'soap';
import { createLogger } from '../core/logger';
import { leggiFlussoRiversamento } from '../pagopa/rendicontazione/flusso-riversamento';
import { NODE_FOR_PA_WSDL } from '../pagopa/rendicontazione/nodo-client';
import { createSimulator } from '../simulator';

/**
 * `npm run build && node dist/bench/nodo-client.js`: nodoChiediFlussoRendicontazione for a flow of
 * BENCH_FLOW_PAYMENTS (10,000) payments from the simulator, fetched by the hub's `soap` client
 * (generated from pagopa/wsdl/nodeForPa.wsdl) and by a minimal hand-written call (fetch + one
 * fast-xml-parser pass over the envelope), which exists only here, as the baseline the choice of
 * the soap client was measured against. Each: median and p90 of BENCH_ROUNDS (15) calls after
 * 3 warm-up calls, base64 decoded to the FlussoRiversamento text; then reading that flow (the same
 * for both) for scale.
 */
const PAYMENTS = Number(process.env.BENCH_FLOW_PAYMENTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const NS = 'http://ws.pagamenti.telematici.gov/';
const CREDENTIALS = {
  identificativoIntermediarioPA: '11111111113',
  identificativoStazioneIntermediarioPA: '11111111113_01',
  password: 'Password1!',
  identificativoDominio: '12345678901',
};

async function timed(label: string, call: () => Promise<string>): Promise<{ label: string; median: number; p90: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < 3; i++) bytes = (await call()).length;
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], bytes };
}

async function main(): Promise<void> {
  const sim = createSimulator({
    stationUrl: 'http://127.0.0.1:9/station',
    nodoAuth: { user: 'ndpsym', password: CREDENTIALS.password },
    logger: createLogger('silent'),
  });
  const port = await sim.listen(0);
  const url = `http://127.0.0.1:${port}/nodo/nodeForPa`;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/flows`, {
      method: 'POST',
      // Not kept alive (nor the hand-written calls'): a parse that blocks the loop for seconds lets the
      // server's keep-alive timer close the idle connection under the next request (ECONNRESET).
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ idDominio: CREDENTIALS.identificativoDominio, synthetic: PAYMENTS }),
    });
    const { identificativoFlusso } = (await res.json()) as { identificativoFlusso: string };
    const args = { ...CREDENTIALS, identificativoFlusso };

    const client = await createClientAsync(NODE_FOR_PA_WSDL, { endpoint: url, customDeserializer: { dateTime: (t: string) => t } });
    const viaSoap = () =>
      client
        .nodoChiediFlussoRendicontazioneAsync(args)
        .then(([r]: [{ xmlRendicontazione: string }]) => Buffer.from(r.xmlRendicontazione, 'base64').toString('utf8'));

    const parser = new XMLParser({ removeNSPrefix: true, processEntities: false, parseTagValue: false });
    const body = Object.entries(args)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('');
    const envelope = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:nfpa="${NS}"><soapenv:Body><nfpa:nodoChiediFlussoRendicontazione>${body}</nfpa:nodoChiediFlussoRendicontazione></soapenv:Body></soapenv:Envelope>`;
    const viaFetch = async () => {
      const r = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"nodoChiediFlussoRendicontazione"', connection: 'close' },
        body: envelope,
      });
      const doc = parser.parse(await r.text()) as {
        Envelope: { Body: { nodoChiediFlussoRendicontazioneRisposta: { xmlRendicontazione: string } } };
      };
      return Buffer.from(doc.Envelope.Body.nodoChiediFlussoRendicontazioneRisposta.xmlRendicontazione, 'base64').toString('utf8');
    };

    const rows = [
      await timed('soap client (generated from the WSDL)', viaSoap),
      await timed('fetch + fast-xml-parser (hand-written)', viaFetch),
    ];
    const xml = await viaSoap();
    const read = await timed('reading the FlussoRiversamento (fast-xml-parser + zod)', async () => {
      const r = leggiFlussoRiversamento(xml);
      if (!r.ok) throw new Error(r.errori.join('; '));
      return xml;
    });
    console.log(
      `nodoChiediFlussoRendicontazione, a flow of ${PAYMENTS} payments (${(rows[0].bytes / 1e6).toFixed(2)} MB of XML), ${ROUNDS} rounds:`,
    );
    console.log('| call | median ms | p90 ms |\n| --- | ---: | ---: |');
    for (const r of [...rows, read]) console.log(`| ${r.label} | ${r.median.toFixed(1)} | ${r.p90.toFixed(1)} |`);
  } finally {
    await sim.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
