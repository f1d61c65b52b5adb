import type { PaymentData, VerifyResult } from '../../pagopa/soap/messages';

/** What an in-test StationService answers: fixed data covering every optional part of the responses. */
export const VERIFY_RESULT: VerifyResult = {
  amountCents: 10099,
  options: 'EQ',
  dueDate: '2030-12-31',
  detailDescription: 'Diritti di segreteria <ufficio> & C.',
  allCCP: false,
  paymentDescription: 'Diritti di segreteria',
  fiscalCodePA: '12345678901',
  companyName: 'Ente Creditore Test',
  officeName: 'Ufficio Tributi',
};

const debtor: PaymentData['debtor'] = {
  uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA30A01H501I' },
  fullName: 'Mario Rossi',
  streetName: 'Via Roma',
  civicNumber: '1',
  postalCode: '00100',
  city: 'Roma',
  stateProvinceRegion: 'RM',
  country: 'IT',
  email: 'mario.rossi@example.it',
};

export function paymentData(version: 'V1' | 'V2'): PaymentData {
  const first = {
    idTransfer: 1,
    transferAmountCents: version === 'V2' ? 8499 : 10099,
    fiscalCodePA: '12345678901',
    companyName: 'Ente Creditore Test',
    iban: 'IT02L1234512345123451111111',
    remittanceInformation: '/RFB/340000000000136/100.99/TXT/Diritti di segreteria',
    transferCategory: '9/0101100IM/',
    metadata: [{ key: 'capitolo', value: '1234' }],
  };
  const bollo = {
    idTransfer: 2,
    transferAmountCents: 1600,
    fiscalCodePA: '12345678901',
    richiestaMarcaDaBollo: { hashDocumento: 'cXVlc3RvIOggdW4gaGFzaCBkaSBwcm92YQ==', tipoBollo: '01', provinciaResidenza: 'RM' },
    remittanceInformation: '/RFB/340000000000136/16.00/TXT/Marca da bollo',
    transferCategory: '9/0101300IM/',
  };
  return {
    creditorReferenceId: '340000000000136',
    paymentAmountCents: 10099,
    dueDate: '2030-12-31',
    description: 'Diritti di segreteria',
    companyName: 'Ente Creditore Test',
    officeName: 'Ufficio Tributi',
    debtor,
    transfers: version === 'V2' ? [first, bollo] : [first],
    metadata: [{ key: 'pratica', value: 'A-1' }],
  };
}
