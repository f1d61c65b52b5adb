import { formatAmount, parseDecimalAmount, parseSoapAmount } from '../pagopa/soap/amount';
import { parseSoap } from '../pagopa/soap/parse';
import { readPaymentData, readResponse } from '../simulator/soap/read';
import { buildReceipt } from '../simulator/soap/receipt';
import { getPaymentRequest, sendRTRequest, verifyRequest } from '../pagopa/soap/requests';
import { escapeXml } from '../pagopa/soap/xml';
import { XsdValidator } from '../simulator/xsd/xmllint';
import { getPaymentOk, ko, responseEnvelope, SAMPLE, verifyOk } from './helpers/station-double';
import { soapDocument } from './helpers/soap';
import { itIf } from './helpers/skip';
import { NO_OFFICIAL_XSD, OFFICIAL_XSD, TEST_XSD } from './helpers/xsd';

const IDS = { idPA: SAMPLE.fiscalCode, idBrokerPA: '11111111113', idStation: '11111111113_01' };
const QR = { fiscalCode: SAMPLE.fiscalCode, noticeNumber: SAMPLE.noticeNumber };

describe('simulator: amounts', () => {
  it('writes integer cents as pagoPA amounts, to the cent', () => {
    expect(formatAmount(10099)).toBe('100.99');
    expect(formatAmount(1)).toBe('0.01');
    expect(formatAmount(99_999_999_999)).toBe('999999999.99');
    expect(formatAmount(1000)).toBe('10.00');
    expect(formatAmount(0)).toBe('0.00');
    for (const bad of [1.5, -1, 100_000_000_000, Number.NaN]) expect(() => formatAmount(bad)).toThrow(RangeError);
  });

  it('reads only two-decimal amounts from the station, and people amounts with at most two decimals', () => {
    expect(parseSoapAmount('100.99')).toBe(10099);
    expect(parseSoapAmount(' 0.01 ')).toBe(1);
    expect(parseSoapAmount('999999999.99')).toBe(99_999_999_999);
    for (const bad of ['10', '10.0', '1.234', '-1.00', '1e3', '1000000000.00', '']) expect(parseSoapAmount(bad)).toBeUndefined();
    expect(parseDecimalAmount('100')).toBe(10000);
    expect(parseDecimalAmount('100.9')).toBe(10090);
    expect(parseDecimalAmount('0.01')).toBe(1);
    expect(parseDecimalAmount('1.234')).toBeUndefined();
  });
});

describe('simulator: XML', () => {
  it('escapes text and refuses characters XML cannot carry', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(() => escapeXml('a\u0001b')).toThrow(/control character/);
  });

  it('qualifies only the body root of a request', () => {
    const xml = verifyRequest(IDS, QR);
    expect(xml).toContain('<pafn:paVerifyPaymentNoticeReq><idPA>12345678901</idPA>');
    expect(xml).toContain(
      `<qrCode><fiscalCode>${SAMPLE.fiscalCode}</fiscalCode><noticeNumber>${SAMPLE.noticeNumber}</noticeNumber></qrCode>`,
    );
    expect(getPaymentRequest('V1', IDS, QR, { amountCents: 1 })).toContain('<pafn:paGetPaymentReq>');
    expect(getPaymentRequest('V2', IDS, QR, { amountCents: 1 })).toMatch(/<pafn:paGetPaymentV2Request>.*<amount>0\.01<\/amount>/);
  });

  it('refuses a response with a DOCTYPE and never expands entities', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>${verifyOk('1.00').replace(/^<\?xml[^>]*>/, '')}`;
    expect(parseSoap(laughs)).toEqual({ ok: false, error: expect.stringMatching(/DOCTYPE/) });
    const external = verifyOk('1.00').replace('Diritti di segreteria</paymentDescription>', '&xxe;</paymentDescription>');
    expect(parseSoap(external)).toEqual({ ok: false, error: expect.stringMatching(/undefined entity reference &xxe;/) });
  });

  it('says why an answer is not SOAP', () => {
    expect(parseSoap('')).toMatchObject({ ok: false, error: 'empty body' });
    expect(parseSoap('<a><b></a>')).toMatchObject({ ok: false, error: expect.stringMatching(/not well-formed/) });
    expect(parseSoap('<html><body>Bad gateway</body></html>')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a SOAP 1.1 envelope/),
    });
    const soap12 = '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><x/></e:Body></e:Envelope>';
    expect(parseSoap(soap12)).toMatchObject({ ok: false, error: expect.stringMatching(/not a SOAP 1.1 envelope/) });
  });

  it('decodes escapes, character references and CDATA, and keeps the body root standalone with its namespace', () => {
    const xml = responseEnvelope(
      'paSendRTRes',
      '<outcome>KO</outcome><fault><faultCode>PAA_SEMANTICA</faultCode><faultString>a &amp; b &#233;&#x20AC;</faultString><id>1</id><description><![CDATA[<raw> & ok]]></description></fault>',
    );
    const doc = soapDocument(xml);
    const r = readResponse('paSendRT', doc.root);
    expect(r.value).toEqual({
      outcome: 'KO',
      fault: expect.objectContaining({ faultCode: 'PAA_SEMANTICA', faultString: 'a & b é€', description: '<raw> & ok' }),
    });
    expect(doc.bodyXml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<paf:paSendRTRes xmlns:soapenv="[^"]+" xmlns:paf="http:\/\/pagopa-api.pagopa.gov.it\/pa\/paForNode.xsd">/,
    );
    expect(doc.bodyXml).toContain('a &amp; b &#233;&#x20AC;');
  });

  it('reads an activation, checks the transfers add up and names what is missing', () => {
    const data = readPaymentData(soapDocument(getPaymentOk('V2', 5000, { bollo: true })).root);
    expect(data.value).toMatchObject({
      creditorReferenceId: SAMPLE.iuv,
      paymentAmountCents: 5000,
      description: 'Diritti di segreteria <ufficio>',
      debtor: { fullName: 'Mario Rossi & C.', email: 'mario.rossi@example.it' },
      transfers: [
        { idTransfer: '1', transferAmountCents: 3400, iban: SAMPLE.iban },
        { idTransfer: '2', transferAmountCents: 1600, richiestaMarcaDaBollo: { tipoBollo: '01', provinciaResidenza: 'RM' } },
      ],
    });
    const wrongTotal = getPaymentOk('V1', 5000).replace('<paymentAmount>50.00</paymentAmount>', '<paymentAmount>60.00</paymentAmount>');
    expect(readPaymentData(soapDocument(wrongTotal).root).problems).toEqual([expect.stringMatching(/add up to 50.00, paymentAmount is 60.00/)]);
    const noDebtor = getPaymentOk('V1', 5000).replace(/<debtor>.*<\/debtor>/, '');
    expect(readPaymentData(soapDocument(noDebtor).root).problems).toContain('paGetPaymentRes/data/debtor is missing');
  });

  it('builds the receipt from the activation, with a company name even when a V1 activation has none', () => {
    const activation = readPaymentData(
      soapDocument(getPaymentOk('V1', 5000).replace('<companyName>Ente Creditore Test</companyName>', '')).root,
    ).value!;
    const psp = { idPSP: 'P', idChannel: 'C', PSPCompanyName: 'N', channelDescription: 'D', paymentMethod: 'creditCard', feeCents: 50 };
    const input = { paymentToken: 'f'.repeat(32), qr: QR, activation, psp, paidAt: new Date('2030-06-30T22:30:00Z'), standIn: false };
    const receipt = buildReceipt({ ...input, companyNameFallback: 'Ente dal verify' });
    expect(receipt).toMatchObject({
      receiptId: 'f'.repeat(32),
      creditorReferenceId: SAMPLE.iuv,
      paymentAmountCents: 5000,
      companyName: 'Ente dal verify',
      transfers: [{ idTransfer: '1', transferAmountCents: 5000, iban: SAMPLE.iban, metadata: [{ key: 'capitolo', value: '1234' }] }],
      feeCents: 50,
      // Rome's local time: 22:30 UTC on 30 June is 00:30 on 1 July.
      paymentDateTime: '2030-07-01T00:30:00',
      applicationDate: '2030-07-01',
      transferDate: '2030-07-02',
      standIn: undefined,
    });
    expect(buildReceipt(input).companyName).toBe(SAMPLE.fiscalCode);
  });

  it('notices an answer with the wrong root element', () => {
    const r = readResponse('paGetPaymentV2', soapDocument(ko('paGetPaymentRes', 'PAA_SEMANTICA')).root);
    expect(r.problems).toEqual([
      expect.stringMatching(
        /expected \{http:\/\/pagopa-api.pagopa.gov.it\/pa\/paForNode.xsd\}paGetPaymentV2Response, got .*paGetPaymentRes/,
      ),
    ]);
  });
});

describe('simulator: XSD validation with xmllint', () => {
  const body = (xml: string) => soapDocument(xml).bodyXml;

  it('says valid, or invalid with xmllint messages', async () => {
    const v = new XsdValidator(TEST_XSD);
    expect(await v.validate(body(verifyOk('100.99')))).toEqual({ verdict: 'valid', messages: [] });
    const bad = await v.validate(body(verifyOk('100.9')));
    expect(bad.verdict).toBe('invalid');
    expect(bad.messages.join('\n')).toMatch(/amount.*100\.9/);
  });

  it('is skipped, with the reason, without the schema or without xmllint', async () => {
    expect(await new XsdValidator('/nonexistent/paForNode.xsd').validate(body(verifyOk('1.00')))).toEqual({
      verdict: 'skipped',
      messages: ['XSD not found: /nonexistent/paForNode.xsd'],
    });
    expect(await new XsdValidator(TEST_XSD, '/nonexistent/xmllint').validate(body(verifyOk('1.00')))).toEqual({
      verdict: 'skipped',
      messages: [expect.stringMatching(/xmllint not found/)],
    });
  });

  itIf(OFFICIAL_XSD, NO_OFFICIAL_XSD)("pagoPA's paForNode.xsd judges the same answers the same way", async () => {
    const v = new XsdValidator(OFFICIAL_XSD!);
    expect(await v.validate(body(verifyOk('100.99')))).toEqual({ verdict: 'valid', messages: [] });
    expect((await v.validate(body(verifyOk('100.9')))).verdict).toBe('invalid');
    for (const version of ['V1', 'V2'] as const) {
      expect(await v.validate(body(getPaymentOk(version, 5000, { bollo: version === 'V2' })))).toEqual({ verdict: 'valid', messages: [] });
    }
    expect(await v.validate(body(ko('paGetPaymentV2Response', 'PAA_PAGAMENTO_SCONOSCIUTO')))).toEqual({ verdict: 'valid', messages: [] });
  });

  itIf(OFFICIAL_XSD, NO_OFFICIAL_XSD)('a receipt with every optional field is valid against paForNode.xsd', async () => {
    const v = new XsdValidator(OFFICIAL_XSD!);
    const debtor = {
      uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA30A01H501I' },
      fullName: 'Mario & <Rossi>',
      streetName: 'Via Roma',
      civicNumber: '1',
      postalCode: '00100',
      city: 'Roma',
      stateProvinceRegion: 'RM',
      country: 'IT',
      email: 'm.rossi@example.it',
    };
    const receipt = {
      receiptId: 'a'.repeat(32),
      noticeNumber: SAMPLE.noticeNumber,
      fiscalCode: SAMPLE.fiscalCode,
      outcome: 'OK' as const,
      creditorReferenceId: SAMPLE.iuv,
      paymentAmountCents: 99_999_999_999,
      description: 'd',
      companyName: 'c',
      officeName: 'o',
      debtor,
      transfers: [
        {
          idTransfer: '1',
          transferAmountCents: 99_999_999_999,
          fiscalCodePA: SAMPLE.fiscalCode,
          companyName: 'c',
          iban: SAMPLE.iban,
          remittanceInformation: 'r',
          transferCategory: 't',
          metadata: [{ key: 'k', value: 'v' }],
        },
      ],
      idPSP: 'P',
      pspFiscalCode: 'F',
      pspPartitaIVA: '12345678901',
      PSPCompanyName: 'N',
      idChannel: 'C',
      channelDescription: 'D',
      paymentMethod: 'creditCard',
      paymentNote: 'note',
      feeCents: 1,
      paymentDateTime: '2030-01-01T10:00:00',
      applicationDate: '2030-01-01',
      transferDate: '2030-01-02',
      metadata: [{ key: 'k', value: 'v' }],
      standIn: true,
    };
    for (const version of ['V1', 'V2'] as const) {
      expect(await v.validate(body(sendRTRequest(version, IDS, receipt)))).toEqual({ verdict: 'valid', messages: [] });
    }
  });
});
