import type { Server } from 'node:http';
import { closeServer, localServer, readBody } from './http';

/**
 * A tiny well-behaved station for the simulator's tests, until the hub's own is there: it
 * answers each SOAPAction with fixed, valid paForNode responses and records every request.
 * A test can take over any answer with `reply`.
 */
export interface StationRequest {
  action: string;
  authorization?: string;
  contentType?: string;
  body: string;
}

export interface StationReply {
  status?: number;
  body: string;
  /** Answer only after this long (to make the simulator time out). */
  delayMs?: number;
}

/** Return undefined to let the well-behaved answer through. */
export type ReplyOverride = (request: StationRequest, index: number) => StationReply | undefined;

export const SAMPLE = {
  fiscalCode: '12345678901',
  noticeNumber: '001340000000000136',
  iuv: '340000000000136',
  iban: 'IT02L1234512345123451111111',
};

const PAF = 'http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd';

export function responseEnvelope(root: string, content: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:paf="${PAF}">` +
    `<soapenv:Header/><soapenv:Body><paf:${root}>${content}</paf:${root}></soapenv:Body></soapenv:Envelope>`
  );
}

export function verifyOk(amount: string): string {
  return responseEnvelope(
    'paVerifyPaymentNoticeRes',
    '<outcome>OK</outcome><paymentList><paymentOptionDescription>' +
      `<amount>${amount}</amount><options>EQ</options><dueDate>2030-12-31</dueDate>` +
      '<detailDescription>Diritti di segreteria</detailDescription><allCCP>false</allCCP>' +
      '</paymentOptionDescription></paymentList><paymentDescription>Diritti di segreteria</paymentDescription>' +
      `<fiscalCodePA>${SAMPLE.fiscalCode}</fiscalCodePA><companyName>Ente Creditore Test</companyName>`,
  );
}

const DEBTOR =
  '<debtor><uniqueIdentifier><entityUniqueIdentifierType>F</entityUniqueIdentifierType>' +
  '<entityUniqueIdentifierValue>RSSMRA30A01H501I</entityUniqueIdentifierValue></uniqueIdentifier>' +
  '<fullName>Mario Rossi &amp; C.</fullName><city>Roma</city><country>IT</country><e-mail>mario.rossi@example.it</e-mail></debtor>';

/** An activation's answer; with `bollo` (V2 only) a second transfer asks for a marca da bollo of 16.00. */
export function getPaymentOk(version: 'V1' | 'V2', amountCents: number, opts: { bollo?: boolean } = {}): string {
  const transfer = (id: number, cents: number, target: string) =>
    `<transfer><idTransfer>${id}</idTransfer><transferAmount>${euro(cents)}</transferAmount>` +
    `<fiscalCodePA>${SAMPLE.fiscalCode}</fiscalCodePA>${version === 'V2' ? '<companyName>Ente Creditore Test</companyName>' : ''}` +
    `${target}<remittanceInformation>/RFB/${SAMPLE.iuv}/${euro(cents)}/TXT/Diritti</remittanceInformation>` +
    '<transferCategory>9/0301109AP</transferCategory>' +
    '<metadata><mapEntry><key>capitolo</key><value>1234</value></mapEntry></metadata></transfer>';
  const transfers = opts.bollo
    ? transfer(1, amountCents - 1600, `<IBAN>${SAMPLE.iban}</IBAN>`) +
      transfer(
        2,
        1600,
        '<richiestaMarcaDaBollo><hashDocumento>cXVlc3RvIOggdW4gaGFzaCBkaSBwcm92YQ==</hashDocumento><tipoBollo>01</tipoBollo><provinciaResidenza>RM</provinciaResidenza></richiestaMarcaDaBollo>',
      )
    : transfer(1, amountCents, `<IBAN>${SAMPLE.iban}</IBAN>`);
  return responseEnvelope(
    version === 'V2' ? 'paGetPaymentV2Response' : 'paGetPaymentRes',
    `<outcome>OK</outcome><data><creditorReferenceId>${SAMPLE.iuv}</creditorReferenceId>` +
      `<paymentAmount>${euro(amountCents)}</paymentAmount><dueDate>2030-12-31</dueDate>` +
      '<description>Diritti di segreteria &lt;ufficio&gt;</description><companyName>Ente Creditore Test</companyName>' +
      `${DEBTOR}<transferList>${transfers}</transferList></data>`,
  );
}

export function sendRTOk(version: 'V1' | 'V2'): string {
  return responseEnvelope(version === 'V2' ? 'paSendRTV2Response' : 'paSendRTRes', '<outcome>OK</outcome>');
}

export function ko(root: string, faultCode: string, faultString = 'Errore'): string {
  return responseEnvelope(
    root,
    `<outcome>KO</outcome><fault><faultCode>${faultCode}</faultCode><faultString>${faultString}</faultString>` +
      `<id>${SAMPLE.fiscalCode}</id><description>${faultCode} dalla stazione di prova</description></fault>`,
  );
}

/** Cents as the test writes them: the station double's own, independent of the simulator's. */
export function euro(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

const ROOT_OF_ACTION: Record<string, string> = {
  paVerifyPaymentNotice: 'paVerifyPaymentNoticeReq',
  paGetPayment: 'paGetPaymentReq',
  paGetPaymentV2: 'paGetPaymentV2Request',
  paSendRT: 'paSendRTReq',
  paSendRTV2: 'paSendRTV2Request',
};

export class StationDouble {
  readonly requests: StationRequest[] = [];
  reply?: ReplyOverride;
  /** The amount verify answers with; activation echoes the amount it is asked for. */
  amountCents = 10099;
  bollo = false;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<StationDouble> {
    const { server, base } = await localServer();
    const station = new StationDouble(server, `${base}/govpay/frontend/api/pagopa/PagamentiTelematiciCCPservice`);
    server.on('request', (req, res) => {
      void readBody(req).then(async (body) => {
        const request: StationRequest = {
          action: String(req.headers.soapaction ?? '').replace(/^"|"$/g, ''),
          authorization: req.headers.authorization,
          contentType: req.headers['content-type'],
          body,
        };
        station.requests.push(request);
        const answer = station.reply?.(request, station.requests.length - 1) ?? station.wellBehaved(request);
        if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
        if (res.destroyed) return;
        res.writeHead(answer.status ?? 200, { 'content-type': 'text/xml; charset=utf-8' }).end(answer.body);
      });
    });
    return station;
  }

  /** The requests of one SOAPAction, in order. */
  calls(action: string): StationRequest[] {
    return this.requests.filter((r) => r.action === action);
  }

  reset(): void {
    this.requests.length = 0;
    this.reply = undefined;
    this.amountCents = 10099;
    this.bollo = false;
  }

  private wellBehaved(request: StationRequest): StationReply {
    if (!request.body.includes(`:${ROOT_OF_ACTION[request.action]}>`)) {
      return { status: 500, body: 'SOAPAction and body element disagree' };
    }
    switch (request.action) {
      case 'paVerifyPaymentNotice':
        return { body: verifyOk(euro(this.amountCents)) };
      case 'paGetPayment':
      case 'paGetPaymentV2': {
        const asked = /<amount>(\d+)\.(\d{2})<\/amount>/.exec(request.body);
        const cents = asked ? Number(asked[1]) * 100 + Number(asked[2]) : this.amountCents;
        return { body: getPaymentOk(request.action === 'paGetPaymentV2' ? 'V2' : 'V1', cents, { bollo: this.bollo }) };
      }
      case 'paSendRT':
        return { body: sendRTOk('V1') };
      case 'paSendRTV2':
        return { body: sendRTOk('V2') };
      default:
        return { status: 500, body: `unknown SOAPAction ${request.action}` };
    }
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }
}
