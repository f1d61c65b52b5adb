/** GovPay writes dates as yyyy-MM-dd and date-times as Europe/Rome local yyyy-MM-dd'T'HH:mm:ss.SSS. */
const romeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(d: Date): Record<string, string> {
  return Object.fromEntries(romeParts.formatToParts(d).map((p) => [p.type, p.value]));
}

export function romeDate(iso: string | Date): string {
  const p = parts(new Date(iso));
  return `${p.year}-${p.month}-${p.day}`;
}

export function romeDateTime(iso: string | Date): string {
  const d = new Date(iso);
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}
