/**
 * What an Avviso pagoPA prints and encodes, as pure functions of its data: the QR code and the Poste
 * Italiane data matrix payloads (pagoPA "Avviso di pagamento analogico", GovPay's IuvUtils and
 * AvvisoPagamentoV2Utils) and the Italian formats of the numero avviso, of amounts and of dates.
 * Amounts are integer cents (bigint or a safe integer number), never floats.
 */

import { formatEuro, toCents } from '../../../core/money';

/** The amounts' formats live in core (Checkout's page prints them too); the avviso's callers find them here with the rest. */
export { formatEuro, toCents };

function checkNumeroAvviso(numeroAvviso: string): string {
  if (!/^\d{18}$/.test(numeroAvviso)) throw new Error(`numero avviso non valido (18 cifre attese): ${numeroAvviso}`);
  return numeroAvviso;
}

function checkCfEnte(cfEnte: string): string {
  if (!/^\d{11}$/.test(cfEnte)) throw new Error(`codice fiscale ente non valido (11 cifre attese): ${cfEnte}`);
  return cfEnte;
}

/**
 * `PAGOPA|002|<numero avviso>|<cf ente>|<importo>`, the importo written as `00.00` without the dot:
 * 100.99 → `10099`, 5.00 → `0500`, 0.50 → `0050`.
 */
export function qrCodePayload(numeroAvviso: string, cfEnte: string, importoCents: bigint | number): string {
  return `PAGOPA|002|${checkNumeroAvviso(numeroAvviso)}|${checkCfEnte(cfEnte)}|${codiceImporto(importoCents)}`;
}

/** The amount as pagoPA's codes (QR code, GS1-128 barcode) write it: cents, at least four digits (5.00 → 0500). */
export function codiceImporto(importoCents: bigint | number): string {
  return toCents(importoCents).toString().padStart(4, '0');
}

/**
 * Upper case, accents folded to their letter and anything else outside printable ASCII made a
 * space: what the Poste data matrix accepts ("Niccolò Škoda" → "NICCOLO SKODA").
 */
export function asciiFoldUpper(text: string): string {
  return text
    .toUpperCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[^\x20-\x7e]/g, ' ');
}

/** Cut to `width` characters or right-padded with spaces to it. */
function fixed(text: string, width: number): string {
  return text.slice(0, width).padEnd(width, ' ');
}

export interface PosteDataMatrixInput {
  numeroAvviso: string;
  /** The postal IBAN; its last 12 characters are the conto corrente postale number. */
  ibanPostale: string;
  importoCents: bigint | number;
  cfEnte: string;
  cfDebitore: string;
  anagraficaDebitore: string;
  causale: string;
}

/** The conto corrente postale of a postal IBAN: its last 12 characters. */
export function contoCorrentePostale(ibanPostale: string): string {
  const iban = ibanPostale.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{12,30}$/.test(iban)) throw new Error(`IBAN postale non valido: ${ibanPostale}`);
  return iban.slice(-12);
}

/**
 * The Poste Italiane data matrix (256 characters):
 * `codfase=NBPA;` + codeline + `1P1` + cf ente (11) + cf debitore (16) + anagrafica (40) + causale (110)
 * + 12 spaces + `A`, where codeline = `18` + numero avviso (18) + `12` + conto (12) + `10` + importo in
 * centesimi (10 digits) + `3896`. Debtor and causale are upper case, ASCII-folded, cut or space-padded.
 */
export function posteDataMatrixPayload(input: PosteDataMatrixInput): string {
  const cents = toCents(input.importoCents);
  if (cents > 9_999_999_999n) throw new Error(`importo troppo grande per il bollettino postale: ${cents} centesimi`);
  const codeline =
    `18${checkNumeroAvviso(input.numeroAvviso)}` +
    `12${contoCorrentePostale(input.ibanPostale)}` +
    `10${cents.toString().padStart(10, '0')}` +
    '3896';
  return (
    `codfase=NBPA;${codeline}1P1${checkCfEnte(input.cfEnte)}` +
    fixed(asciiFoldUpper(input.cfDebitore.trim()), 16) +
    fixed(asciiFoldUpper(input.anagraficaDebitore.trim()), 40) +
    fixed(asciiFoldUpper(input.causale.trim()), 110) +
    ' '.repeat(12) +
    'A'
  );
}

/** The numero avviso as printed: groups of 4 digits ("3012 3456 7890 1234 56"). */
export function formatNumeroAvviso(numeroAvviso: string): string {
  return checkNumeroAvviso(numeroAvviso).replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** `YYYY-MM-DD` → `dd/MM/yyyy`, refusing dates that do not exist. */
export function formatData(data: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(data);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !day || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) {
    throw new Error(`data non valida (YYYY-MM-DD attesa): ${data}`);
  }
  return `${m[3]}/${m[2]}/${m[1]}`;
}
