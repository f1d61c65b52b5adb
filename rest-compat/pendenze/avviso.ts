import { romeDate } from '../shared/dates';
import type { GraphPendenza } from './mapping';

const STATO_AVVISO: Record<string, string> = {
  NON_ESEGUITA: 'NON_ESEGUITA',
  ESEGUITA: 'DUPLICATA',
  ESEGUITA_PARZIALE: 'DUPLICATA',
  ANNULLATA: 'ANNULLATA',
  SCADUTA: 'SCADUTA',
};

/**
 * GovPay's Avviso: the notice's state and the texts of its codes. QR code and GS1-128 barcode as
 * pagoPA defines them: amounts in cents, with the dominio's codice fiscale and GLN.
 */
export function avvisoJson(p: GraphPendenza & { dominio: { gln?: string } }) {
  // pagoPA's codes write the amount as 00.00 without the dot: 5.00 → 0500, 100.99 → 10099.
  const [euros, decimals] = p.importo.split('.');
  const cents = `${euros.padStart(2, '0')}${decimals}`;
  const gln = p.dominio.gln;
  const numero = p.numeroAvviso ?? '';
  return {
    stato: STATO_AVVISO[String(p.stato)] ?? 'SCONOSCIUTA',
    importo: Number(p.importo),
    idDominio: p.dominio.idDominio,
    numeroAvviso: numero,
    ...(p.dataValidita ? { dataValidita: String(p.dataValidita) } : {}),
    ...(p.dataScadenza ? { dataScadenza: String(p.dataScadenza) } : {}),
    ...(p.dataPagamento ? { dataPagamento: romeDate(String(p.dataPagamento)) } : {}),
    descrizione: String(p.causale),
    ...(p.tassonomiaAvviso ? { tassonomiaAvviso: String(p.tassonomiaAvviso) } : {}),
    qrcode: `PAGOPA|002|${numero}|${p.dominio.idDominio}|${cents}`,
    ...(gln ? { barcode: `415${gln}8020${numero}3902${cents}` } : {}),
  };
}
