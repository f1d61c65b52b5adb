/**
 * The Ente's calendar: GovPay writes dates as yyyy-MM-dd in Europe/Rome, and "today" (for a
 * pendenza's expiry, an IUV prefix's year) is Rome's today. One formatter, built once.
 */
const romeCalendar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** yyyy-MM-dd of an instant in Europe/Rome. */
export function romeDate(instant: string | Date = new Date()): string {
  return romeCalendar.format(new Date(instant));
}
