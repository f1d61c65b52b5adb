import { loadConfig } from '../core/config';

/** The operational settings of issue 10: the simulator, the demo seed, the outbox's lease, WebSocket origins. */
const PRODUCTION = { NODE_ENV: 'production', INTERNAL_PRINCIPAL_SECRET: 'x'.repeat(32) };

describe('the simulator and the demo seed', () => {
  it('starts the simulator on loopback by default, outside production', () => {
    const c = loadConfig({});
    expect(c.pagopa.simulator).toBe(true);
    expect(c.pagopa.simulatorHost).toBe('127.0.0.1');
    expect(loadConfig({ SIMULATOR_HOST: '0.0.0.0' }).pagopa.simulatorHost).toBe('0.0.0.0');
  });

  it('never starts the simulator in production unless SIMULATOR_ENABLED asks for it', () => {
    expect(loadConfig(PRODUCTION).pagopa.simulator).toBe(false);
    expect(loadConfig({ ...PRODUCTION, SIMULATOR_ENABLED: 'true' }).pagopa.simulator).toBe(true);
    expect(loadConfig({ SIMULATOR_ENABLED: 'false' }).pagopa.simulator).toBe(false);
    expect(loadConfig({ NODO_URL: 'https://nodo.example/ws' }).pagopa.simulator).toBe(false);
  });

  it('never loads the demo seed in production, and refuses DEMO_SEED=true there naming the variable', () => {
    expect(loadConfig(PRODUCTION).demoSeed).toBe(false);
    expect(loadConfig({ ...PRODUCTION, DEMO_SEED: 'false' }).demoSeed).toBe(false);
    expect(() => loadConfig({ ...PRODUCTION, DEMO_SEED: 'true' })).toThrow(
      /DEMO_SEED=true is refused with NODE_ENV=production: the demo configuration has publicly known passwords/,
    );
  });
});

describe('the outbox lease', () => {
  it('refuses a lease that does not exceed the notification timeout, naming both variables', () => {
    const message = /OUTBOX_LEASE_SECONDS \(15 s\) must exceed ENTE_NOTIFY_TIMEOUT_MS \(15000 ms\)/;
    expect(() => loadConfig({ OUTBOX_LEASE_SECONDS: '15', ENTE_NOTIFY_TIMEOUT_MS: '15000' })).toThrow(message);
    expect(() => loadConfig({ OUTBOX_LEASE_SECONDS: '10' })).toThrow(/OUTBOX_LEASE_SECONDS \(10 s\) must exceed ENTE_NOTIFY_TIMEOUT_MS \(15000 ms\)/);
    expect(loadConfig({ OUTBOX_LEASE_SECONDS: '16', ENTE_NOTIFY_TIMEOUT_MS: '15000' }).outbox.leaseMs).toBe(16_000);
  });
});

describe('allowed origins', () => {
  it('is empty by default and reads a comma-separated list of origins', () => {
    expect(loadConfig({}).allowedOrigins).toEqual([]);
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://portale.ente.it, http://localhost:3000' }).allowedOrigins).toEqual([
      'https://portale.ente.it',
      'http://localhost:3000',
    ]);
  });

  it('refuses an entry that is not an origin (scheme, host and port only)', () => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://portale.ente.it/path' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'portale.ente.it' })).toThrow(/ALLOWED_ORIGINS/);
  });
});

describe('subscriptions', () => {
  it('keeps 1000 events waiting per subscriber by default, SUBSCRIPTION_MAX_PENDING otherwise', () => {
    expect(loadConfig({}).subscriptions.maxPending).toBe(1000);
    expect(loadConfig({ SUBSCRIPTION_MAX_PENDING: '50' }).subscriptions.maxPending).toBe(50);
    expect(() => loadConfig({ SUBSCRIPTION_MAX_PENDING: '0' })).toThrow(/SUBSCRIPTION_MAX_PENDING/);
  });
});
