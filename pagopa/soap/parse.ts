import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { isUtf8 } from 'node:buffer';
import { NOT_XML_CHAR } from '../../core/xml-chars';
import { SOAP11_ENV_NS } from './protocol';

/**
 * Reads a SOAP message from another system (the Nodo's request, the station's answer),
 * defensively: a DOCTYPE or an entity declaration is refused outright, before any parsing, and
 * no entity is ever resolved (so no external entity, no entity expansion): only XML's five
 * predefined escapes and character references are decoded, which define no entities of their own.
 */

/** An element with its namespace resolved and its text decoded; children in document order. */
export interface XmlElement {
  name: string;
  namespace?: string;
  text: string;
  children: XmlElement[];
}

export interface SoapDocument {
  /** The body's root element (e.g. `paVerifyPaymentNoticeRes`), for the readers. */
  root: XmlElement;
  /** The same element as a standalone document, namespaces declared on it, for xmllint. */
  bodyXml: string;
}

export type ParseResult = { ok: true; document: SoapDocument } | { ok: false; error: string };

/** fast-xml-parser's ordered tree: `{ tag: children[], ':@': attributes }` or `{ '#text': … }`. */
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

// The tree is kept raw (no entity processing, no trimming, no value parsing) so that it can be
// written back byte for byte where it matters: the body document xmllint validates.
const TREE_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  // paForNode's deepest element (a transfer's metadata key) is nine levels down the envelope.
  maxNestedTags: 32,
} as const;

const parser = new XMLParser(TREE_OPTIONS);
const builder = new XMLBuilder(TREE_OPTIONS);

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;

/** Reads a message as text, or as the bytes received: those must be UTF-8 (never patched with U+FFFD). */
export function parseSoap(message: string | Buffer): ParseResult {
  if (Buffer.isBuffer(message) && !isUtf8(message)) return { ok: false, error: 'not well-formed XML: the body is not valid UTF-8' };
  const text = Buffer.isBuffer(message) ? message.toString('utf8') : message;
  if (!text.trim()) return { ok: false, error: 'empty body' };
  if (/<!DOCTYPE/i.test(text)) return { ok: false, error: 'refused: the document carries a DOCTYPE' };
  if (/<!ENTITY/i.test(text)) return { ok: false, error: 'refused: the document declares an entity' };
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) return { ok: false, error: `not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})` };
  const illegal = NOT_XML_CHAR.exec(text);
  if (illegal) return { ok: false, error: `not well-formed XML: character U+${codePointHex(illegal[0])} is not allowed in XML` };
  const markup = withoutCdataAndComments(text);
  const references = [...markup.matchAll(REFERENCE)];
  const unknown = references.find((m) => !m[1].startsWith('#') && !(m[1] in PREDEFINED));
  if (unknown) return { ok: false, error: `refused: undefined entity reference ${unknown[0]}` };
  const badCharacter = references.find((m) => m[1].startsWith('#') && characterOf(m[1]) === undefined);
  if (badCharacter) return { ok: false, error: `not well-formed XML: ${badCharacter[0]} is not a character XML allows` };

  let tree: OrderedNode[];
  try {
    tree = parser.parse(text) as OrderedNode[];
  } catch (e) {
    // The parser's own limits (nesting depth): the input's fault, told as such.
    return { ok: false, error: `refused: ${(e as Error).message}` };
  }
  const top = elementsOf(tree);
  if (top.length !== 1) return { ok: false, error: `not an XML document with one root element (${top.length} found)` };
  const [envelope] = top;
  const scope = declarations(envelope, {});
  if (qualified(tagOf(envelope), scope) !== `{${SOAP11_ENV_NS}}Envelope`) {
    return { ok: false, error: `not a SOAP 1.1 envelope: root element ${tagOf(envelope)}` };
  }
  const body = childrenOf(envelope).find((c) => qualified(tagOf(c), scope) === `{${SOAP11_ENV_NS}}Body`);
  if (!body) return { ok: false, error: 'the envelope has no soap:Body' };
  const bodyScope = declarations(body, scope);
  const [root] = childrenOf(body);
  if (!root) return { ok: false, error: 'the soap:Body is empty' };
  const element = toElement(root, bodyScope);
  // Written only when asked for: the station never needs it, the simulator validates it.
  const document = {
    root: element,
    get bodyXml() {
      return `<?xml version="1.0" encoding="UTF-8"?>\n${elementXml(element)}`;
    },
  };
  return { ok: true, document };
}

/**
 * The text without its CDATA sections and comments, where references mean nothing: found with
 * indexOf, in one pass (a lazy pattern for them backtracks on unterminated ones).
 */
function withoutCdataAndComments(text: string): string {
  const sections = [
    { open: '<![CDATA[', close: ']]>', at: -1 },
    { open: '<!--', close: '-->', at: -1 },
  ];
  const kept: string[] = [];
  let at = 0;
  for (;;) {
    // Each opening is searched again only once the scan has passed it: one pass in all.
    for (const section of sections) {
      if (section.at >= at) continue;
      const found = text.indexOf(section.open, at);
      section.at = found < 0 ? Infinity : found;
    }
    const next = sections[0].at <= sections[1].at ? sections[0] : sections[1];
    if (next.at === Infinity) break;
    kept.push(text.slice(at, next.at));
    const end = text.indexOf(next.close, next.at + next.open.length);
    if (end < 0) return kept.join('');
    at = end + next.close.length;
  }
  kept.push(text.slice(at));
  return kept.join('');
}

/** Decodes the predefined escapes and character references of a text node (all checked by parseSoap). */
function decode(raw: string): string {
  return raw.replace(REFERENCE, (whole, ref: string) => (ref.startsWith('#') ? characterOf(ref) : PREDEFINED[ref]) ?? whole);
}

/** The character a reference (`#x41`, `#65`) stands for, or undefined when XML allows no such character. */
function characterOf(ref: string): string | undefined {
  const digits = ref.startsWith('#x') ? ref.slice(2) : ref.slice(1);
  // Longer than any code point: parseInt would lose precision, and nothing that long is a character.
  if (digits.replace(/^0+/, '').length > 7) return undefined;
  const code = parseInt(digits, ref.startsWith('#x') ? 16 : 10);
  if (code > 0x10ffff) return undefined;
  const character = String.fromCodePoint(code);
  return NOT_XML_CHAR.test(character) ? undefined : character;
}

const codePointHex = (c: string) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

const tagOf = (node: OrderedNode) => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: OrderedNode) => elementsOf(node[tagOf(node)] as OrderedNode[]);
const elementsOf = (nodes: OrderedNode[]) => nodes.filter((n) => !('#text' in n) && !('#cdata' in n));

/** Namespace prefixes in scope at `node`: its own xmlns declarations over its parent's. */
function declarations(node: OrderedNode, parent: Record<string, string>): Record<string, string> {
  const scope = { ...parent };
  for (const [attr, value] of Object.entries(node[':@'] ?? {})) {
    if (attr === '@xmlns') scope[''] = decode(value);
    else if (attr.startsWith('@xmlns:')) scope[attr.slice('@xmlns:'.length)] = decode(value);
  }
  return scope;
}

function split(tag: string): [prefix: string, local: string] {
  const i = tag.indexOf(':');
  return i < 0 ? ['', tag] : [tag.slice(0, i), tag.slice(i + 1)];
}

/** `{namespace}local`, the element's name as XML namespaces define it. */
function qualified(tag: string, scope: Record<string, string>): string {
  const [prefix, local] = split(tag);
  return `{${scope[prefix] ?? ''}}${local}`;
}

/** Where each element was read from, so that it can be written back as it came. */
const sources = new WeakMap<XmlElement, { node: OrderedNode; scope: Record<string, string> }>();

function toElement(node: OrderedNode, parentScope: Record<string, string>): XmlElement {
  const scope = declarations(node, parentScope);
  const tag = tagOf(node);
  const [prefix, name] = split(tag);
  let text = '';
  const children: XmlElement[] = [];
  for (const child of node[tag] as OrderedNode[]) {
    if ('#text' in child) text += decode(String(child['#text']));
    else if ('#cdata' in child) text += (child['#cdata'] as OrderedNode[]).map((c) => String(c['#text'] ?? '')).join('');
    else children.push(toElement(child, scope));
  }
  const element: XmlElement = { name, namespace: scope[prefix] || undefined, text, children };
  sources.set(element, { node, scope: parentScope });
  return element;
}

/** The element as it was received, written alone with the namespace declarations in scope. */
export function elementXml(element: XmlElement): string {
  const source = sources.get(element);
  if (!source) throw new Error(`element ${element.name} was not read by parseSoap`);
  return standalone(source.node, source.scope);
}

/** The element written alone, with every namespace declaration its ancestors put in scope. */
function standalone(node: OrderedNode, inherited: Record<string, string>): string {
  const own = node[':@'] ?? {};
  const attributes: Record<string, string> = {};
  for (const [prefix, uri] of Object.entries(inherited)) {
    const attr = prefix ? `@xmlns:${prefix}` : '@xmlns';
    if (!(attr in own)) attributes[attr] = uri.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  }
  const copy: OrderedNode = { ...node, ':@': { ...attributes, ...own } };
  return builder.build([copy]) as string;
}
