import { centsToDecimalString, MAX_CENTS } from '../../core/money';

/**
 * pagoPA amounts are `\d+\.\d{2}` strings up to 999,999,999.99. Inside the hub and the simulator
 * they are integer cents; these functions are the only way in and out, and never go through a float.
 */
export function formatAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0 || cents > MAX_CENTS) throw new RangeError(`not an amount in cents: ${cents}`);
  return centsToDecimalString(cents);
}

/** An amount as the XSD writes it (exactly two decimals), or undefined when the text is not one. */
export function parseSoapAmount(text: string): number | undefined {
  return toCents(text.trim(), /^(\d+)\.(\d{2})$/);
}

/** An amount a person types: `100`, `100.9` or `100.99` (never three decimals). */
export function parseDecimalAmount(text: string): number | undefined {
  return toCents(text, /^(\d+)(?:\.(\d{1,2}))?$/);
}

function toCents(text: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const euros = m[1].replace(/^0+(?=\d)/, '');
  // More than 9 integer digits is beyond pagoPA's maximum; checking the length first keeps
  // Number() within the range where it is exact.
  if (euros.length > 9) return undefined;
  const cents = Number(euros) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return cents <= MAX_CENTS ? cents : undefined;
}
