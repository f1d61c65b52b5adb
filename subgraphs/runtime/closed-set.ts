import { registerEnumType } from 'type-graphql';

/**
 * The GraphQL enum of a closed set the domain writes its values from (its const array): one source,
 * so the graph can neither refuse a value the domain stores nor accept one it never writes, and a
 * value outside it is refused by validation before any resolver runs. Each value is its own name,
 * so clients and GovPay's REST read the same text; `about` describes the values that need it.
 */
export function enumOf<V extends string>(
  values: readonly V[],
  name: string,
  description: string,
  about: Partial<Record<V, string>> = {},
): Record<V, V> {
  return enumOfTexts(Object.fromEntries(values.map((v) => [v, v])) as Record<V, V>, name, description, about);
}

/**
 * The GraphQL enum of a closed set the domain spells in text that is not a GraphQL name (GovPay's
 * "REST v1"), from the domain's one table of name → text: clients read and write the names, and
 * GraphQL itself hands resolvers the text and turns theirs back into names, so the domain keeps its
 * spelling. GovPay's REST, which shows the text, maps with the same table.
 */
export function enumOfTexts<N extends string, T extends string>(
  textOf: Record<N, T>,
  name: string,
  description: string,
  about: Partial<Record<N, string>> = {},
): Record<N, T> {
  const valuesConfig = Object.fromEntries(Object.entries(about).map(([v, d]) => [v, { description: d as string }])) as Partial<
    Record<N, { description: string }>
  >;
  registerEnumType(textOf, { name, description, valuesConfig });
  return textOf;
}
