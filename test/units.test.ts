import { centsToDecimalString, centsToEuro, euroAmount } from '../core/money';
import { Importo } from '../subgraphs/runtime/scalars';
import { ConfigError, loadConfig } from '../core/config';
import { decodeCursor, encodeCursor, parseOrdering } from '../core/paging';
import { hashPassword, verifyPassword } from '../core/passwords';
import { PrincipalSigner, SYSTEM_PRINCIPAL } from '../core/principal';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.database).toEqual({ dialect: 'sqlite', path: './data/govpay.sqlite', busyTimeoutMs: 5000 });
    expect(c.demoSeed).toBe(true);
    expect(c.graphql.introspection).toBe(true);
    expect(c.auth.principalHeader).toBe('x-govpay-principal');
  });

  it('reads a MySQL URL and turns the demo seed off for it by default', () => {
    const c = loadConfig({ DATABASE_URL: 'mysql://u:p@db:3306/govpay' });
    expect(c.database).toEqual({ dialect: 'mysql', url: 'mysql://u:p@db:3306/govpay', connectTimeoutMs: 10_000 });
    expect(c.demoSeed).toBe(false);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
      expect((e as Error).message).toMatch(/LOG_LEVEL/);
    }
  });

  it('requires a shared principal secret in production and turns introspection off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/INTERNAL_PRINCIPAL_SECRET/);
    const c = loadConfig({ NODE_ENV: 'production', INTERNAL_PRINCIPAL_SECRET: 'x'.repeat(32) });
    expect(c.graphql.introspection).toBe(false);
    expect(() => loadConfig({ INTERNAL_PRINCIPAL_SECRET: 'short' })).toThrow(/INTERNAL_PRINCIPAL_SECRET/);
  });
});

describe('signed principal', () => {
  const signer = new PrincipalSigner('s'.repeat(40), 60);

  it('round-trips', () => {
    expect(signer.verify(signer.sign(SYSTEM_PRINCIPAL))).toEqual(SYSTEM_PRINCIPAL);
  });

  it('refuses expiry and tampering', () => {
    expect(() => signer.verify(signer.sign(SYSTEM_PRINCIPAL, Date.now() - 61_000))).toThrow(/scadut/);
    const token = signer.sign(SYSTEM_PRINCIPAL);
    expect(() => signer.verify(`${token}x`)).toThrow();
    expect(() => signer.verify(`x${token}`)).toThrow();
    expect(() => signer.verify('.')).toThrow();
  });
});

describe('passwords', () => {
  it('hashes with a salt and verifies only the right password', async () => {
    const a = await hashPassword('Password1!');
    const b = await hashPassword('Password1!');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$/);
    expect(a).not.toContain('Password1!');
    expect(await verifyPassword('Password1!', a)).toBe(true);
    expect(await verifyPassword('Password1?', a)).toBe(false);
    expect(await verifyPassword('Password1!', null)).toBe(false);
    expect(await verifyPassword('Password1!', 'plain')).toBe(false);
  });
});

describe('paging', () => {
  it('parses GovPay orderings against the allowed fields', () => {
    const allowed = { ragioneSociale: 'ragioneSociale', idDominio: 'idDominio' };
    expect(parseOrdering('-ragioneSociale,+idDominio', allowed, '+idDominio')).toEqual([
      ['ragioneSociale', 'DESC'],
      ['idDominio', 'ASC'],
    ]);
    expect(parseOrdering(undefined, allowed, '+idDominio')).toEqual([['idDominio', 'ASC']]);
    expect(() => parseOrdering('+password', allowed, '+idDominio')).toThrow(/password/);
  });

  it('round-trips cursors and refuses forged ones', () => {
    expect(decodeCursor(encodeCursor(41))).toBe(41);
    expect(() => decodeCursor('bm9wZQ')).toThrow();
  });
});

describe('signed principal reuse', () => {
  it('reuses a token until half its lifetime, then signs a fresh one', () => {
    const signer = new PrincipalSigner('s'.repeat(40), 60);
    const p = { ...SYSTEM_PRINCIPAL };
    const t0 = Date.now();
    const first = signer.tokenFor(p, t0);
    expect(signer.tokenFor(p, t0 + 29_000)).toBe(first);
    const renewed = signer.tokenFor(p, t0 + 31_000);
    expect(renewed).not.toBe(first);
    expect(signer.verify(renewed, t0 + 31_000)).toEqual(p);
  });
});

describe('money', () => {
  it('turns GovPay amounts into integer cents without float arithmetic', () => {
    expect(euroAmount.parse(100.99)).toBe(10099);
    expect(euroAmount.parse(0.1)).toBe(10);
    expect(euroAmount.parse(0.07)).toBe(7);
    expect(euroAmount.parse(999999999.99)).toBe(99999999999);
    expect(euroAmount.parse(5)).toBe(500);
    for (const bad of [10.001, -1, 1000000000, 1e21, Number.NaN]) expect(euroAmount.safeParse(bad).success).toBe(false);
  });

  it('writes cents back exactly', () => {
    expect(centsToEuro(10099)).toBe(100.99);
    expect(centsToEuro(7)).toBe(0.07);
    expect(centsToDecimalString(500)).toBe('5.00');
    expect(centsToDecimalString(99999999999)).toBe('999999999.99');
  });

  it('has a graph scalar that round-trips and refuses floats', () => {
    expect(Importo.serialize(10099)).toBe('100.99');
    expect(Importo.parseValue('0.07')).toBe(7);
    expect(() => Importo.parseValue(100.99)).toThrow();
    expect(() => Importo.parseValue('1.5')).toThrow();
    expect(() => Importo.serialize(1.5)).toThrow();
  });
});
