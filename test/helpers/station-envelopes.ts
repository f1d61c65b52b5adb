/**
 * Hand-written paForNode requests as the Nodo sends them, each operation with other namespace
 * prefixes (soapenv, soap, S, ns2, a default namespace undone with xmlns=""), for the station's
 * tests and its conformance suite. Written out in full on purpose: they are not produced by the
 * code under test.
 */
const ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const PAF = 'http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd';

export const IDS = { idPA: '12345678901', idBrokerPA: '11111111113', idStation: '11111111113_01' };
const ids = `<idPA>${IDS.idPA}</idPA><idBrokerPA>${IDS.idBrokerPA}</idBrokerPA><idStation>${IDS.idStation}</idStation>`;
const qr = '<qrCode><fiscalCode>12345678901</fiscalCode><noticeNumber>001340000000000136</noticeNumber></qrCode>';

export const verifyEnvelope = (content = `${ids}${qr}`) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="${ENV}" xmlns:pafn="${PAF}">
  <soapenv:Header/>
  <soapenv:Body>
    <pafn:paVerifyPaymentNoticeReq>${content}</pafn:paVerifyPaymentNoticeReq>
  </soapenv:Body>
</soapenv:Envelope>`;

export const getPaymentEnvelope = (
  content = `${ids}${qr}<amount>100.99</amount><paymentNote>Nota &amp; altro</paymentNote><transferType>PAGOPA</transferType><dueDate>2030-12-31</dueDate>`,
) =>
  `<soap:Envelope xmlns:soap="${ENV}"><soap:Body><ns2:paGetPaymentReq xmlns:ns2="${PAF}">${content}</ns2:paGetPaymentReq></soap:Body></soap:Envelope>`;

export const getPaymentV2Envelope = (content = `${ids}${qr}`) =>
  `<S:Envelope xmlns:S="${ENV}"><S:Header></S:Header><S:Body><ns3:paGetPaymentV2Request xmlns:ns3="${PAF}">${content}</ns3:paGetPaymentV2Request></S:Body></S:Envelope>`;

const debtor =
  '<debtor><uniqueIdentifier><entityUniqueIdentifierType>F</entityUniqueIdentifierType>' +
  '<entityUniqueIdentifierValue>RSSMRA30A01H501I</entityUniqueIdentifierValue></uniqueIdentifier>' +
  '<fullName>Mario Rossi</fullName><city>Roma</city><country>IT</country><e-mail>mario.rossi@example.it</e-mail></debtor>';

const transferV1 =
  '<transfer><idTransfer>1</idTransfer><transferAmount>100.99</transferAmount><fiscalCodePA>12345678901</fiscalCodePA>' +
  '<IBAN>IT02L1234512345123451111111</IBAN><remittanceInformation>/RFB/340000000000136/100.99/TXT/Diritti</remittanceInformation>' +
  '<transferCategory>9/0101100IM/</transferCategory></transfer>';

const psp =
  '<idPSP>SIMPSP01</idPSP><PSPCompanyName>PSP Simulatore</PSPCompanyName><idChannel>SIMPSP01_01</idChannel>' +
  '<channelDescription>Simulatore pagoPA</channelDescription>';

export const receiptV1 = (transfers = transferV1, amount = '100.99') =>
  '<receipt><receiptId>c0ffee00c0ffee00c0ffee00c0ffee00</receiptId><noticeNumber>001340000000000136</noticeNumber>' +
  `<fiscalCode>12345678901</fiscalCode><outcome>OK</outcome><creditorReferenceId>340000000000136</creditorReferenceId>` +
  `<paymentAmount>${amount}</paymentAmount><description>Diritti di segreteria</description><companyName>Ente Creditore Test</companyName>` +
  `${debtor}<transferList>${transfers}</transferList>${psp}<paymentMethod>creditCard</paymentMethod><fee>1.00</fee>` +
  '<paymentDateTime>2026-12-01T10:15:00</paymentDateTime><applicationDate>2026-12-01</applicationDate><transferDate>2026-12-02</transferDate>' +
  '<metadata><mapEntry><key>k</key><value>v</value></mapEntry></metadata><standIn>false</standIn></receipt>';

export const sendRTEnvelope = (content = `${ids}${receiptV1()}`) =>
  `<Envelope xmlns="${ENV}"><Body><ns2:paSendRTReq xmlns:ns2="${PAF}" xmlns="">${content}</ns2:paSendRTReq></Body></Envelope>`;

const transfersV2 =
  '<transfer><idTransfer>1</idTransfer><transferAmount>84.99</transferAmount><fiscalCodePA>12345678901</fiscalCodePA>' +
  '<companyName>Ente Creditore Test</companyName><IBAN>IT02L1234512345123451111111</IBAN>' +
  '<remittanceInformation>/RFB/340000000000136/84.99/TXT/Diritti</remittanceInformation><transferCategory>9/0101100IM/</transferCategory></transfer>' +
  '<transfer><idTransfer>2</idTransfer><transferAmount>16.00</transferAmount><fiscalCodePA>12345678901</fiscalCodePA>' +
  '<MBDAttachment>PG1hcmNhRGFCb2xsbz48L21hcmNhRGFCb2xsbz4=</MBDAttachment>' +
  '<remittanceInformation>/RFB/340000000000136/16.00/TXT/Bollo</remittanceInformation><transferCategory>9/0101300IM/</transferCategory></transfer>';

export const receiptV2 = (transfers = transfersV2) =>
  '<receipt><receiptId>c0ffee00c0ffee00c0ffee00c0ffee01</receiptId><noticeNumber>001340000000000136</noticeNumber>' +
  '<fiscalCode>12345678901</fiscalCode><outcome>OK</outcome><creditorReferenceId>340000000000136</creditorReferenceId>' +
  '<paymentAmount>100.99</paymentAmount><description>Diritti di segreteria</description><companyName>Ente Creditore Test</companyName>' +
  `<officeName>Ufficio Tributi</officeName>${debtor}<transferList>${transfers}</transferList>${psp}` +
  '<payer><uniqueIdentifier><entityUniqueIdentifierType>G</entityUniqueIdentifierType><entityUniqueIdentifierValue>01234567890</entityUniqueIdentifierValue></uniqueIdentifier><fullName>Ditta Srl</fullName></payer>' +
  '<paymentMethod>creditCard</paymentMethod><paymentNote>nota</paymentNote><fee>1.00</fee><primaryCiIncurredFee>0.50</primaryCiIncurredFee>' +
  '<idBundle>b1</idBundle><idCiBundle>cb1</idCiBundle><paymentDateTime>2026-12-01T10:15:00.123+01:00</paymentDateTime>' +
  '<applicationDate>2026-12-01</applicationDate><transferDate>2026-12-02</transferDate><standIn>true</standIn></receipt>';

export const sendRTV2Envelope = (content = `${ids}${receiptV2()}`) =>
  `<soapenv:Envelope xmlns:soapenv="${ENV}"><soapenv:Body><paf:paSendRTV2Request xmlns:paf="${PAF}">${content}</paf:paSendRTV2Request></soapenv:Body></soapenv:Envelope>`;

export const ENVELOPES = {
  paVerifyPaymentNotice: verifyEnvelope,
  paGetPayment: getPaymentEnvelope,
  paGetPaymentV2: getPaymentV2Envelope,
  paSendRT: sendRTEnvelope,
  paSendRTV2: sendRTV2Envelope,
} as const;

/**
 * Variations of valid requests, each breaking (or, for the `valid` ones, keeping) one rule of the
 * XSD: the station's reading and pagoPA's schema must agree on every one of them.
 */
export const VARIATIONS: { name: string; operation: keyof typeof ENVELOPES; xml: string; valid: boolean }[] = [
  { name: 'verify', operation: 'paVerifyPaymentNotice', xml: verifyEnvelope(), valid: true },
  { name: 'getPayment', operation: 'paGetPayment', xml: getPaymentEnvelope(), valid: true },
  { name: 'getPaymentV2', operation: 'paGetPaymentV2', xml: getPaymentV2Envelope(), valid: true },
  { name: 'sendRT', operation: 'paSendRT', xml: sendRTEnvelope(), valid: true },
  { name: 'sendRTV2', operation: 'paSendRTV2', xml: sendRTV2Envelope(), valid: true },
  {
    name: 'missing idStation',
    operation: 'paVerifyPaymentNotice',
    xml: verifyEnvelope(ids.replace(/<idStation>.*<\/idStation>/, '') + qr),
    valid: false,
  },
  {
    name: 'noticeNumber of 17 digits',
    operation: 'paVerifyPaymentNotice',
    xml: verifyEnvelope(ids + qr.replace('001340000000000136', '00134000000000013')),
    valid: false,
  },
  {
    name: 'fiscalCode with a letter',
    operation: 'paVerifyPaymentNotice',
    xml: verifyEnvelope(ids + qr.replace('<fiscalCode>12345678901', '<fiscalCode>1234567890A')),
    valid: false,
  },
  {
    name: 'idPA of 36 characters',
    operation: 'paVerifyPaymentNotice',
    xml: verifyEnvelope(ids.replace(IDS.idPA, 'x'.repeat(36)) + qr),
    valid: false,
  },
  { name: 'empty idBrokerPA', operation: 'paVerifyPaymentNotice', xml: verifyEnvelope(ids.replace(IDS.idBrokerPA, '') + qr), valid: false },
  { name: 'elements out of order', operation: 'paVerifyPaymentNotice', xml: verifyEnvelope(qr + ids), valid: false },
  { name: 'unknown element', operation: 'paVerifyPaymentNotice', xml: verifyEnvelope(`${ids}${qr}<extra>1</extra>`), valid: false },
  {
    name: 'qualified child',
    operation: 'paVerifyPaymentNotice',
    xml: verifyEnvelope(ids.replace('<idPA>12345678901</idPA>', '<pafn:idPA>12345678901</pafn:idPA>') + qr),
    valid: false,
  },
  { name: 'amount 10.5', operation: 'paGetPayment', xml: getPaymentEnvelope(`${ids}${qr}<amount>10.5</amount>`), valid: false },
  { name: 'amount 10', operation: 'paGetPayment', xml: getPaymentEnvelope(`${ids}${qr}<amount>10</amount>`), valid: false },
  {
    name: 'amount over the maximum',
    operation: 'paGetPayment',
    xml: getPaymentEnvelope(`${ids}${qr}<amount>1000000000.00</amount>`),
    valid: false,
  },
  { name: 'amount with spaces', operation: 'paGetPayment', xml: getPaymentEnvelope(`${ids}${qr}<amount> 10.50 </amount>`), valid: true },
  { name: 'amount 0.00', operation: 'paGetPayment', xml: getPaymentEnvelope(`${ids}${qr}<amount>0.00</amount>`), valid: true },
  {
    name: 'paymentNote of 211 characters',
    operation: 'paGetPayment',
    xml: getPaymentEnvelope(`${ids}${qr}<paymentNote>${'n'.repeat(211)}</paymentNote>`),
    valid: false,
  },
  {
    name: 'paymentNote of 210 accented characters',
    operation: 'paGetPayment',
    xml: getPaymentEnvelope(`${ids}${qr}<paymentNote>${'è'.repeat(210)}</paymentNote>`),
    valid: true,
  },
  {
    name: 'transferType unknown',
    operation: 'paGetPayment',
    xml: getPaymentEnvelope(`${ids}${qr}<transferType>BANK</transferType>`),
    valid: false,
  },
  {
    name: 'dueDate 2030-02-30',
    operation: 'paGetPaymentV2',
    xml: getPaymentV2Envelope(`${ids}${qr}<dueDate>2030-02-30</dueDate>`),
    valid: false,
  },
  {
    name: 'dueDate with a time zone',
    operation: 'paGetPaymentV2',
    xml: getPaymentV2Envelope(`${ids}${qr}<dueDate>2030-02-28Z</dueDate>`),
    valid: true,
  },
  {
    name: 'dueDate as a date-time',
    operation: 'paGetPaymentV2',
    xml: getPaymentV2Envelope(`${ids}${qr}<dueDate>2030-02-28T10:00:00</dueDate>`),
    valid: false,
  },
  { name: 'receipt without transfers', operation: 'paSendRT', xml: sendRTEnvelope(ids + receiptV1('')), valid: false },
  { name: 'six transfers', operation: 'paSendRT', xml: sendRTEnvelope(ids + receiptV1(transferV1.repeat(6))), valid: false },
  {
    name: 'idTransfer 6',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1(transferV1.replace('<idTransfer>1', '<idTransfer>6'))),
    valid: false,
  },
  {
    name: 'idTransfer +01',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1(transferV1.replace('<idTransfer>1', '<idTransfer>+01'))),
    valid: true,
  },
  {
    name: 'transferAmount 0.00',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1(transferV1.replace('100.99</transferAmount>', '0.00</transferAmount>'))),
    valid: false,
  },
  {
    name: 'V1 transfer without IBAN',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1(transferV1.replace(/<IBAN>.*<\/IBAN>/, ''))),
    valid: false,
  },
  {
    name: 'V1 transfer with MBDAttachment',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1(transferV1.replace(/<IBAN>.*<\/IBAN>/, '<MBDAttachment>AAAA</MBDAttachment>'))),
    valid: false,
  },
  {
    name: 'receipt outcome MAYBE',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1().replace('<outcome>OK', '<outcome>MAYBE')),
    valid: false,
  },
  {
    name: 'bad e-mail',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1().replace('mario.rossi@example.it', 'mario.rossi')),
    valid: false,
  },
  {
    name: 'country in lower case',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1().replace('<country>IT', '<country>it')),
    valid: false,
  },
  {
    name: 'entity type X',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1().replace('<entityUniqueIdentifierType>F', '<entityUniqueIdentifierType>X')),
    valid: false,
  },
  {
    name: 'standIn yes',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1().replace('<standIn>false', '<standIn>yes')),
    valid: false,
  },
  { name: 'standIn 1', operation: 'paSendRT', xml: sendRTEnvelope(ids + receiptV1().replace('<standIn>false', '<standIn>1')), valid: true },
  {
    name: 'paymentDateTime without seconds',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1().replace('10:15:00</paymentDateTime>', '10:15</paymentDateTime>')),
    valid: false,
  },
  {
    name: 'V1 receipt with a V2 field',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1().replace('<fee>', '<paymentNote>n</paymentNote><fee>')),
    valid: false,
  },
  {
    name: 'metadata without entries',
    operation: 'paSendRT',
    xml: sendRTEnvelope(ids + receiptV1().replace('<mapEntry><key>k</key><value>v</value></mapEntry>', '')),
    valid: false,
  },
  {
    name: 'V2 transfer with IBAN and MBDAttachment',
    operation: 'paSendRTV2',
    xml: sendRTV2Envelope(ids + receiptV2(transfersV2.replace('<MBDAttachment>', '<IBAN>IT02</IBAN><MBDAttachment>'))),
    valid: false,
  },
  {
    name: 'MBDAttachment not base64',
    operation: 'paSendRTV2',
    xml: sendRTV2Envelope(ids + receiptV2(transfersV2.replace('PG1hcmNhRGFCb2xsbz48L21hcmNhRGFCb2xsbz4=', 'not base64!'))),
    valid: false,
  },
  {
    name: 'V2 receipt text in a group',
    operation: 'paSendRTV2',
    xml: sendRTV2Envelope(ids + receiptV2().replace('<transferList>', '<transferList>oops')),
    valid: false,
  },
];
