import { parseSoap } from '../../pagopa/soap/parse';
import { XsdValidator } from '../../simulator/xsd/xmllint';
import { OFFICIAL_XSD } from '../helpers/xsd';
import { loadRecordings, RECORD_DIR_SHOWN } from './report';

/**
 * Every SOAP exchange of `npm test`'s end-to-end payments (the simulator calling the hub's real
 * station, recorded as station-*.jsonl) against pagoPA's own paForNode.xsd: each request the Nodo
 * sent and each answer the station gave, body element validated with `xmllint --schema`.
 */
const reference = OFFICIAL_XSD ? new XsdValidator(OFFICIAL_XSD) : undefined;

interface Exchange {
  request: string;
  response?: string;
}

describe("the station's recorded exchanges and pagoPA's paForNode.xsd", () => {
  const { replies, files } = loadRecordings('station');

  it("finds pagoPA's XSD (../shared/reference or $GOVPAY_REFERENCE_DIR)", () => {
    expect(reference).toBeDefined();
  });

  it(`finds the exchanges npm test recorded (station-*.jsonl in ${RECORD_DIR_SHOWN}; run npm test first)`, () => {
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(replies.filter((r) => r.status === 200).map((r) => r.path))).toEqual(
      new Set(['paVerifyPaymentNotice', 'paGetPayment', 'paGetPaymentV2', 'paSendRT', 'paSendRTV2']),
    );
  });

  it('every request and every answer of status 200 is valid', async () => {
    const problems: string[] = [];
    for (const r of replies) {
      const { request, response } = r.body as Exchange;
      const documents = [['request', request] as const, ...(r.status === 200 && response ? [['answer', response] as const] : [])];
      for (const [what, xml] of documents) {
        const parsed = parseSoap(xml);
        if (!parsed.ok) {
          problems.push(`${r.path} ${what} [${r.source}]: ${parsed.error}`);
          continue;
        }
        const verdict = await reference!.validate(parsed.document.bodyXml);
        if (verdict.verdict !== 'valid') problems.push(`${r.path} ${what} [${r.source}]: ${verdict.messages.join('; ')}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
