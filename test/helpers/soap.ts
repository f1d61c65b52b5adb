import { parseSoap, type SoapDocument } from '../../pagopa/soap/parse';

/** A SOAP message the test expects to be readable: its body document, or the reader's error thrown. */
export function soapDocument(xml: string): SoapDocument {
  const r = parseSoap(xml);
  if (!r.ok) throw new Error(`${r.error}: ${xml.slice(0, 500)}`);
  return r.document;
}
