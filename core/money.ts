import { z } from 'zod';

/** The largest amount pagoPA carries: 999,999,999.99 euro. */
export const MAX_CENTS = 99_999_999_999;

/**
 * A euro amount as GovPay's JSON carries it (a number with at most two decimals), turned into
 * integer cents without float arithmetic: the number's shortest decimal text is parsed.
 */
export const euroAmount = z
  .number()
  .refine((n) => /^\d+(\.\d{1,2})?$/.test(String(n)), 'al massimo due cifre decimali, non negativo')
  .transform((n) => {
    const [int, dec = ''] = String(n).split('.');
    return Number(int) * 100 + Number(dec.padEnd(2, '0'));
  })
  .refine((cents) => cents <= MAX_CENTS, `non superiore a ${MAX_CENTS / 100}`);

/** Cents back to GovPay's JSON number: exact, since a two-decimal number has a shortest form. */
export function centsToEuro(cents: number): number {
  return Number(centsToDecimalString(cents));
}

/** Cents as pagoPA's SOAP and the graph write them: `\d+\.\d{2}`. */
export function centsToDecimalString(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Integer cents as a bigint, refusing negative, fractional, unsafe or too large amounts. */
export function toCents(importoCents: bigint | number): bigint {
  if (typeof importoCents === 'number' && !Number.isSafeInteger(importoCents)) {
    throw new Error(`importo non valido (centesimi interi attesi): ${importoCents}`);
  }
  const cents = BigInt(importoCents);
  if (cents < 0n || cents > BigInt(MAX_CENTS)) throw new Error(`importo fuori dai limiti pagoPA: ${cents} centesimi`);
  return cents;
}

/** Italian euro format from cents, as people read it (avviso, Checkout): 123456 → "1.234,56 €". */
export function formatEuro(importoCents: bigint | number): string {
  const cents = toCents(importoCents);
  const euros = thousands((cents / 100n).toString());
  return `${euros},${(cents % 100n).toString().padStart(2, '0')} €`;
}

/** Digits grouped by three from the right with dots ("1234567" → "1.234.567"), in one pass. */
function thousands(digits: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join('.');
}
