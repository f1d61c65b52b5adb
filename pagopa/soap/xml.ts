/**
 * A tiny XML writer for paForNode envelopes (the station's answers, the simulator's requests). Elements are written from branded
 * strings so that text can only reach the output through `leaf` (which escapes it): a caller
 * cannot splice unescaped data into a message by mistake.
 */
export type Xml = string & { readonly __xml: unique symbol };

/** Characters XML 1.0 cannot carry at all, not even as character references. */
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (ILLEGAL_XML_CHARS.test(text)) throw new Error(`text cannot be written in XML (control character): ${JSON.stringify(text)}`);
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** `<name>text</name>`, or nothing when the value is absent (the element is optional). */
export function leaf(name: string, value: string | undefined): Xml {
  return (value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`) as Xml;
}

/** `<name>…children…</name>`, or nothing when `children` is undefined (an optional group). */
export function group(name: string, children: Xml[] | undefined): Xml {
  return (children === undefined ? '' : `<${name}>${children.join('')}</${name}>`) as Xml;
}

/** Several elements of one name (a repeated element such as `transfer`). */
export function list<T>(items: readonly T[], write: (item: T) => Xml): Xml {
  return items.map(write).join('') as Xml;
}

/** Text from elsewhere (an error quoting its input) made writable: characters XML cannot carry become U+FFFD. */
export function writable(text: string): string {
  return text.replace(new RegExp(ILLEGAL_XML_CHARS.source, 'g'), '\uFFFD');
}
