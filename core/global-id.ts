import { errors } from './errors';

/**
 * The graph's opaque ids (`id: ID!`): base64url of `<Type>:<key>`, the key an integer primary key
 * or, for an object known by a natural key, the JSON array of its parts. Clients keep them as
 * strings; events carry them so that a subscription reads the object by the same id.
 */
export function toGlobalId(type: string, pk: number | string): string {
  return Buffer.from(`${type}:${pk}`).toString('base64url');
}

/** The id of an object known by a natural key of one or more strings (a pendenza by idA2A and idPendenza). */
export function toGlobalKeyId(type: string, key: readonly string[]): string {
  return toGlobalId(type, JSON.stringify(key));
}

/** The type and key an id names, or undefined when it is no global id (base64url is lenient: it must read back the same). */
export function parseGlobalId(id: string): { type: string; key: string } | undefined {
  const m = /^([A-Za-z]+):(.+)$/s.exec(Buffer.from(id, 'base64url').toString('utf8'));
  return m && toGlobalId(m[1], m[2]) === id ? { type: m[1], key: m[2] } : undefined;
}

/** The integer primary key of a `type` id, or undefined when it is malformed or names another type. */
export function pkOf(type: string, id: string): number | undefined {
  const m = /^([A-Za-z]+):(\d{1,15})$/.exec(Buffer.from(id, 'base64url').toString('utf8'));
  return m && m[1] === type ? Number(m[2]) : undefined;
}

/** The natural key (`arity` strings) of a `type` id made by toGlobalKeyId, or undefined when it is malformed or names another type. */
export function keyOf(type: string, id: string, arity: number): string[] | undefined {
  const parsed = parseGlobalId(id);
  if (parsed?.type !== type) return undefined;
  try {
    const key: unknown = JSON.parse(parsed.key);
    return Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string') ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The integer primary key of a `type` id; a malformed id, or one of another type, is a syntax error. */
export function fromGlobalId(type: string, id: string): number {
  const pk = pkOf(type, id);
  if (pk === undefined) throw errors.syntax(`L'identificativo '${id}' non e' valido per ${type}.`);
  return pk;
}

/** The natural key of a `type` id made by toGlobalKeyId; a malformed id, or one of another type, is a syntax error. */
export function fromGlobalKeyId(type: string, id: string, arity: number): string[] {
  const key = keyOf(type, id, arity);
  if (key === undefined) throw errors.syntax(`L'identificativo '${id}' non e' valido per ${type}.`);
  return key;
}
