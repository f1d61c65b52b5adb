import { z } from 'zod';
import { parseRomeDateTime } from '../../core/rome-time';

/**
 * The query parameters every GovPay REST API reads the same way, parsed once for all of them.
 * GovPay is lenient where its framework is (booleans, the spellings of a date); anything else is
 * the caller's syntax error, worded as GovPay words a bad parameter.
 */

/** GovPay's text for a parameter whose value it cannot read; the field name comes from where the parameter sits. */
const badValue = (value: string, ammessi: string) => ({
  dettaglio: (campo: string) => `Il valore indicato per il parametro [${campo}] non e' valido: il valore fornito [${value}] ${ammessi}.`,
});

const TRUE = new Set(['true', '1']);
const FALSE = new Set(['false', '0']);

/**
 * A boolean in a URL: `true`/`false` in any case, as GovPay reads them, and `1`/`0`, as the
 * clients generated from its specs (the PHP SDKs) write them.
 */
export const booleanParam = z
  .string()
  .max(16)
  .transform((v, ctx) => {
    const lower = v.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
    ctx.addIssue({ code: 'custom', message: 'booleano', params: badValue(v, "non e' tra quelli ammessi (true, false, 1, 0)") });
    return z.NEVER;
  });

/**
 * GovPay's spellings of a date filter (its SimpleDateFormatUtils): `yyyy-MM-dd'T'HH:mm[:ss[.SSS]]`,
 * with a space for the `T`, with an offset (`Z`, `+01:00`, `+0100`, `+01`) or without one (then
 * Europe/Rome local time), a date alone, or a year alone (its first instant).
 */
const DATE_TIME = /^(\d{4})(?:-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** A `+01:00` written unencoded in a URL arrives as ` 01:00` (a `+` is a space in a query string). */
const DECODED_PLUS = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?) (\d{2}(?::?\d{2})?)$/;

/** The instant a GovPay date filter names, or undefined when it names none (a 30 February). */
export function parseDateFilter(text: string, fine: boolean): Date | undefined {
  const m = DATE_TIME.exec(text.replace(DECODED_PLUS, '$1+$2'));
  if (!m) return undefined;
  const [, year, month = '01', day = '01', hour, minute, second = '00', millis = '0', offset] = m;
  if (!realDate(Number(year), Number(month), Number(day)) || Number(hour ?? 0) > 23 || Number(minute ?? 0) > 59 || Number(second) > 59)
    return undefined;
  // A date alone (no time, no offset) is a whole day: dataA is its last millisecond, as GovPay's.
  const dateOnly = m[2] !== undefined && hour === undefined && offset === undefined;
  const time =
    hour === undefined ? (fine && dateOnly ? '23:59:59.999' : '00:00:00.000') : `${hour}:${minute}:${second}.${millis.padEnd(3, '0')}`;
  return parseRomeDateTime(`${year}-${month}-${day}T${time}${isoOffset(offset)}`);
}

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `Z`, `+01:00`, `+0100` and `+01` as the `+01:00` of ISO 8601. */
function isoOffset(offset: string | undefined): string {
  if (!offset || offset === 'Z') return offset ?? '';
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2).padEnd(2, '0')}`;
}

/**
 * A date or date-time filter as GovPay accepts it (parseDateFilter), as the graph's ISO instant.
 * `fine` makes a date alone its last millisecond, as GovPay's dataA does.
 */
export function dateTimeParam(fine = false) {
  return z
    .string()
    .max(40)
    .transform((v, ctx) => {
      const d = parseDateFilter(v, fine);
      if (d) return d.toISOString();
      ctx.addIssue({
        code: 'custom',
        message: 'data',
        params: { dettaglio: (campo: string) => `Il formato della data indicata [${v}] per il parametro [${campo}] non e' valido.` },
      });
      return z.NEVER;
    });
}
