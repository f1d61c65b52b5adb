import { z } from 'zod';
import { parseSoapAmount } from '../soap/amount';

/**
 * paForNode.xsd's simple types as zod schemas over an element's text, each accepting exactly the
 * lexical forms the XSD accepts. String types keep their whitespace (xs:string preserves it);
 * decimals, integers, booleans, dates and base64 are whitespace-collapsed first, as XSD does.
 */
const collapse = (text: string) => text.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');

/** Length in characters (code points), as XSD counts, not in UTF-16 units. */
const length = (text: string) => [...text].length;

export const text = (max: number, min = 1) =>
  z.string().refine((s) => length(s) >= min && length(s) <= max, `must be ${min} to ${max} characters long`);

export const anyText = z.string();

export const pattern = (re: RegExp, what: string) => z.string().regex(re, `must be ${what}`);

export const fiscalCodePA = pattern(/^[0-9]{11}$/, '11 digits');
export const noticeNumber = pattern(/^[0-9]{18}$/, '18 digits');
export const nazioneProvincia = pattern(/^[A-Z]{2}$/, 'two capital letters');
export const email = z
  .string()
  .regex(/^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/, 'must be an e-mail address')
  .refine((s) => length(s) <= 256, 'must be at most 256 characters long');

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** stAmount: `\d+\.\d{2}` up to 999999999.99, read into integer cents (never a float). */
const amountText = z
  .string()
  .transform(collapse)
  .refine((s) => /^[0-9]+\.[0-9]{2}$/.test(s) && parseSoapAmount(s) !== undefined, 'must be an amount like 10.00 (at most 999999999.99)')
  .transform((s) => parseSoapAmount(s) as number);

export const amount = amountText;
export const amountNotZero = amountText.refine((cents) => cents >= 1, 'must be at least 0.01');

/** stIdTransfer: an xs:int from 1 to 5 (so `+1` and `01` are 1). */
export const idTransfer = z
  .string()
  .transform(collapse)
  .refine((s) => /^\+?0*[1-5]$/.test(s), 'must be a transfer number from 1 to 5')
  .transform((s) => Number(s));

export const boolean = z
  .string()
  .transform(collapse)
  .refine((s) => ['true', 'false', '1', '0'].includes(s), 'must be true or false')
  .transform((s) => s === 'true' || s === '1');

const DATE = /^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})/;
const TIME = /^T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?/;
const ZONE = /^(Z|[+-]([0-9]{2}):([0-9]{2}))?$/;

function validDate(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year === 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function validZone(zone: string): boolean {
  const z = ZONE.exec(zone);
  if (!z) return false;
  if (!z[2]) return true;
  const minutes = Number(z[2]) * 60 + Number(z[3]);
  return Number(z[3]) < 60 && minutes <= 14 * 60;
}

function isDate(s: string): boolean {
  const d = DATE.exec(s);
  return !!d && validDate(d[1], d[2], d[3]) && validZone(s.slice(d[0].length));
}

function isDateTime(s: string): boolean {
  const d = DATE.exec(s);
  if (!d || !validDate(d[1], d[2], d[3])) return false;
  const rest = s.slice(d[0].length);
  const t = TIME.exec(rest);
  if (!t) return false;
  const [h, min, sec] = [Number(t[1]), Number(t[2]), Number(t[3])];
  const endOfDay = h === 24 && min === 0 && sec === 0 && !/[1-9]/.test(t[4] ?? '');
  if (!endOfDay && (h > 23 || min > 59 || sec > 59)) return false;
  return validZone(rest.slice(t[0].length));
}

/** xs:date, handed on as `yyyy-MM-dd` (a time zone, rare and meaningless for a due date, is dropped). */
export const date = z
  .string()
  .transform(collapse)
  .refine(isDate, 'must be a date like 2026-12-31')
  .transform((s) => (DATE.exec(s) as RegExpExecArray)[0]);

/** xs:dateTime, handed on as sent (collapsed). */
export const dateTime = z.string().transform(collapse).refine(isDateTime, 'must be a date-time like 2026-12-31T10:15:00');

/** xs:base64Binary: groups of four, the last padded with `=` where its spare bits are zero. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=|[A-Za-z0-9+/][AQgw]==)?$/;
export const base64 = z
  .string()
  .transform(collapse)
  .refine((s) => BASE64.test(s.replace(/ /g, '')), 'must be base64');
