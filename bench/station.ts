import { randomBytes } from 'node:crypto';
import { DEMO_DEFAULTS } from '../simulator';
import { parseSoap } from '../pagopa/soap/parse';
import { readPaymentData } from '../simulator/soap/read';
import { buildReceipt } from '../simulator/soap/receipt';
import { getPaymentRequest, sendRTRequest, verifyRequest } from '../pagopa/soap/requests';
import type { PaymentData, QrCode } from '../simulator/soap/types';
import { STATION_PATH } from '../pagopa';
import { iuvFromNumeroAvviso } from '../subgraphs/pendenze/services';
import { measureBulk } from './bulk';
import type { Scenario } from './scenario';
import { DEMO_AUTHORIZATION as ADMIN } from './servers';

const ID_DOMINIO = '12345678901';
const NODO = `Basic ${Buffer.from('ndpsym:Password1!').toString('base64')}`;
const IDS = { idPA: ID_DOMINIO, idBrokerPA: DEMO_DEFAULTS.idBrokerPA, idStation: DEMO_DEFAULTS.idStation };
const OK = '<outcome>OK</outcome>';

export interface StationBench {
  scenarios: Scenario[];
  /** The avviso verify reads (never paid by the run). */
  verified: string;
  /** After the run: every receipt the station acknowledged must be stored and its pendenza paid. */
  audit(): Promise<string>;
}

export const STATION_HEADERS = (action: string) => ({
  'content-type': 'text/xml; charset=utf-8',
  soapaction: `"${action}"`,
  authorization: NODO,
});
export const RECEIPT_OK = OK;

/**
 * The station straight from the Nodo's side: paVerifyPaymentNotice of one notice (repeatable,
 * no side effects) and paSendRTV2, each request the receipt of another pendenza loaded for the
 * purpose, as the Nodo delivers them after PSPs' payments.
 */
export async function stationScenarios(port: number, pendenze: number): Promise<StationBench> {
  const base = `http://127.0.0.1:${port}`;
  console.log(`bench: loading ${pendenze} pendenze to pay`);
  await measureBulk(port, pendenze, ID_DOMINIO);
  const avvisi = await unpaidAvvisi(base);
  // Verified throughout the run, so never paid by it.
  const verified = avvisi.pop()!;
  const url = `${base}${STATION_PATH}`;
  const receiptFor = await receipts(base, avvisi);

  let next = 0;
  let acknowledged = 0;
  const ok = (_: unknown, text: string) => text.includes(OK);
  return {
    verified,
    scenarios: [
      {
        id: 'pa-verify',
        label: 'paVerifyPaymentNotice at the station',
        baseline: 'pa-verify',
        request: {
          url,
          method: 'POST',
          headers: STATION_HEADERS('paVerifyPaymentNotice'),
          body: verifyRequest(IDS, { fiscalCode: ID_DOMINIO, noticeNumber: verified }),
        },
        check: ok,
      },
      {
        id: 'pa-send-rt',
        label: 'paSendRTV2 at the station (a new receipt each)',
        baseline: 'pa-verify',
        request: {
          url,
          method: 'POST',
          headers: STATION_HEADERS('paSendRTV2'),
          body: receiptFor(next++).body,
          vary: () => ({ body: receiptFor(next++).body }),
          inspect: (status, body) => {
            if (status === 200 && body.includes(OK)) acknowledged += 1;
          },
        },
        check: ok,
      },
    ],
    async audit() {
      const paid = await countPaid(base);
      const distinct = Math.min(next, avvisi.length);
      const lost = Math.max(0, Math.min(acknowledged, distinct) - paid);
      return `receipts: ${next} built, ${acknowledged} acknowledged OK, ${paid} pendenze paid: ${lost} lost`;
    },
  };
}

/** One paSendRTV2 body and the receipt's key as the Ente's notification names it (`idDominio:iuv:idRicevuta`). */
export interface BuiltReceipt {
  body: string;
  key: string;
}

/**
 * The receipt of the i-th of `avvisi` (cycled), each with a new payment token: one activation of
 * the first avviso gives the payment data every receipt copies (the pendenze differ only in their IUV).
 */
export async function receipts(base: string, avvisi: string[]): Promise<(i: number) => BuiltReceipt> {
  const template = await activation(`${base}${STATION_PATH}`, STATION_HEADERS('paGetPaymentV2'), avvisi[0]);
  return (i: number) => {
    const numero = avvisi[i % avvisi.length];
    const iuv = iuvFromNumeroAvviso(numero);
    const data: PaymentData = {
      ...template,
      creditorReferenceId: iuv,
      transfers: template.transfers.map((t) => ({
        ...t,
        remittanceInformation: t.remittanceInformation.replace(template.creditorReferenceId, iuv),
      })),
    };
    const qr: QrCode = { fiscalCode: ID_DOMINIO, noticeNumber: numero };
    const paymentToken = randomBytes(16).toString('hex');
    const receipt = buildReceipt({ paymentToken, qr, activation: data, psp: DEMO_DEFAULTS, paidAt: new Date(), standIn: false });
    return { body: sendRTRequest('V2', IDS, receipt), key: `${ID_DOMINIO}:${iuv}:${paymentToken}` };
  };
}

async function graph<T>(base: string, query: string): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: ADMIN },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`bench: graph query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The numeri avviso of the demo dominio's unpaid pendenze (only those whose causale contains `tag`, when given). */
export async function unpaidAvvisi(base: string, tag?: string): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  do {
    const cursor: string = after ? `, after: ${JSON.stringify(after)}` : '';
    const page: {
      pendenze: { nodes: Array<{ numeroAvviso: string | null }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } = await graph(
      base,
      `{ pendenze(filter: { idDominio: "${ID_DOMINIO}", stato: "NON_ESEGUITA"${tag ? `, causale: ${JSON.stringify(tag)}` : ''} }, first: 100, withCount: false${cursor}) { nodes { numeroAvviso } pageInfo { hasNextPage endCursor } } }`,
    );
    out.push(...page.pendenze.nodes.flatMap((n) => (n.numeroAvviso ? [n.numeroAvviso] : [])));
    after = page.pendenze.pageInfo.hasNextPage ? page.pendenze.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/** The demo dominio's paid pendenze. */
export async function countPaid(base: string): Promise<number> {
  const data = await graph<{ pendenze: { totalCount: number } }>(
    base,
    `{ pendenze(filter: { idDominio: "${ID_DOMINIO}", stato: "ESEGUITA" }, first: 0) { totalCount } }`,
  );
  return data.pendenze.totalCount;
}

/** One activation, whose answer every receipt of the run copies (the pendenze differ only in their IUV). */
async function activation(url: string, headers: Record<string, string>, numeroAvviso: string): Promise<PaymentData> {
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: getPaymentRequest('V2', IDS, { fiscalCode: ID_DOMINIO, noticeNumber: numeroAvviso }, {}),
  });
  const text = await res.text();
  const parsed = parseSoap(text);
  if (!parsed.ok) throw new Error(`bench: paGetPaymentV2 answered ${res.status}: ${text.slice(0, 300)}`);
  const data = readPaymentData(parsed.document.root);
  if (!data.value) throw new Error(`bench: paGetPaymentV2 answered ${text.slice(0, 500)} (${data.problems.join('; ')})`);
  return data.value;
}
