/**
 * The Ente's calendar: GovPay writes dates as yyyy-MM-dd in Europe/Rome, and "today" (for a
 * pendenza's expiry, an IUV prefix's year) is Rome's today. One formatter, built once.
 */
const romeCalendar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** yyyy-MM-dd of an instant in Europe/Rome. */
export function romeDate(instant: string | Date = new Date()): string {
  return romeCalendar.format(new Date(instant));
}

const romeClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});

/** GovPay's date-time: Europe/Rome local time without offset, yyyy-MM-dd'T'HH:mm:ss.SSS. */
export function romeDateTime(instant: string | Date = new Date()): string {
  const p = Object.fromEntries(romeClock.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}.${p.fractionalSecond}`;
}

/**
 * The instant of an xsd:dateTime text: with an offset (or Z) as written, without one as
 * Europe/Rome local time (how pagoPA's receipts write paymentDateTime). Undefined when invalid.
 */
export function parseRomeDateTime(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!m) return undefined;
  if (m[8]) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const ms = Math.round(Number(m[7] ?? 0) * 1000);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Rome's offset at that moment: how far Rome's clock reading of the guess is from the guess.
  const offset = Date.parse(`${romeDateTime(new Date(asUtc))}Z`) - asUtc;
  const instant = new Date(asUtc - offset);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}
