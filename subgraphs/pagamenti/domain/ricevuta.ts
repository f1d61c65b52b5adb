import type { Rpp, Soggetto } from '../../../schema/entities';
import { soggettoOf, storedCents, storedReceipt, type StoredReceipt } from './receipt-json';

/**
 * The ricevuta di pagamento a person keeps: who was paid (the Ente), who owed (the debtor) and who
 * paid (the payer, when someone else), how much, for which notice, through which PSP, when, for
 * what, and the outcome. The same data as the PDF and as the graph's RicevutaPagamento.
 */
export interface RicevutaView {
  idDominio: string;
  ragioneSocialeDominio: string;
  iuv: string;
  numeroAvviso?: string;
  /** The receipt's id (IUR, pagoPA's receiptId; GovPay's ccp). */
  idRicevuta: string;
  esito: 'ESEGUITO' | 'NON_ESEGUITO';
  importoCents: number;
  dataPagamento: Date;
  causale?: string;
  debitore: Soggetto;
  /** Who paid, when not the debtor. */
  versante?: Soggetto;
  psp: { idPsp: string; ragioneSociale?: string; idCanale?: string; codiceFiscale?: string };
  voci: VoceRicevuta[];
}

export interface VoceRicevuta {
  descrizione: string;
  importoCents: number;
}

/**
 * The receipt of a payment attempt; null when the attempt has no receipt (yet). The Rpp comes
 * with its dominio and, when the hub holds the position, its pendenza and voci: the debtor and
 * what was paid are read from the receipt pagoPA sent, the voci's descriptions from the pendenza.
 */
export function toRicevutaView(r: Rpp): RicevutaView | null {
  if (!r.ricevutaXml) return null;
  const receipt = storedReceipt(r);
  const p = r.pendenza;
  const debitore = soggettoOf(receipt.debtor);
  const versante = receipt.payer ? soggettoOf(receipt.payer) : undefined;
  return {
    idDominio: r.dominio.idDominio,
    ragioneSocialeDominio: r.dominio.ragioneSociale,
    iuv: r.iuv,
    numeroAvviso: receipt.noticeNumber ?? p?.numeroAvviso ?? undefined,
    idRicevuta: r.ccp,
    esito: r.esito,
    importoCents: r.importoCents,
    dataPagamento: r.dataPagamento,
    causale: p?.causale ?? receipt.description,
    debitore,
    versante: versante && !samePerson(versante, debitore) ? versante : undefined,
    psp: {
      idPsp: r.idPsp,
      ragioneSociale: r.ragioneSocialePsp ?? undefined,
      idCanale: r.idCanale ?? undefined,
      codiceFiscale: receipt.pspFiscalCode,
    },
    voci: p ? vociOfPendenza(r) : vociOfTransfers(receipt),
  };
}

const samePerson = (a: Soggetto, b: Soggetto) => a.identificativo === b.identificativo && a.anagrafica === b.anagrafica;

function vociOfPendenza(r: Rpp): VoceRicevuta[] {
  const voci = r.pendenza?.voci.getItems() ?? [];
  return [...voci].sort((a, b) => a.indice - b.indice).map((v) => ({ descrizione: v.descrizione, importoCents: v.importoCents }));
}

/** A position the hub does not hold: the transfers as pagoPA describes them (`/RFB/<iuv>/<importo>/TXT/<testo>`: the text). */
function vociOfTransfers(receipt: StoredReceipt): VoceRicevuta[] {
  return (receipt.transferList?.transfer ?? []).map((t) => {
    const info = t.remittanceInformation ?? '';
    const text = info.indexOf('/TXT/');
    return { descrizione: text >= 0 ? info.slice(text + 5) : info, importoCents: storedCents(t.transferAmount) ?? 0 };
  });
}
