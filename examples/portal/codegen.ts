import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the portal's operations (operations/*.graphql), generated from the graph's
 * published client schema by GraphQL Code Generator's client preset: `npm run portal:codegen`.
 * Each document is replaced by its sha256 (persisted documents): the browser ships hashes and
 * types only, and the portal's server forwards the text it finds in persisted-documents.json, so
 * no other operation can be run with the applicazione's credentials. A portal copying this file
 * changes the three paths.
 */
const config: CodegenConfig = {
  schema: 'schema/graphql/api.graphql',
  documents: 'examples/portal/operations/*.graphql',
  // Browsers load ES modules by their exact file name.
  importExtension: '.js',
  generates: {
    'examples/portal/web/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        // The graph's custom scalars as JSON carries them.
        scalars: { DateTimeISO: 'string', Importo: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
