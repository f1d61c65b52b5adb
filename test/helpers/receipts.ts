import { DEMO } from '../../subgraphs/anagrafica/domain/demo';
import type { Receipt } from '../../pagopa/soap/messages';
import type { SendRTRequest } from '../../subgraphs/pagamenti/domain/station-types';

/**
 * A paSendRTV2 of the demo dominio for a notice, as the station's domain receives it once read:
 * paid OK at the simulated PSP, one transfer of the whole amount to the demo IBAN; `over`
 * replaces fields of the receipt.
 */
export function sendRTRequest(
  p: { numeroAvviso: string; iuv: string; importoCents: number },
  receiptId: string,
  over: Partial<Receipt> = {},
): SendRTRequest {
  const receipt: Receipt = {
    receiptId,
    noticeNumber: p.numeroAvviso,
    fiscalCode: DEMO.dominio,
    outcome: 'OK',
    creditorReferenceId: p.iuv,
    paymentAmountCents: p.importoCents,
    description: 'Pagamento',
    companyName: 'Ente Creditore Test',
    debtor: {
      uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA30A01H501I' },
      fullName: 'Mario Rossi',
    },
    transfers: [
      {
        idTransfer: 1,
        transferAmountCents: p.importoCents,
        fiscalCodePA: DEMO.dominio,
        iban: DEMO.iban,
        remittanceInformation: 'x',
        transferCategory: '9/0101100IM/',
      },
    ],
    idPSP: 'PSPSIM01',
    PSPCompanyName: 'PSP Simulato',
    idChannel: 'PSPSIM01_01',
    channelDescription: 'app',
    paymentDateTime: '2026-12-01T23:30:00',
    ...over,
  };
  return {
    idPA: DEMO.dominio,
    idBrokerPA: DEMO.intermediario,
    idStation: DEMO.stazione,
    versione: 'V2',
    receipt,
    receiptJson: JSON.parse(JSON.stringify(receipt)),
    receiptXml: `<receipt><receiptId>${receiptId}</receiptId></receipt>`,
  };
}
