// The house's layering (DESIGN.md §2, README "Architecture"), checked by `npm run lint` and CI.
// Arrows run one way: gateway → rest-compat → subgraphs → schema → core; pagopa → subgraphs'
// published services → schema → core; simulator → pagoPA's wire (pagopa/soap) and core only.
// A subgraph reaches another only through the graph or the other's published module
// (index.ts: the subgraph; services.ts: what it lets others call).

const APP = '^(core|schema|migrations|subgraphs|pagopa|rest-compat|gateway|simulator)/';
const PUBLISHED = '^subgraphs/[^/]+/(index|services)\\.ts$';

/** A room and the rooms it must not import. */
const room = (name, from, forbidden, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: forbidden },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle makes two modules one: put what both need in a module of its own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    room(
      'core-stands-alone',
      '^core/',
      '^(schema|migrations|subgraphs|pagopa|rest-compat|gateway|simulator|scripts|bench|test)/',
      'core/ is the kernel every room stands on: it imports nothing above it.',
    ),
    room(
      'migrations-stand-alone',
      '^migrations/',
      '^(schema|subgraphs|pagopa|rest-compat|gateway|simulator|scripts|bench|test)/',
      "A migration is a fixed step of the schema's history: it must not change when the code around it does.",
    ),
    room(
      'schema-below-subgraphs',
      '^schema/',
      '^(subgraphs|pagopa|rest-compat|gateway|simulator|scripts|bench|test)/',
      "schema/ (entities, the graph's artefacts, the database) is the floor: it imports only core and migrations.",
    ),
    room(
      'subgraphs-below-the-edges',
      '^subgraphs/',
      '^(rest-compat|gateway|simulator|scripts|bench|test)/',
      'Subgraphs are reached by the edges, never the other way round.',
    ),
    {
      name: 'subgraphs-use-only-pagopa-wire-types',
      comment: "pagopa/ calls the subgraphs' services; a subgraph may use only pagoPA's wire contract (pagopa/soap/messages.ts).",
      severity: 'error',
      from: { path: '^subgraphs/', pathNot: '^subgraphs/serve\\.ts$' },
      to: { path: '^pagopa/', pathNot: '^pagopa/soap/messages\\.ts$' },
    },
    {
      name: 'standalone-subgraph-hosts-only-checkout',
      comment:
        "subgraphs/serve.ts is a composition root, like gateway/app.ts: running the pagamenti subgraph alone, it hands it pagoPA Checkout's client (the port the context declares), built by pagopa/checkout/host.ts. Nothing else of pagopa/.",
      severity: 'error',
      from: { path: '^subgraphs/serve\\.ts$' },
      to: { path: '^pagopa/', pathNot: ['^pagopa/soap/messages\\.ts$', '^pagopa/checkout/host\\.ts$'] },
    },
    {
      name: 'no-subgraph-internals-across-contexts',
      comment: 'A subgraph reaches another through the graph or its published index.ts / services.ts, never its internals.',
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/[^/]+/', pathNot: ['^subgraphs/$1/', '^subgraphs/runtime/', PUBLISHED] },
    },
    {
      name: 'no-subgraph-internals-from-outside',
      comment: 'Other rooms use a subgraph through its published index.ts / services.ts (and the runtime that hosts subgraphs).',
      severity: 'error',
      from: { path: '^(core|schema|migrations|pagopa|rest-compat|gateway|simulator|scripts|bench)/' },
      to: { path: '^subgraphs/[^/]+/', pathNot: ['^subgraphs/runtime/', PUBLISHED] },
    },
    room(
      'pagopa-below-the-gateway',
      '^pagopa/',
      '^(rest-compat|gateway|simulator|scripts|bench|test)/',
      'The gateway mounts the station; the station does not reach back.',
    ),
    room(
      'rest-compat-below-the-gateway',
      '^rest-compat/',
      '^(pagopa|gateway|simulator|scripts|bench|test)/',
      "The gateway mounts GovPay's REST APIs and hands them the authenticator and the graph; they do not reach back.",
    ),
    room(
      'simulator-speaks-only-the-wire',
      '^simulator/',
      '^(schema|migrations|subgraphs|pagopa/station|rest-compat|gateway|scripts|bench|test)/',
      "The simulator plays pagoPA's side: it knows pagoPA's wire (pagopa/soap) and the kernel, nothing of the hub inside.",
    ),
    room('gateway-not-on-tools', '^gateway/', '^(scripts|bench|test)/', 'The application never imports its tools or tests.'),
    room('tools-not-on-tests', '^(scripts|bench)/', '^test/', 'Scripts and benchmarks do not depend on the test suite.'),
    {
      name: 'app-not-on-dev-dependencies',
      comment: 'What runs in production must be installed in production (dependencies, not devDependencies).',
      severity: 'error',
      from: { path: APP },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the tool cannot resolve cannot be checked.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.test-output|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
