import type { MikroORM } from '@mikro-orm/core';
import { execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { SubgraphContext } from './context';
import { DomainError, errors, internalFault } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { PrincipalSigner } from '../../core/principal';

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

const DOCUMENT_CACHE_SIZE = 1000;

/**
 * Runs a subgraph's operations: verifies the gateway's signed principal, gives each request its
 * own EntityManager, and renders domain errors in the one error model. Used both by the
 * subgraph's own HTTP endpoint and by a gateway hosting the subgraph in the same process.
 */
export class SubgraphRuntime {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(
    readonly name: string,
    readonly schema: GraphQLSchema,
    private readonly orm: MikroORM,
    private readonly signer: PrincipalSigner,
    private readonly log: Logger,
  ) {}

  async execute(body: GraphQLRequestBody, signedPrincipal: string | undefined): Promise<ExecutionResult> {
    let contextValue: SubgraphContext;
    try {
      contextValue = this.context(signedPrincipal);
    } catch (e) {
      return { errors: [this.toGraphQLError(e)] };
    }
    if (typeof body.query !== 'string') {
      return { errors: [this.toGraphQLError(errors.syntax("Il campo query e' obbligatorio."))] };
    }
    const document = this.document(body.query);
    if (!('kind' in document)) return { errors: document };
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
      contextValue,
    });
    // No data at all: the request itself was refused, e.g. a variable its scalar cannot take (a number
    // for a JSONObject): the caller's bad input, not an internal fault.
    if (result.errors && result.data === undefined)
      return { errors: result.errors.map((e) => this.toGraphQLError(errors.syntax(e.message))) };
    if (result.errors) return { ...result, errors: result.errors.map((e) => this.toGraphQLError(e)) };
    return result;
  }

  /** A request's context: the caller the signed principal names (else the 401 DomainError), its own EntityManager. */
  context(signedPrincipal: string | undefined): SubgraphContext {
    return { principal: this.signer.verify(signedPrincipal), em: this.orm.em.fork(), memo: new Map() };
  }

  /** Parsed and validated once per distinct query: the gateway sends the same few plans again and again. */
  private document(query: string): DocumentNode | GraphQLError[] {
    const cached = this.documents.get(query);
    if (cached) return cached;
    let doc: DocumentNode;
    try {
      doc = parse(query);
    } catch (e) {
      return [e as GraphQLError];
    }
    const problems = validate(this.schema, doc);
    if (problems.length) return [...problems];
    if (this.documents.size >= DOCUMENT_CACHE_SIZE) this.documents.delete(this.documents.keys().next().value as string);
    this.documents.set(query, doc);
    return doc;
  }

  /** An error as the subgraph's callers get it: a domain error's GovPay fields in extensions, anything else logged and masked. */
  toGraphQLError(e: unknown): GraphQLError {
    const gqlError = e instanceof GraphQLError ? e : undefined;
    const original = gqlError?.originalError ?? e;
    if (original instanceof DomainError) {
      return new GraphQLError(original.message, {
        path: gqlError?.path,
        extensions: original.extensions,
      });
    }
    if (gqlError && !gqlError.originalError) return gqlError;
    const internal = internalFault(this.log, original, 'unexpected error in subgraph', { subgraph: this.name });
    return new GraphQLError(internal.message, { path: gqlError?.path, extensions: internal.extensions });
  }
}
