import { codiceImporto, qrCodePayload } from '../../subgraphs/pendenze/services';
import { romeDate } from '../../core/rome-time';
import type { GraphPendenza } from './mapping';

/** API Pendenze's and API Pagamento's states of an avviso, by the pendenza's. */
export const STATI_AVVISO: Record<string, string> = {
  NON_ESEGUITA: 'NON_ESEGUITA',
  ESEGUITA: 'DUPLICATA',
  ESEGUITA_PARZIALE: 'DUPLICATA',
  ANNULLATA: 'ANNULLATA',
  SCADUTA: 'SCADUTA',
};

/** The Backoffice's own words for them (its PendenzeConverter: a partly paid pendenza is Pagato). */
export const STATI_AVVISO_BACKOFFICE: Record<string, string> = {
  NON_ESEGUITA: 'Non pagato',
  ESEGUITA: 'Pagato',
  ESEGUITA_PARZIALE: 'Pagato',
  ANNULLATA: 'Annullato',
  SCADUTA: 'Scaduto',
};

/**
 * GovPay's Avviso: the notice's state and the texts of its codes. QR code and GS1-128 barcode as
 * pagoPA defines them: amounts in cents, with the dominio's codice fiscale and GLN.
 */
export function avvisoJson(p: GraphPendenza & { dominio: { gln?: string } }, stati = STATI_AVVISO) {
  // The graph's Importo is an exact two-decimal string: without its dot, it is the cents.
  const cents = Number(p.importo.replace('.', ''));
  const gln = p.dominio.gln;
  const numero = p.numeroAvviso ?? '';
  return {
    stato: stati[String(p.stato)] ?? 'SCONOSCIUTA',
    importo: Number(p.importo),
    idDominio: p.dominio.idDominio,
    numeroAvviso: numero,
    ...(p.dataValidita ? { dataValidita: String(p.dataValidita) } : {}),
    ...(p.dataScadenza ? { dataScadenza: String(p.dataScadenza) } : {}),
    ...(p.dataPagamento ? { dataPagamento: romeDate(String(p.dataPagamento)) } : {}),
    descrizione: String(p.causale),
    ...(p.tassonomiaAvviso ? { tassonomiaAvviso: String(p.tassonomiaAvviso) } : {}),
    qrcode: qrCodePayload(numero, p.dominio.idDominio, cents),
    ...(gln ? { barcode: `415${gln}8020${numero}3902${codiceImporto(cents)}` } : {}),
  };
}
