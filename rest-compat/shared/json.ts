import express, { type RequestHandler } from 'express';
import { isUtf8 } from 'node:buffer';
import { errors } from '../../core/errors';
import { NOT_XML_CHAR } from '../../core/xml-chars';

/** Deeper than any body GovPay's APIs or the graph take; enough for free-form `proprieta` and `datiAllegati`. */
export const MAX_JSON_DEPTH = 64;

/**
 * The JSON body reader of the REST APIs and the graph: a body must be UTF-8 as it claims (bytes
 * that are not are refused, never patched with U+FFFD) and nest at most MAX_JSON_DEPTH levels,
 * both checked on the raw bytes before anything parses them; and its strings may hold only
 * characters XML can carry (a NUL breaks the database's driver, a control character the station's
 * messages), checked once it is parsed.
 */
export function jsonBodyParser(limit: string): RequestHandler {
  const parse = express.json({
    limit,
    type: ['application/json', 'application/*+json'],
    verify: (_req, _res, body, encoding) => {
      if (encoding.toLowerCase() === 'utf-8' && !isUtf8(body)) {
        throw errors.syntax("Il messaggio ricevuto non e' codificato in UTF-8 valido.");
      }
      if (nestingDepth(body) > MAX_JSON_DEPTH) {
        throw errors.syntax(`Il messaggio ricevuto annida oggetti o liste oltre ${MAX_JSON_DEPTH} livelli.`);
      }
    },
  });
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      const where = illegalCharacterAt(req.body);
      next(where === undefined ? undefined : errors.syntax(`Il campo ${where || 'body'} contiene un carattere non ammesso.`));
    });
}

/**
 * Where in a parsed value (JSON, a query string) a string or a key holds a character XML cannot
 * carry: its dotted path ('' for the value itself), or undefined when there is none.
 */
export function illegalCharacterAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return NOT_XML_CHAR.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (NOT_XML_CHAR.test(key)) return at;
    const found = illegalCharacterAt(item, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]);
const CLOSERS = new Set([0x7d, 0x5d]);

/** How deep the JSON text's objects and arrays nest, in one pass over its bytes (strings skipped). */
function nestingDepth(body: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (OPENERS.has(b)) deepest = Math.max(deepest, ++depth);
    else if (CLOSERS.has(b)) depth--;
  }
  return deepest;
}
