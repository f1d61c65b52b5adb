import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { centsToDecimalString } from '../../core/money';

/**
 * Money on the graph: euro as a string with exactly two decimals ("100.99"), integer cents inside.
 * Strings keep the amount exact in every client language, where a JSON number would not.
 */
export const Importo = new GraphQLScalarType<number, string>({
  name: 'Importo',
  description: 'An amount in euro, as a string with exactly two decimals, e.g. "100.99".',
  serialize(value) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new GraphQLError(`Importo: ${String(value)} is not an amount in cents`);
    }
    return centsToDecimalString(value);
  },
  parseValue(value) {
    return parseImporto(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Importo must be a string such as "100.99"');
    return parseImporto(ast.value);
  },
});

function parseImporto(value: unknown): number {
  const m = typeof value === 'string' ? /^(\d{1,9})\.(\d{2})$/.exec(value) : null;
  if (!m) throw new GraphQLError(`Importo must be a string with two decimals such as "100.99", not ${JSON.stringify(value)}`);
  return Number(m[1]) * 100 + Number(m[2]);
}
