import { errors } from './errors';

/**
 * The graph's opaque ids (`id: ID!`): base64url of `<Type>:<primary key>`. Clients keep them as
 * strings; events carry them so that a subscription reads the object by the same id.
 */
export function toGlobalId(type: string, pk: number | string): string {
  return Buffer.from(`${type}:${pk}`).toString('base64url');
}

/** The integer primary key of a `type` id, or undefined when it is malformed or names another type. */
export function pkOf(type: string, id: string): number | undefined {
  const m = /^([A-Za-z]+):(\d{1,15})$/.exec(Buffer.from(id, 'base64url').toString('utf8'));
  return m && m[1] === type ? Number(m[2]) : undefined;
}

/** The integer primary key of a `type` id; a malformed id, or one of another type, is a syntax error. */
export function fromGlobalId(type: string, id: string): number {
  const pk = pkOf(type, id);
  if (pk === undefined) throw errors.syntax(`L'identificativo '${id}' non e' valido per ${type}.`);
  return pk;
}
