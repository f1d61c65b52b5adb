import type { MikroORM } from '@mikro-orm/core';
import { createHash } from 'node:crypto';
import { Dominio, Pendenza, Rpp } from '../../schema/entities';
import { centsToDecimalString } from '../../core/money';

export interface RppFixture {
  idA2A?: string;
  idPendenza?: string;
  /** Default: the pendenza's dominio, else the demo dominio. */
  idDominio?: string;
  /** Default: the pendenza's IUV. */
  iuv?: string;
  ccp: string;
  esito?: 'ESEGUITO' | 'NON_ESEGUITO';
  importoCents?: number;
  dataPagamento?: Date;
  /** When the receipt arrived (createdAt). */
  ricevutaIl?: Date;
  versione?: 'V1' | 'V2';
  standIn?: boolean;
  duplicato?: boolean;
}

/**
 * Writes a payment attempt as the station would (every column of `rpp`, with a ctPaymentPA
 * request, a ctReceipt and its XML), for tests of the read side; returns what it wrote.
 */
export async function insertRpp(orm: MikroORM, f: RppFixture): Promise<Rpp> {
  const em = orm.em.fork();
  const pendenza = f.idPendenza
    ? await em.findOneOrFail(Pendenza, { applicazione: f.idA2A ?? 'IDA2A01', idPendenza: f.idPendenza }, { populate: ['voci'] })
    : null;
  const idDominio = f.idDominio ?? pendenza?.dominio.idDominio ?? '12345678901';
  const iuv = f.iuv ?? pendenza?.iuv ?? '01234567890123456';
  const cents = f.importoCents ?? pendenza?.importoCents ?? 10099;
  const importo = centsToDecimalString(cents);
  const paid = f.dataPagamento ?? new Date('2026-11-30T10:15:30.123Z');
  const arrived = f.ricevutaIl ?? new Date(paid.getTime() + 60_000);
  const noticeNumber = pendenza?.numeroAvviso ?? `0${iuv}`;
  const richiesta = {
    creditorReferenceId: iuv,
    paymentAmount: importo,
    dueDate: '2999-12-31',
    description: pendenza?.causale ?? 'Pagamento',
    companyName: 'Ente Creditore Test',
    officeName: null,
    debtor: {
      uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA30A01H501I' },
      fullName: 'Mario Rossi',
      'e-mail': 'mario.rossi@testmail.it',
    },
    transferList: {
      transfer: [
        {
          idTransfer: 1,
          transferAmount: importo,
          fiscalCodePA: idDominio,
          IBAN: 'IT02L1234512345123451111111',
          remittanceInformation: `/RFB/${iuv}/${importo}/TXT/Diritti e segreteria`,
          transferCategory: '9/SEGRETERIA',
        },
      ],
    },
  };
  const ricevuta = {
    receiptId: f.ccp,
    noticeNumber,
    fiscalCode: idDominio,
    outcome: f.esito === 'NON_ESEGUITO' ? 'KO' : 'OK',
    creditorReferenceId: iuv,
    paymentAmount: importo,
    description: richiesta.description,
    companyName: 'Ente Creditore Test',
    officeName: null,
    debtor: richiesta.debtor,
    transferList: richiesta.transferList,
    idPSP: 'BCITITMM',
    pspCompanyName: 'Banca & Co. <test>',
    idChannel: 'BCITITMM_01',
    paymentMethod: 'creditCard',
    fee: '1.00',
    paymentDateTime: paid.toISOString(),
    applicationDate: paid.toISOString().slice(0, 10),
    transferDate: paid.toISOString().slice(0, 10),
  };
  const ricevutaXml =
    `<receipt><receiptId>${f.ccp}</receiptId><noticeNumber>${noticeNumber}</noticeNumber><fiscalCode>${idDominio}</fiscalCode>` +
    `<outcome>${ricevuta.outcome}</outcome><creditorReferenceId>${iuv}</creditorReferenceId><paymentAmount>${importo}</paymentAmount>` +
    `<pspCompanyName>Banca &amp; Co. &lt;test&gt;</pspCompanyName></receipt>`;
  const rpp = em.create(Rpp, {
    dominio: em.getReference(Dominio, idDominio),
    iuv,
    ccp: f.ccp,
    pendenza,
    stato: 'RT_ACCETTATA_PA',
    esito: f.esito ?? 'ESEGUITO',
    importoCents: cents,
    dataPagamento: paid,
    idPsp: 'BCITITMM',
    ragioneSocialePsp: 'Banca & Co. <test>',
    idCanale: 'BCITITMM_01',
    versione: f.versione ?? 'V2',
    standIn: f.standIn ?? false,
    duplicato: f.duplicato ?? false,
    richiesta,
    ricevuta,
    ricevutaXml,
    impronta: createHash('sha256').update(JSON.stringify(ricevuta)).digest('hex'),
    createdAt: arrived,
    updatedAt: arrived,
  });
  await em.flush();
  return rpp;
}
