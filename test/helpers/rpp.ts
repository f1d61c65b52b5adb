import type { EntityManager } from '@mikro-orm/core';
import { createHash } from 'node:crypto';
import { Applicazione, Dominio, Pendenza, Rpp, type ConnettoreIntegrazione } from '../../schema/entities';
import { centsToDecimalString } from '../../core/money';

/** The demo dominio, whose pendenze the fixtures pay. */
export const DOMINIO = '12345678901';

export interface PaidRpp {
  idA2A?: string;
  /** The paid pendenza; undefined: a receipt for a position the hub does not hold (then `iuv` is needed). */
  idPendenza?: string;
  iuv?: string;
  /** The receipt's receiptId. */
  ccp?: string;
  dataPagamento?: Date;
  versione?: 'V1' | 'V2';
}

/**
 * A stored receipt (Rpp) of a pendenza already in the database, as the station stores one: the
 * request (ctPaymentPA) and the receipt (ctReceipt) in pagoPA's JSON shape, the XML and its
 * fingerprint. Written directly, for the tests of what comes after a receipt.
 */
export async function insertPaidRpp(em: EntityManager, o: PaidRpp = {}): Promise<Rpp> {
  const pendenza = o.idPendenza
    ? await em.findOneOrFail(Pendenza, { applicazione: o.idA2A ?? 'IDA2A01', idPendenza: o.idPendenza }, { populate: ['dominio', 'voci'] })
    : null;
  const dominio = pendenza?.dominio ?? (await em.findOneOrFail(Dominio, { idDominio: DOMINIO }));
  const iuv = o.iuv ?? pendenza?.iuv;
  if (!iuv) throw new Error('insertPaidRpp: a receipt needs an iuv (a pendenza with a numeroAvviso, or `iuv`)');
  const ccp = o.ccp ?? `rcpt-${iuv}`;
  const importoCents = pendenza?.importoCents ?? 1000;
  const dataPagamento = o.dataPagamento ?? new Date('2026-07-01T10:00:00.000Z');
  const debtor = {
    uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA30A01H501I' },
    fullName: 'Mario Rossi',
    'e-mail': 'mario.rossi@testmail.it',
  };
  const transfer = pendenza
    ? pendenza.voci.getItems().map((v, i) => ({
        idTransfer: i + 1,
        transferAmount: centsToDecimalString(v.importoCents),
        fiscalCodePA: v.idDominio ?? dominio.idDominio,
        IBAN: v.ibanAccredito ?? 'IT02L1234512345123451111111',
        remittanceInformation: `/RFB/${iuv}/${centsToDecimalString(v.importoCents)}/TXT/${v.descrizione}`,
        transferCategory: '9/0101100IM/',
      }))
    : [];
  const common = {
    creditorReferenceId: iuv,
    paymentAmount: centsToDecimalString(importoCents),
    description: pendenza?.causale ?? 'Pagamento',
    companyName: dominio.ragioneSociale,
    debtor,
    transferList: { transfer },
  };
  const ricevuta = {
    receiptId: ccp,
    noticeNumber: pendenza?.numeroAvviso ?? `3${iuv}`,
    fiscalCode: dominio.idDominio,
    outcome: 'OK',
    ...common,
    idPSP: 'BCITITMM',
    PSPCompanyName: 'Banca Test',
    idChannel: 'BCITITMM_01',
    channelDescription: 'app',
    payer: debtor,
    paymentDateTime: dataPagamento.toISOString(),
  };
  const ricevutaXml = `<receipt><receiptId>${ccp}</receiptId><creditorReferenceId>${iuv}</creditorReferenceId></receipt>`;
  const rpp = Object.assign(new Rpp(), {
    dominio,
    iuv,
    ccp,
    pendenza,
    importoCents,
    dataPagamento,
    idPsp: 'BCITITMM',
    ragioneSocialePsp: 'Banca Test',
    idCanale: 'BCITITMM_01',
    versione: o.versione ?? 'V2',
    richiesta: { ...common, dueDate: pendenza?.dataScadenza ?? '2999-12-31', lastPayment: true },
    ricevuta,
    ricevutaXml,
    impronta: createHash('sha256').update(JSON.stringify(ricevuta)).digest('hex'),
  });
  await em.persist(rpp).flush();
  return rpp;
}

/** Points an applicazione's servizioIntegrazione at `connettore` (null: none). */
export async function setConnettore(em: EntityManager, connettore: ConnettoreIntegrazione | null, idA2A = 'IDA2A01'): Promise<void> {
  await em.nativeUpdate(Applicazione, { idA2A }, { servizioIntegrazione: connettore });
}
