import { OPERATIONS, type Operation } from '../../pagopa/soap/protocol';
import { readRequest } from '../../pagopa/station/read-request';
import { getPaymentResponse, koResponse, sendRTResponse, verifyResponse } from '../../pagopa/station/responses';
import { XsdValidator } from '../../simulator/xsd/xmllint';
import { VARIATIONS } from '../helpers/station-envelopes';
import { paymentData, VERIFY_RESULT } from '../helpers/station-samples';
import { soapDocument } from '../helpers/soap';
import { OFFICIAL_XSD, STATION_XSD } from '../helpers/xsd';

/**
 * The station against pagoPA's own paForNode.xsd (../shared/reference): every kind of answer it
 * renders is valid, and on a set of requests each breaking one rule of the schema, pagoPA's XSD,
 * the project's own XSD and the station's reading of the request all give the same verdict.
 */
const reference = OFFICIAL_XSD ? new XsdValidator(OFFICIAL_XSD) : undefined;
const own = new XsdValidator(STATION_XSD);


describe("the station and pagoPA's paForNode.xsd", () => {
  it("finds pagoPA's XSD (../shared/reference or $GOVPAY_REFERENCE_DIR)", () => {
    expect(OFFICIAL_XSD).toBeDefined();
  });

  const answers: [string, string][] = [
    ['verify OK', verifyResponse(VERIFY_RESULT)],
    ['getPayment OK', getPaymentResponse('V1', paymentData('V1'))],
    ['getPaymentV2 OK with a marca da bollo', getPaymentResponse('V2', paymentData('V2'))],
    ['sendRT OK', sendRTResponse('paSendRT')],
    ['sendRTV2 OK', sendRTResponse('paSendRTV2')],
    ...(Object.keys(OPERATIONS) as Operation[]).map((op): [string, string] => [
      `${op} KO`,
      koResponse(op, {
        faultCode: 'PAA_PAGAMENTO_SCONOSCIUTO',
        faultString: 'Pagamento sconosciuto',
        id: '12345678901',
        description: 'IUV <x>',
      }),
    ]),
  ];

  it.each(answers)('the station renders a valid %s', async (_name, xml) => {
    expect(await reference!.validate(soapDocument(xml).bodyXml)).toEqual({ verdict: 'valid', messages: [] });
  });

  it.each(VARIATIONS.map((v) => [v.name, v] as const))('agrees with pagoPA on a request: %s', async (_name, v) => {
    const document = soapDocument(v.xml);
    const verdicts = {
      reference: (await reference!.validate(document.bodyXml)).verdict,
      own: (await own.validate(document.bodyXml)).verdict,
      station: readRequest(v.operation, document.root).ok ? 'valid' : 'invalid',
    };
    const expected = v.valid ? 'valid' : 'invalid';
    expect(verdicts).toEqual({ reference: expected, own: expected, station: expected });
  });
});
