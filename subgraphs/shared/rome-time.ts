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
