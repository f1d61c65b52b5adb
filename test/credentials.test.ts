import { basicCredentials, fromTrustedProxy, OutcomeCache } from '../core/credentials';

/** The edge's shared credential handling (gateway and pagoPA station). */
describe('OutcomeCache', () => {
  it('shares one load among concurrent lookups of a key, and keeps its outcome', async () => {
    const cache = new OutcomeCache<string>(30);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((r) => setImmediate(r));
      return 'outcome';
    };
    expect(await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)])).toEqual([
      'outcome',
      'outcome',
      'outcome',
    ]);
    expect(await cache.get('k', load)).toBe('outcome');
    expect(loads).toBe(1);
  });

  it('forgets a load that failed, so the next lookup tries again', async () => {
    const cache = new OutcomeCache<string>(30);
    await expect(cache.get('k', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.get('k', async () => 'recovered')).toBe('recovered');
  });

  it('caches nothing with a TTL of 0, and nothing after clear()', async () => {
    const off = new OutcomeCache<number>(0);
    let n = 0;
    await off.get('k', async () => ++n);
    expect(await off.get('k', async () => ++n)).toBe(2);
    const on = new OutcomeCache<number>(30);
    await on.get('k', async () => 1);
    on.clear();
    expect(await on.get('k', async () => 2)).toBe(2);
  });
});

describe('basicCredentials and fromTrustedProxy', () => {
  it('reads user and password (the password may hold colons), keyed without the password in clear', () => {
    const c = basicCredentials(`Basic ${Buffer.from('ndpsym:Pass:word1!').toString('base64')}`);
    expect(c).toMatchObject({ user: 'ndpsym', password: 'Pass:word1!' });
    expect(c!.key).not.toContain('Pass');
  });

  it.each([
    undefined,
    '',
    'Bearer x',
    'Basic',
    `Basic ${Buffer.from(':nouser').toString('base64')}`,
    `Basic ${Buffer.from('nocolon').toString('base64')}`,
  ])('refuses %p', (header) => expect(basicCredentials(header)).toBeUndefined());

  it('trusts only the listed proxies', () => {
    expect(fromTrustedProxy('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(fromTrustedProxy('10.0.0.1', ['127.0.0.1'])).toBe(false);
    expect(fromTrustedProxy(undefined, ['127.0.0.1'])).toBe(false);
  });
});
