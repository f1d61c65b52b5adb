/**
 * The secrets of connectors (the intermediario's towards pagoPA, an applicazione's towards the
 * Ente's systems): the fields of GovPay's `tipoAutenticazione` variants and of its connectors that
 * hold a password or key. GovPay returns them in clear; the hub never does: a read shows MASK in
 * their place (GovPay's schema requires the fields, and its clients read them), and a PUT that
 * leaves them out or sends MASK back keeps the stored ones.
 */
const SECRET_FIELDS = new Set([
  'password',
  'ksPassword',
  'ksPKeyPasswd',
  'tsPassword',
  'headerValue',
  'apiKey',
  'clientSecret',
  'secretKey',
  'subscriptionKey',
]);

/** What a read shows in place of a secret. */
export const MASK = '********';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const unset = (v: unknown) => v === undefined || v === null || v === MASK;

/** A copy of `value` with every secret field that has a value masked, at any depth. */
export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(maskSecrets) as T;
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? (unset(v) ? v : MASK) : maskSecrets(v)])) as T;
}

/** The fields of an object that are not secrets and have a value: what tells one kind of connector or auth from another. */
const shapeOf = (o: Json) =>
  Object.keys(o)
    .filter((k) => !SECRET_FIELDS.has(k) && o[k] !== undefined && o[k] !== null)
    .sort()
    .join(',');

/**
 * `next` with the secrets it leaves out (or sends back masked) taken from `stored`, object by
 * object, where the object is of the same kind (the same non-secret fields: a basic auth stays
 * basic): a client that read a connector and sends it back changed keeps its secrets; one that
 * changes the kind of authentication must send the new ones. A mask with nothing to keep is dropped.
 */
export function keepSecrets<T>(next: T, stored: unknown): T {
  if (!isObject(next)) return next;
  const previous = isObject(stored) ? stored : {};
  const sameKind = shapeOf(next) === shapeOf(previous);
  const merged: Json = {};
  for (const [k, v] of Object.entries(next)) {
    if (!SECRET_FIELDS.has(k)) merged[k] = isObject(v) ? keepSecrets(v, previous[k]) : v;
    else if (!unset(v)) merged[k] = v;
    else if (sameKind && !unset(previous[k])) merged[k] = previous[k];
  }
  if (sameKind) {
    for (const [k, v] of Object.entries(previous)) if (SECRET_FIELDS.has(k) && !(k in next)) merged[k] = v;
  }
  return merged as T;
}
