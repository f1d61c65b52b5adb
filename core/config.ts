import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseEntry } from './address-list';
import { giornaleUniforme, type GiornaleEventi, type Modalita } from './journal-policy';

/**
 * The hub's whole configuration, read from the environment once at start and validated, so a
 * mistyped variable stops the process with a clear message instead of misbehaving later.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

/** A comma-separated list of browser origins (`https://portale.ente.it`), none by default. */
const originList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((list) => list.every(isOrigin), 'must be a comma-separated list of origins such as https://portale.ente.it');

/** GovPay's journal modes, spelled for an environment variable. */
const modalita = z.enum(['sempre', 'solo_errore', 'mai']).transform((v) => v.replace('_', ' ') as Modalita);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|mysql:\/\/.+)$/, 'must be sqlite:<path> or mysql://user:pass@host:port/db')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INTERNAL_PRINCIPAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  INTERNAL_PRINCIPAL_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  SUBGRAPH_ANAGRAFICA_URL: z.string().url().optional(),
  SUBGRAPH_PENDENZE_URL: z.string().url().optional(),
  SUBGRAPH_PAGAMENTI_URL: z.string().url().optional(),
  SUBGRAPH_RICONCILIAZIONE_URL: z.string().url().optional(),
  SUBGRAPH_GIORNALE_URL: z.string().url().optional(),
  SUBGRAPHS_PORT: port.default(4001),
  SUBGRAPHS_HOST: z.string().default('127.0.0.1'),
  AUTH_HEADER_PRINCIPAL: z.string().min(1).default('X-GovPay-Principal'),
  AUTH_HEADER_TRUSTED_PROXIES: z.string().default('127.0.0.1,::1,::ffff:127.0.0.1'),
  AUTH_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).default(5000),
  GRAPHQL_OPERATIONS: z.enum(['apq', 'allow-list']).default('apq'),
  GRAPHQL_OPERATIONS_FILE: z.string().min(1).optional(),
  GRAPHQL_APQ_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 86_400)
    .default(86_400),
  GRAPHQL_APQ_MEMORY_MB: z.coerce.number().int().min(1).max(1024).default(16),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i)
    .default('1mb'),
  DEMO_SEED: booleanFlag.optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10000),
  TRACCIATO_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i)
    .default('200mb'),
  TRACCIATI_WORKER: booleanFlag.default(true),
  TRACCIATI_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(2000),
  TRACCIATI_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be redis://[user:pass@]host:port[/db]')
    .optional(),
  NODO_URL: z.string().url().optional(),
  SIMULATOR_PORT: port.default(8081),
  STATION_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i)
    .default('512kb'),
  ENTE_VERIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(6000).default(3000),
  ENTE_NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  OUTBOX_WORKER: booleanFlag.default(true),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(1000),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  OUTBOX_BULK_EVENTS_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(200),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(10),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(50).max(100_000).default(2000),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  LOGIN_FAILURES_PER_PRINCIPAL: z.coerce.number().int().min(1).max(10_000).default(10),
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  LOGIN_FAILURES_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  SIMULATOR_ENABLED: booleanFlag.optional(),
  SUBSCRIPTION_MAX_PENDING: z.coerce.number().int().min(1).max(100_000).default(1000),
  ALLOWED_ORIGINS: originList,
  CORS_ALLOWED_ORIGINS: originList,
  CORS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(7 * 24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .max(30 * 24)
    .default(8),
  SESSION_COOKIE_SAMESITE: z.enum(['Strict', 'Lax', 'None']).default('Strict'),
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .optional(),
  CHECKOUT_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .optional(),
  CHECKOUT_API_KEY: z.string().min(1).optional(),
  CHECKOUT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  PAYMENT_SESSION_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(1800),
  PAYMENT_SESSION_SWEEP_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  SPID_TRUSTED_PROXIES: z
    .string()
    .default('127.0.0.1,::1')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((entry) => parseEntry(entry) !== undefined),
      'must be a comma-separated list of IP addresses or networks such as 10.0.0.0/24',
    ),
  RENDICONTAZIONI_SOURCE: z.enum(['nodo', 'fdr', 'off']).optional(),
  RENDICONTAZIONI_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .optional(),
  RENDICONTAZIONI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  RENDICONTAZIONI_LEASE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  RENDICONTAZIONI_NODO_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .optional(),
  RENDICONTAZIONI_NODO_PASSWORD: z.string().min(1).optional(),
  RENDICONTAZIONI_NODO_API_KEY: z.string().min(1).optional(),
  RENDICONTAZIONI_FDR_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .optional(),
  RENDICONTAZIONI_FDR_API_KEY: z.string().min(1).optional(),
  GIORNALE_EVENTI: booleanFlag.default(true),
  GIORNALE_LOG: modalita.default('sempre'),
  GIORNALE_DUMP: modalita.default('solo errore'),
  GIORNALE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  GIORNALE_PURGE_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
  GIORNALE_BUFFER_MAX: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  GIORNALE_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  GIORNALE_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  GIORNALE_BODY_MAX_BYTES: z.coerce.number().int().min(0).max(10_000_000).default(65_536),
  CONFIGURAZIONE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
});

const withoutTrailingSlash = (url: string) => (url.endsWith('/') ? url.slice(0, -1) : url);

/** An origin as browsers send it: scheme, host and optional port, nothing after. */
function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

/** SQLite's `busyTimeoutMs`: how long a statement waits for another connection's write lock before "database is locked" (SQLITE_BUSY_TIMEOUT_MS). */
export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string; busyTimeoutMs?: number }
  | { dialect: 'mysql'; url: string; connectTimeoutMs: number };

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  databasePoolMax: number;
  logLevel: string;
  internalPrincipal: { secret: string; ttlSeconds: number; generated: boolean };
  /** Where each subgraph runs when not in this process, by subgraph name. */
  subgraphs: { urls: Record<string, string | undefined>; port: number; host: string };
  auth: { principalHeader: string; trustedProxies: string[]; cacheTtlSeconds: number };
  /**
   * The graph's limits, and which operations it runs for outside callers (`operations`): any, with
   * automatic persisted queries kept `apqTtlSeconds` (in Redis with REDIS_URL, else in memory up to
   * `apqMemoryBytes`), or only those of the allow-list manifest at `manifestFile`.
   */
  graphql: {
    introspection: boolean;
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxTokens: number;
    operations: { mode: 'apq' | 'allow-list'; manifestFile?: string; apqTtlSeconds: number; apqMemoryBytes: number };
  };
  bodyLimit: string;
  /** Load the demo configuration when the database is empty (SQLite default: on). */
  demoSeed: boolean;
  shutdownTimeoutMs: number;
  /** Bulk loads of pendenze: the upload's size limit and this instance's worker. */
  tracciati: { bodyLimit: string; worker: boolean; pollMs: number; leaseMs: number };
  /** Unset: events stay in this process; set: Redis pub/sub carries them to every gateway. */
  redisUrl?: string;
  /** The pagoPA side: a real Nodo at `nodoUrl`, or the simulator started on `simulatorPort`. */
  pagopa: {
    nodoUrl?: string;
    simulator: boolean;
    simulatorPort: number;
    simulatorHost: string;
    stationBodyLimit: string;
    simulatorEnteUrl: string;
  };
  /** Calls to the Ente's system: verify must answer well within the Nodo's 7 s deadline. */
  ente: { verifyTimeoutMs: number; notifyTimeoutMs: number };
  /** Work done after commit (notifications, events): this instance's worker; the pace of a tracciato's events. */
  outbox: { worker: boolean; pollMs: number; leaseMs: number; bulkEventsPerSecond: number };
  /** How long the gateway waits for a subgraph in another process. */
  subgraphTimeoutMs: number;
  /** Failed password logins allowed per principal and per client address within the window, before 429. */
  loginThrottle: { perPrincipal: number; perAddress: number; windowSeconds: number };
  /** Browser origins whose pages may open WebSocket subscriptions (requests with no Origin are not browsers'). */
  allowedOrigins: string[];
  /** Browser pages on these origins may call every entrance (REST and graph) cross-origin; a preflight is cached `maxAgeSeconds`. */
  cors: { allowedOrigins: string[]; maxAgeSeconds: number };
  /**
   * The Backoffice's `form` mode: a session ends after `idleMs` without calls or `maxMs` after it
   * opened; its cookie's SameSite (None is for a console on another site, and needs https).
   */
  sessions: { idleMs: number; maxMs: number; sameSite: 'Strict' | 'Lax' | 'None' };
  /** Events one subscriber may have waiting before the oldest are dropped. */
  subscriptions: { maxPending: number };
  /** Where browsers reach this hub (Checkout's return URLs point here), without a trailing slash; unset: http://localhost:<the port it listens on>. */
  publicBaseUrl?: string;
  /** pagoPA Checkout (or the simulator's): where carts are opened, with its subscription key and deadline. */
  checkout: { url: string; apiKey?: string; timeoutMs: number };
  /** Payment sessions started on a portal: how long an abandoned cart stays open, how often they are swept. */
  pagamenti: { sessionTimeoutMs: number; sweepMs: number };
  /** API Pagamento's `spid` mode: the addresses and networks of the SPID proxies whose X-SPID-* headers are believed. */
  spid: { trustedProxies: string[] };
  /**
   * Acquiring reporting flows: from the Nodo's SOAP primitives or pagoPA's FdR REST API (or off);
   * every `intervalMs` (0: only on demand), each run within `leaseMs`, each call within `timeoutMs`.
   * `nodo.password` is the station's password the Nodo checks (unset: the simulator's demo station's).
   */
  rendicontazioni: {
    source: 'nodo' | 'fdr' | 'off';
    intervalMs: number;
    timeoutMs: number;
    leaseMs: number;
    nodo: { url: string; password?: string; apiKey?: string };
    fdr: { url: string; apiKey?: string };
  };
  /**
   * The Giornale degli Eventi: on or off (GIORNALE_EVENTI=false records nothing); the giornaleEventi
   * configuration in force until /configurazioni stores one; its in-memory buffer and batches; the
   * largest body kept; events older than retentionDays deleted every purgeIntervalMs (0: only on demand).
   */
  giornale: {
    enabled: boolean;
    defaults: GiornaleEventi;
    bufferMax: number;
    flushMs: number;
    batchSize: number;
    bodyMaxBytes: number;
    retentionDays: number;
    purgeIntervalMs: number;
  };
  /** How long an instance trusts its copy of the runtime settings (/configurazioni) before reading them again. */
  configurazioneTtlMs: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration, fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const database: DatabaseConfig = !e.DATABASE_URL
    ? { dialect: 'sqlite', path: './data/govpay.sqlite', busyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS }
    : e.DATABASE_URL.startsWith('sqlite:')
      ? { dialect: 'sqlite', path: e.DATABASE_URL.slice('sqlite:'.length), busyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS }
      : { dialect: 'mysql', url: e.DATABASE_URL, connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS };
  if (e.NODE_ENV === 'production' && !e.INTERNAL_PRINCIPAL_SECRET) {
    throw new ConfigError(
      'Invalid configuration: INTERNAL_PRINCIPAL_SECRET is required in production (subgraphs and gateways must share it).',
    );
  }
  refuseUnsafeOperations(e);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    databasePoolMax: e.DATABASE_POOL_MAX,
    logLevel: e.LOG_LEVEL,
    // A random secret is only safe when every component runs in this one process.
    internalPrincipal: {
      secret: e.INTERNAL_PRINCIPAL_SECRET ?? randomBytes(32).toString('hex'),
      ttlSeconds: e.INTERNAL_PRINCIPAL_TTL_SECONDS,
      generated: !e.INTERNAL_PRINCIPAL_SECRET,
    },
    subgraphs: {
      urls: {
        anagrafica: e.SUBGRAPH_ANAGRAFICA_URL,
        pendenze: e.SUBGRAPH_PENDENZE_URL,
        pagamenti: e.SUBGRAPH_PAGAMENTI_URL,
        riconciliazione: e.SUBGRAPH_RICONCILIAZIONE_URL,
        giornale: e.SUBGRAPH_GIORNALE_URL,
      },
      port: e.SUBGRAPHS_PORT,
      host: e.SUBGRAPHS_HOST,
    },
    auth: {
      principalHeader: e.AUTH_HEADER_PRINCIPAL.toLowerCase(),
      trustedProxies: e.AUTH_HEADER_TRUSTED_PROXIES.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      cacheTtlSeconds: e.AUTH_CACHE_TTL_SECONDS,
    },
    graphql: {
      introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      operations: {
        mode: e.GRAPHQL_OPERATIONS,
        manifestFile: e.GRAPHQL_OPERATIONS_FILE,
        apqTtlSeconds: e.GRAPHQL_APQ_TTL_SECONDS,
        apqMemoryBytes: e.GRAPHQL_APQ_MEMORY_MB * 1024 * 1024,
      },
    },
    bodyLimit: e.BODY_LIMIT,
    demoSeed: e.DEMO_SEED ?? (database.dialect === 'sqlite' && e.NODE_ENV !== 'production'),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    tracciati: {
      bodyLimit: e.TRACCIATO_BODY_LIMIT,
      worker: e.TRACCIATI_WORKER,
      pollMs: e.TRACCIATI_POLL_MS,
      leaseMs: e.TRACCIATI_LEASE_SECONDS * 1000,
    },
    redisUrl: e.REDIS_URL,
    pagopa: {
      nodoUrl: e.NODO_URL,
      simulator: e.SIMULATOR_ENABLED ?? (!e.NODO_URL && e.NODE_ENV !== 'production'),
      simulatorPort: e.SIMULATOR_PORT,
      simulatorHost: e.SIMULATOR_HOST,
      stationBodyLimit: e.STATION_BODY_LIMIT,
      // The Ente's system the simulator plays (API Ente v2): where the demo applicazione's connector points.
      simulatorEnteUrl: `http://127.0.0.1:${e.SIMULATOR_PORT}/ente/v2`,
    },
    ente: { verifyTimeoutMs: e.ENTE_VERIFY_TIMEOUT_MS, notifyTimeoutMs: e.ENTE_NOTIFY_TIMEOUT_MS },
    outbox: {
      worker: e.OUTBOX_WORKER,
      pollMs: e.OUTBOX_POLL_MS,
      leaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
      bulkEventsPerSecond: e.OUTBOX_BULK_EVENTS_PER_SECOND,
    },
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    loginThrottle: {
      perPrincipal: e.LOGIN_FAILURES_PER_PRINCIPAL,
      perAddress: e.LOGIN_FAILURES_PER_ADDRESS,
      windowSeconds: e.LOGIN_FAILURES_WINDOW_SECONDS,
    },
    allowedOrigins: e.ALLOWED_ORIGINS,
    cors: { allowedOrigins: e.CORS_ALLOWED_ORIGINS, maxAgeSeconds: e.CORS_MAX_AGE_SECONDS },
    sessions: {
      idleMs: Math.round(e.SESSION_IDLE_MINUTES * 60_000),
      maxMs: Math.round(e.SESSION_MAX_HOURS * 3_600_000),
      sameSite: e.SESSION_COOKIE_SAMESITE,
    },
    subscriptions: { maxPending: e.SUBSCRIPTION_MAX_PENDING },
    publicBaseUrl: e.PUBLIC_BASE_URL && withoutTrailingSlash(e.PUBLIC_BASE_URL),
    checkout: {
      url: withoutTrailingSlash(e.CHECKOUT_URL ?? `http://127.0.0.1:${e.SIMULATOR_PORT}/checkout/ec/v1`),
      apiKey: e.CHECKOUT_API_KEY,
      timeoutMs: e.CHECKOUT_TIMEOUT_MS,
    },
    pagamenti: { sessionTimeoutMs: e.PAYMENT_SESSION_TIMEOUT_SECONDS * 1000, sweepMs: e.PAYMENT_SESSION_SWEEP_MS },
    spid: { trustedProxies: e.SPID_TRUSTED_PROXIES },
    rendicontazioni: {
      // In production the operator chooses the source; elsewhere the simulator's Nodo is there to ask.
      source: e.RENDICONTAZIONI_SOURCE ?? (e.NODE_ENV === 'production' ? 'off' : 'nodo'),
      // Tests ask for a run when they want one: a timer would race them.
      intervalMs: (e.RENDICONTAZIONI_INTERVAL_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 3600)) * 1000,
      timeoutMs: e.RENDICONTAZIONI_TIMEOUT_MS,
      leaseMs: e.RENDICONTAZIONI_LEASE_SECONDS * 1000,
      nodo: {
        url: e.RENDICONTAZIONI_NODO_URL ?? e.NODO_URL ?? `http://127.0.0.1:${e.SIMULATOR_PORT}/nodo/nodeForPa`,
        password: e.RENDICONTAZIONI_NODO_PASSWORD,
        apiKey: e.RENDICONTAZIONI_NODO_API_KEY,
      },
      fdr: {
        url: withoutTrailingSlash(e.RENDICONTAZIONI_FDR_URL ?? `http://127.0.0.1:${e.SIMULATOR_PORT}/fdr-org/service/v1`),
        apiKey: e.RENDICONTAZIONI_FDR_API_KEY,
      },
    },
    giornale: {
      enabled: e.GIORNALE_EVENTI,
      defaults: giornaleUniforme(e.GIORNALE_LOG, e.GIORNALE_DUMP),
      bufferMax: e.GIORNALE_BUFFER_MAX,
      flushMs: e.GIORNALE_FLUSH_MS,
      batchSize: e.GIORNALE_BATCH_SIZE,
      bodyMaxBytes: e.GIORNALE_BODY_MAX_BYTES,
      retentionDays: e.GIORNALE_RETENTION_DAYS,
      // Tests purge when they want to: a timer would race them.
      purgeIntervalMs: (e.GIORNALE_PURGE_INTERVAL_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 3600)) * 1000,
    },
    configurazioneTtlMs: e.CONFIGURAZIONE_TTL_SECONDS * 1000,
  };
}

/**
 * Combinations that are each valid but unsafe together. The demo seed is refused rather than
 * ignored in production: it creates utenze with publicly known passwords, and an operator who
 * asked for it must notice that the hub will not do it, not find a line in the log later.
 */
function refuseUnsafeOperations(e: z.infer<typeof schema>): void {
  if (e.NODE_ENV === 'production' && e.DEMO_SEED === true) {
    throw new ConfigError(
      'Invalid configuration: DEMO_SEED=true is refused with NODE_ENV=production: the demo configuration has publicly known passwords. Unset DEMO_SEED.',
    );
  }
  // In production the simulator's defaults would point the acquisition at nothing: say what is missing.
  if (
    e.NODE_ENV === 'production' &&
    e.RENDICONTAZIONI_SOURCE === 'nodo' &&
    !(e.RENDICONTAZIONI_NODO_PASSWORD && (e.RENDICONTAZIONI_NODO_URL ?? e.NODO_URL))
  ) {
    throw new ConfigError(
      'Invalid configuration: RENDICONTAZIONI_SOURCE=nodo needs RENDICONTAZIONI_NODO_URL (or NODO_URL) and RENDICONTAZIONI_NODO_PASSWORD in production (or set RENDICONTAZIONI_SOURCE=fdr or off).',
    );
  }
  if (e.NODE_ENV === 'production' && e.RENDICONTAZIONI_SOURCE === 'fdr' && !(e.RENDICONTAZIONI_FDR_URL && e.RENDICONTAZIONI_FDR_API_KEY)) {
    throw new ConfigError(
      'Invalid configuration: RENDICONTAZIONI_SOURCE=fdr needs RENDICONTAZIONI_FDR_URL and RENDICONTAZIONI_FDR_API_KEY in production.',
    );
  }
  // Either setting alone is a mistake the operator would otherwise find in production: every portal refused, or no list enforced.
  if ((e.GRAPHQL_OPERATIONS === 'allow-list') !== (e.GRAPHQL_OPERATIONS_FILE !== undefined)) {
    throw new ConfigError(
      'Invalid configuration: GRAPHQL_OPERATIONS=allow-list needs GRAPHQL_OPERATIONS_FILE (the manifest of the operations the portals ship), and GRAPHQL_OPERATIONS_FILE is only read with GRAPHQL_OPERATIONS=allow-list.',
    );
  }
  // Browsers drop a SameSite=None cookie that is not Secure: the console would never stay logged in.
  if (e.SESSION_COOKIE_SAMESITE === 'None' && !e.PUBLIC_BASE_URL?.startsWith('https://')) {
    throw new ConfigError(
      'Invalid configuration: SESSION_COOKIE_SAMESITE=None needs an https PUBLIC_BASE_URL (browsers refuse such cookies without Secure).',
    );
  }
  // A lease shorter than a notification lets another worker take the job while it is still being sent: the Ente gets it twice at once.
  if (e.OUTBOX_LEASE_SECONDS * 1000 <= e.ENTE_NOTIFY_TIMEOUT_MS) {
    throw new ConfigError(
      `Invalid configuration: OUTBOX_LEASE_SECONDS (${e.OUTBOX_LEASE_SECONDS} s) must exceed ENTE_NOTIFY_TIMEOUT_MS (${e.ENTE_NOTIFY_TIMEOUT_MS} ms), or a notification still being sent is taken over and sent twice.`,
    );
  }
}
