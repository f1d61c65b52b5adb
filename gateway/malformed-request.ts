import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { illegalCharacterAt } from '../rest-compat/shared/json';
import { errors } from '../core/errors';
import { NOT_XML_CHAR } from '../core/xml-chars';
import type { GatewayContext } from './context';

/**
 * Requests the graph cannot serve, refused as the caller's mistake (400) before the gateway plans
 * them, where they would end as internal errors: a document whose operation cannot be chosen
 * (several operations and no `operationName`, or a name it does not hold: GraphQL's own message),
 * a subscription (the supergraph has them, but only the graphql-ws endpoint serves them), and strings, inline or in variables, with characters no pagoPA message can carry (a NUL breaks
 * the database's driver).
 */
export function malformedRequestPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (!operation) {
            const message = request.operationName
              ? `Unknown operation named "${request.operationName}".`
              : 'Must provide operation name if query contains multiple operations.';
            throw badRequest(message);
          }
          if (operation.operation === 'subscription') {
            throw badRequest(
              'Subscriptions are served over WebSocket (graphql-ws) on this path: send queries and mutations with HTTP POST.',
            );
          }
          const variable = illegalCharacterAt(request.variables ?? {});
          if (variable !== undefined) throw syntaxError(`La variabile ${variable} contiene un carattere non ammesso.`);
          if (hasIllegalLiteral(document)) throw syntaxError('Un valore letterale della richiesta contiene un carattere non ammesso.');
        },
      };
    },
  };
}

function hasIllegalLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (NOT_XML_CHAR.test(node.value)) found = true;
    },
  });
  return found;
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

function syntaxError(dettaglio: string): GraphQLError {
  const e = errors.syntax(dettaglio);
  return new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status: 400 } } });
}
