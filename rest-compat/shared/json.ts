import express, { type RequestHandler } from 'express';
import { isUtf8 } from 'node:buffer';
import { errors } from '../../subgraphs/shared/errors';

/** GovPay leaves optional fields out rather than sending null: the graph's nulls are dropped. */
export function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripNulls) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, stripNulls(v)]),
    ) as T;
  }
  return value;
}

/** Deeper than any body GovPay's APIs or the graph take; enough for free-form `proprieta` and `datiAllegati`. */
export const MAX_JSON_DEPTH = 64;

/**
 * The JSON body reader of the REST APIs and the graph: a body must be UTF-8 as it claims (bytes
 * that are not are refused, never patched with U+FFFD) and nest at most MAX_JSON_DEPTH levels;
 * both are checked on the raw bytes, before anything parses them.
 */
export function jsonBodyParser(limit: string): RequestHandler {
  return express.json({
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
