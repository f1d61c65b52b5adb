/**
 * A closed set the graph names (ANAGRAFICA_PAGOPA, DE) and GovPay's REST spells in its text
 * ("Anagrafica PagoPA", de): from the domain's one table of name → text, the name of each text,
 * for what REST passes to the graph.
 */
export const nomiDeiTesti = <N extends string, T extends string>(textOf: Record<N, T>): Record<T, N> =>
  Object.fromEntries(Object.entries(textOf).map(([nome, testo]) => [testo, nome])) as Record<T, N>;
