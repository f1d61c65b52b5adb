/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AvviaPagamento($idA2A: ID!, $idPendenza: ID!, $urlRitorno: String!) {\n  avviaPagamento(\n    input: {pendenze: [{riferimento: {idA2A: $idA2A, idPendenza: $idPendenza}}], urlRitorno: $urlRitorno}\n  ) {\n    created\n    redirect\n    pagamento {\n      id\n      idSession\n      stato\n    }\n  }\n}": typeof types.AvviaPagamentoDocument,
    "query EsitoPagamento($idSession: ID!) {\n  pagamentoByIdSession(idSession: $idSession) {\n    ...StatoPagamento\n  }\n}\n\nsubscription PagamentoAggiornato($id: ID!) {\n  pagamentoAggiornato(id: $id) {\n    ...StatoPagamento\n  }\n}\n\nfragment StatoPagamento on Pagamento {\n  id\n  stato\n  descrizioneStato\n  importo\n  pendenze {\n    numeroAvviso\n    importo\n    esito\n  }\n}": typeof types.EsitoPagamentoDocument,
    "query PendenzeDelCittadino($idDebitore: String!) {\n  pendenze(\n    filter: {idDebitore: $idDebitore}\n    orderBy: [{field: DATA_CARICAMENTO, direction: DESC}]\n    first: 20\n  ) {\n    totalCount\n    nodes {\n      idA2A\n      idPendenza\n      causale\n      importo\n      stato\n      numeroAvviso\n      dataScadenza\n      dominio {\n        ragioneSociale\n      }\n    }\n  }\n}": typeof types.PendenzeDelCittadinoDocument,
};
const documents: Documents = {
    "mutation AvviaPagamento($idA2A: ID!, $idPendenza: ID!, $urlRitorno: String!) {\n  avviaPagamento(\n    input: {pendenze: [{riferimento: {idA2A: $idA2A, idPendenza: $idPendenza}}], urlRitorno: $urlRitorno}\n  ) {\n    created\n    redirect\n    pagamento {\n      id\n      idSession\n      stato\n    }\n  }\n}": types.AvviaPagamentoDocument,
    "query EsitoPagamento($idSession: ID!) {\n  pagamentoByIdSession(idSession: $idSession) {\n    ...StatoPagamento\n  }\n}\n\nsubscription PagamentoAggiornato($id: ID!) {\n  pagamentoAggiornato(id: $id) {\n    ...StatoPagamento\n  }\n}\n\nfragment StatoPagamento on Pagamento {\n  id\n  stato\n  descrizioneStato\n  importo\n  pendenze {\n    numeroAvviso\n    importo\n    esito\n  }\n}": types.EsitoPagamentoDocument,
    "query PendenzeDelCittadino($idDebitore: String!) {\n  pendenze(\n    filter: {idDebitore: $idDebitore}\n    orderBy: [{field: DATA_CARICAMENTO, direction: DESC}]\n    first: 20\n  ) {\n    totalCount\n    nodes {\n      idA2A\n      idPendenza\n      causale\n      importo\n      stato\n      numeroAvviso\n      dataScadenza\n      dominio {\n        ragioneSociale\n      }\n    }\n  }\n}": types.PendenzeDelCittadinoDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AvviaPagamento($idA2A: ID!, $idPendenza: ID!, $urlRitorno: String!) {\n  avviaPagamento(\n    input: {pendenze: [{riferimento: {idA2A: $idA2A, idPendenza: $idPendenza}}], urlRitorno: $urlRitorno}\n  ) {\n    created\n    redirect\n    pagamento {\n      id\n      idSession\n      stato\n    }\n  }\n}"): (typeof documents)["mutation AvviaPagamento($idA2A: ID!, $idPendenza: ID!, $urlRitorno: String!) {\n  avviaPagamento(\n    input: {pendenze: [{riferimento: {idA2A: $idA2A, idPendenza: $idPendenza}}], urlRitorno: $urlRitorno}\n  ) {\n    created\n    redirect\n    pagamento {\n      id\n      idSession\n      stato\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EsitoPagamento($idSession: ID!) {\n  pagamentoByIdSession(idSession: $idSession) {\n    ...StatoPagamento\n  }\n}\n\nsubscription PagamentoAggiornato($id: ID!) {\n  pagamentoAggiornato(id: $id) {\n    ...StatoPagamento\n  }\n}\n\nfragment StatoPagamento on Pagamento {\n  id\n  stato\n  descrizioneStato\n  importo\n  pendenze {\n    numeroAvviso\n    importo\n    esito\n  }\n}"): (typeof documents)["query EsitoPagamento($idSession: ID!) {\n  pagamentoByIdSession(idSession: $idSession) {\n    ...StatoPagamento\n  }\n}\n\nsubscription PagamentoAggiornato($id: ID!) {\n  pagamentoAggiornato(id: $id) {\n    ...StatoPagamento\n  }\n}\n\nfragment StatoPagamento on Pagamento {\n  id\n  stato\n  descrizioneStato\n  importo\n  pendenze {\n    numeroAvviso\n    importo\n    esito\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PendenzeDelCittadino($idDebitore: String!) {\n  pendenze(\n    filter: {idDebitore: $idDebitore}\n    orderBy: [{field: DATA_CARICAMENTO, direction: DESC}]\n    first: 20\n  ) {\n    totalCount\n    nodes {\n      idA2A\n      idPendenza\n      causale\n      importo\n      stato\n      numeroAvviso\n      dataScadenza\n      dominio {\n        ragioneSociale\n      }\n    }\n  }\n}"): (typeof documents)["query PendenzeDelCittadino($idDebitore: String!) {\n  pendenze(\n    filter: {idDebitore: $idDebitore}\n    orderBy: [{field: DATA_CARICAMENTO, direction: DESC}]\n    first: 20\n  ) {\n    totalCount\n    nodes {\n      idA2A\n      idPendenza\n      causale\n      importo\n      stato\n      numeroAvviso\n      dataScadenza\n      dominio {\n        ragioneSociale\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;