import { XMLBuilder } from 'fast-xml-parser';

/**
 * The attempt's request as XML, for GET /rpp/…/rpt with Accept: application/xml. The hub keeps the
 * request as ctPaymentPA's JSON shape (element names as keys, repeated elements as arrays), so the
 * XML is that shape written back as paGetPaymentRes's `data` element, children unqualified.
 */
const builder = new XMLBuilder({ ignoreAttributes: true, suppressEmptyNode: true, processEntities: true });

export function rptXml(richiesta: Record<string, unknown>): string {
  // An absent optional element is null in the JSON: in the XML it is left out, not written empty.
  const data = JSON.parse(JSON.stringify(richiesta, (_k, v: unknown) => (v === null ? undefined : v)));
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ data })}`;
}
