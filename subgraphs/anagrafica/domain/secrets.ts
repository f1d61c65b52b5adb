/**
 * The secrets of connectors (the intermediario's towards pagoPA, an applicazione's towards the
 * Ente's systems): the fields of GovPay's `tipoAutenticazione` variants and of its connectors that
 * hold a password or key. GovPay returns some in clear; the hub never returns any, and a PUT that
 * leaves them out keeps the stored ones.
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

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `value` without any secret field, at any depth. */
export function withoutSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSecrets) as T;
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !SECRET_FIELDS.has(k))
      .map(([k, v]) => [k, withoutSecrets(v)]),
  ) as T;
}

/** The fields of an object that are not secrets and have a value: what tells one kind of connector or auth from another. */
const shapeOf = (o: Json) =>
  Object.keys(o)
    .filter((k) => !SECRET_FIELDS.has(k) && o[k] !== undefined && o[k] !== null)
    .sort()
    .join(',');

/**
 * `next` with the secrets of `stored` it leaves out put back, object by object, where the object is
 * of the same kind (the same non-secret fields: a basic auth stays basic): a client that read a
 * connector (without its secrets) and sends it back changed keeps them; one that changes the kind
 * of authentication must send the new secrets.
 */
export function keepSecrets<T>(next: T, stored: unknown): T {
  if (!isObject(next) || !isObject(stored)) return next;
  const merged: Json = { ...next };
  const sameKind = shapeOf(next) === shapeOf(stored);
  for (const [k, v] of Object.entries(stored)) {
    if (SECRET_FIELDS.has(k)) {
      if (sameKind && (merged[k] === undefined || merged[k] === null)) merged[k] = v;
    } else if (isObject(merged[k])) {
      merged[k] = keepSecrets(merged[k], v);
    }
  }
  return merged as T;
}
