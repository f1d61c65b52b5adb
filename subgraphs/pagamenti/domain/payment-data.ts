import type { Soggetto, TipoContabilita } from '../../../schema/entities';
import { type DominioRef, isIso11649 } from '../../pendenze/services';
import { compact } from '../../../core/compact';
import { centsToDecimalString } from '../../../core/money';
import { PagoPaFault } from './faults';
import type { Posizione, VocePosizione } from './posizione';
import type { MapEntry, PaymentData, Subject, Transfer, VerifyResult } from '../../../pagopa/soap/messages';

/** What a pendenza's payment is built from: the pendenza with its voci, and every dominio it credits. */
export interface PendenzaPagabile {
  pendenza: Posizione;
  /** The pendenza's dominio and each voce's beneficiary, by idDominio. */
  domini: Map<string, DominioRef>;
}

/** GovPay's codes of the tipi contabilità, the first part of a transfer category. */
const CODIFICA_CONTABILITA: Record<TipoContabilita, string> = { CAPITOLO: '0', SPECIALE: '1', SIOPE: '2', ALTRO: '9' };

/** pagoPA's taxonomy code of the digital stamp duty (@e.bollo), the category of a marca da bollo transfer. */
export const CATEGORIA_MARCA_DA_BOLLO = '9/0301116TS/9/24B0060000000017';

const MAX_TEXT = 140;

/** At most `max` characters, never splitting a character made of two UTF-16 units. */
export function truncate(text: string, max = MAX_TEXT): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/**
 * GovPay's causale of a transfer: the voce's descrizioneCausaleRPT when given, else
 * `/RFB/<iuv>/<importo>/TXT/<descrizione>` (`/RFS/` for an ISO 11649 IUV), cut at 140 characters.
 */
export function remittanceInformation(iuv: string, voce: Pick<VocePosizione, 'importoCents' | 'descrizione' | 'descrizioneCausaleRPT'>): string {
  const tag = isIso11649(iuv) ? '/RFS/' : '/RFB/';
  return truncate(voce.descrizioneCausaleRPT || `${tag}${iuv}/${centsToDecimalString(voce.importoCents)}/TXT/${voce.descrizione}`);
}

/**
 * GovPay's transfer category: `<codifica of the tipo contabilità>/<codice contabilità>`. A codice
 * that already is a whole taxonomy code (`9/0101100IM/`, as pagoPA lists them) is used as it is.
 */
export function transferCategory(tipo: string | null | undefined, codice: string): string {
  if (/^\d\//.test(codice)) return truncate(codice);
  return truncate(`${CODIFICA_CONTABILITA[tipo as TipoContabilita] ?? '9'}/${codice}`);
}

interface Accounts {
  iban: string;
  appoggio: string | null;
  tipoContabilita: string | null | undefined;
  codiceContabilita: string;
}

/** The accounts and accounting of a voce that credits an IBAN (null for a marca da bollo). */
function accountsOf(voce: VocePosizione, beneficiary: DominioRef): Accounts | null {
  if (voce.tipo === 'BOLLO') return null;
  const entrata = voce.codEntrata ? beneficiary.entrate.get(voce.codEntrata) : undefined;
  if (voce.tipo === 'ENTRATA' && !entrata) {
    throw new PagoPaFault('PAA_SYSTEM_ERROR', `L'entrata ${voce.codEntrata} non e' configurata per il dominio ${beneficiary.idDominio}.`);
  }
  const iban = voce.ibanAccredito ?? entrata?.iban;
  if (!iban) throw new PagoPaFault('PAA_SYSTEM_ERROR', `La voce ${voce.idVocePendenza} non ha un iban di accredito.`);
  return {
    iban,
    appoggio: voce.ibanAppoggio ?? entrata?.ibanAppoggio ?? null,
    tipoContabilita: voce.tipoContabilita ?? entrata?.tipoContabilita,
    codiceContabilita: voce.codiceContabilita ?? entrata?.codiceContabilita ?? '',
  };
}

const isPostale = (beneficiary: DominioRef, iban: string | null) => !!iban && !!beneficiary.conti.get(iban)?.postale;

function beneficiaryOf(p: PendenzaPagabile, voce: VocePosizione): DominioRef {
  const id = voce.idDominio ?? p.pendenza.idDominio;
  const d = p.domini.get(id);
  if (!d) throw new PagoPaFault('PAA_SYSTEM_ERROR', `Il dominio ${id} della voce ${voce.idVocePendenza} non e' censito.`);
  return d;
}

/** Whether every voce can be credited to a postal account (verify's allCCP). */
export function allCCP(p: PendenzaPagabile): boolean {
  return p.pendenza.voci.every((v) => {
    const beneficiary = beneficiaryOf(p, v);
    const accounts = accountsOf(v, beneficiary);
    return !!accounts && (isPostale(beneficiary, accounts.iban) || isPostale(beneficiary, accounts.appoggio));
  });
}

/** A paGetPayment (V1) has no way to ask for a marca da bollo: GovPay refuses such a position. */
export function checkExpressible(p: Posizione, versione: 'V1' | 'V2'): void {
  if (versione === 'V1' && p.voci.some((v) => v.tipo === 'BOLLO')) {
    throw new PagoPaFault(
      'PAA_SEMANTICA',
      "Il versamento contiene piu' di un singolo versamento, non ammesso per pagamenti ad iniziativa psp.",
    );
  }
}

function subjectOf(s: Soggetto): Subject {
  return {
    uniqueIdentifier: { entityUniqueIdentifierType: s.tipo, entityUniqueIdentifierValue: s.identificativo },
    fullName: truncate(s.anagrafica || s.identificativo, 70),
    streetName: s.indirizzo,
    civicNumber: s.civico,
    postalCode: s.cap,
    city: s.localita,
    stateProvinceRegion: s.provincia,
    country: s.nazione,
    email: s.email,
  };
}

/** GovPay's Metadata (`{mapEntries: [{key, value}]}`) as pagoPA's map entries. */
function metadataOf(metadata: Record<string, unknown> | null | undefined): MapEntry[] | undefined {
  const entries = metadata?.mapEntries;
  if (!Array.isArray(entries) || !entries.length) return undefined;
  return entries.map((e: { key?: unknown; value?: unknown }) => ({ key: String(e.key), value: String(e.value) }));
}

const unitaOf = (p: PendenzaPagabile) => {
  const id = p.pendenza.idUnitaOperativa;
  if (id === null) return undefined;
  return [...p.domini.get(p.pendenza.idDominio)!.unita.values()].find((u) => u.id === id);
};

const dueDateOf = (p: Posizione) => p.dataValidita ?? p.dataScadenza ?? undefined;

/**
 * paVerifyPaymentNotice's answer for a payable pendenza, as GovPay gives it: the whole amount,
 * options EQ, dueDate = dataValidita (else dataScadenza), the causale (or " ").
 */
export function verifyResultOf(p: PendenzaPagabile): VerifyResult {
  const dominio = p.domini.get(p.pendenza.idDominio)!;
  return {
    amountCents: p.pendenza.importoCents,
    options: 'EQ',
    dueDate: dueDateOf(p.pendenza),
    allCCP: allCCP(p),
    paymentDescription: truncate(p.pendenza.causale || ' '),
    fiscalCodePA: dominio.idDominio,
    companyName: truncate(dominio.ragioneSociale),
    officeName: unitaOf(p)?.ragioneSociale,
  };
}

/**
 * paGetPayment's ctPaymentPA (V2: ctPaymentPAV2) of a pendenza: one transfer per voce in indice
 * order, summing to the pendenza's amount. With transferType POSTAL a voce is credited to its
 * postal account when it has one.
 */
export function paymentDataOf(p: PendenzaPagabile, versione: 'V1' | 'V2', transferType?: 'POSTAL' | 'PAGOPA'): PaymentData {
  const { pendenza } = p;
  const iuv = pendenza.iuv as string;
  const dominio = p.domini.get(pendenza.idDominio)!;
  const transfers = pendenza.voci.map((voce, i): Transfer => {
    const beneficiary = beneficiaryOf(p, voce);
    const accounts = accountsOf(voce, beneficiary);
    const common = {
      idTransfer: i + 1,
      transferAmountCents: voce.importoCents,
      fiscalCodePA: beneficiary.idDominio,
      ...(versione === 'V2' ? { companyName: truncate(beneficiary.ragioneSociale) } : {}),
      remittanceInformation: remittanceInformation(iuv, voce),
      metadata: metadataOf(voce.metadata),
    };
    if (!accounts) {
      return {
        ...common,
        richiestaMarcaDaBollo: {
          hashDocumento: voce.hashDocumento ?? '',
          tipoBollo: voce.tipoBollo ?? '01',
          provinciaResidenza: voce.provinciaResidenza ?? '',
        },
        transferCategory: CATEGORIA_MARCA_DA_BOLLO,
      };
    }
    const postal = transferType === 'POSTAL' ? [accounts.iban, accounts.appoggio].find((iban) => isPostale(beneficiary, iban)) : undefined;
    return {
      ...common,
      iban: postal ?? accounts.iban,
      transferCategory: transferCategory(accounts.tipoContabilita, accounts.codiceContabilita),
    };
  });
  return {
    creditorReferenceId: iuv,
    paymentAmountCents: pendenza.importoCents,
    dueDate: dueDateOf(pendenza) ?? '2999-12-31',
    description: truncate(pendenza.causale),
    companyName: truncate(dominio.ragioneSociale),
    officeName: unitaOf(p)?.ragioneSociale,
    debtor: subjectOf(pendenza.soggettoPagatore),
    transfers,
  };
}

/** A Subject as pagoPA's XML names its elements (`e-mail`), without the absent ones. */
export function subjectJson(s: Subject): Record<string, unknown> {
  return compact({
    uniqueIdentifier: s.uniqueIdentifier,
    fullName: s.fullName,
    streetName: s.streetName,
    civicNumber: s.civicNumber,
    postalCode: s.postalCode,
    city: s.city,
    stateProvinceRegion: s.stateProvinceRegion,
    country: s.country,
    'e-mail': s.email,
  });
}

const mapJson = (entries: MapEntry[] | undefined) => (entries?.length ? { mapEntry: entries } : undefined);

/**
 * PaymentData in pagoPA's JSON shape (ctPaymentPA's element names, amounts as "10.00"): what rpp
 * keeps as the payment's request and what the Ente's notification carries as `rpt`.
 */
export function ctPaymentPAJson(data: PaymentData): Record<string, unknown> {
  return compact({
    creditorReferenceId: data.creditorReferenceId,
    paymentAmount: centsToDecimalString(data.paymentAmountCents),
    dueDate: data.dueDate,
    description: data.description,
    companyName: data.companyName,
    officeName: data.officeName,
    debtor: subjectJson(data.debtor),
    transferList: {
      transfer: data.transfers.map((t) =>
        compact({
          idTransfer: t.idTransfer,
          transferAmount: centsToDecimalString(t.transferAmountCents),
          fiscalCodePA: t.fiscalCodePA,
          companyName: t.companyName,
          IBAN: t.iban,
          richiestaMarcaDaBollo: t.richiestaMarcaDaBollo,
          remittanceInformation: t.remittanceInformation,
          transferCategory: t.transferCategory,
          metadata: mapJson(t.metadata),
        }),
      ),
    },
    metadata: mapJson(data.metadata),
  });
}
