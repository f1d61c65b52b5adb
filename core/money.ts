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
