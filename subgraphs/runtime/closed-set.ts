import { registerEnumType } from 'type-graphql';

/**
 * The GraphQL enum of a closed set the domain writes its values from (its const array): one source,
 * so the graph can neither refuse a value the domain stores nor accept one it never writes. Each
 * value is its own name, so clients and GovPay's REST read the same text.
 */
export function enumOf<V extends string>(values: readonly V[], name: string, description: string): Record<V, V> {
  const e = Object.fromEntries(values.map((v) => [v, v])) as Record<V, V>;
  registerEnumType(e, { name, description });
  return e;
}
