import { DomainError } from '../core/errors';
import {
  checkDigits,
  expandIuvPrefix,
  iso11649CheckDigits,
  isInternalIuv,
  isIso11649,
  iuvFromNumeroAvviso,
  numeroAvvisoFor,
  referenceFor,
  validateNumeroAvviso,
  type NumeroAvvisoContext,
} from '../subgraphs/pendenze/domain/iuv';

/** Independent mod 93: Horner's rule digit by digit on small Numbers, no BigInt. */
function mod93(digits: string): number {
  let r = 0;
  for (const d of digits) r = (r * 10 + Number(d)) % 93;
  return r;
}

/** The DomainError a function throws (fails the test if it throws nothing or something else). */
function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

function expect422(fn: () => unknown, codice: string, dettaglio?: string | RegExp): DomainError {
  const e = thrown(fn);
  expect(e.status).toBe(422);
  expect(e.fault.categoria).toBe('RICHIESTA');
  expect(e.fault.descrizione).toBe('Richiesta non valida');
  expect(e.fault.codice).toBe(codice);
  if (typeof dettaglio === 'string') expect(e.fault.dettaglio).toBe(dettaglio);
  else if (dettaglio) expect(e.fault.dettaglio).toMatch(dettaglio);
  return e;
}

/** The Karate fixture: dominio 12345678901, stazione 11111111113_01, aux 0, applicazione IDA2A01. */
const fixture: NumeroAvvisoContext = {
  idA2A: 'IDA2A01',
  idPendenza: '1764170000000',
  idDominio: '12345678901',
  auxDigit: '0',
  idStazione: '11111111113_01',
  applicationCode: '01',
  segregationCode: '00',
  regExpIuv: '34[0-9]*',
};
const aux3: NumeroAvvisoContext = { ...fixture, auxDigit: '3', segregationCode: '47', regExpIuv: null };

function randomDigits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 10);
  return s;
}

describe('checkDigits', () => {
  it('agrees with an independent mod-93 over long numbers', () => {
    for (const n of ['0', '92', '93', '186', '9007199254740993', '3012345678901234', '9999999999999999', '0011234567890123', '12345678901234567890123']) {
      expect(checkDigits(n)).toBe(String(mod93(n)).padStart(2, '0'));
    }
  });

  it('matches hand-checked vectors', () => {
    // By hand: 3012345678901234 = 93 × 32390813751626 + 16; 0121234567890123 = 93 × 1303597504194 + 81.
    expect(93n * 32390813751626n + 16n).toBe(3012345678901234n);
    expect(93n * 1303597504194n + 81n).toBe(121234567890123n);
    expect(checkDigits('3012345678901234')).toBe('16');
    expect(checkDigits('0121234567890123')).toBe('81');
    expect(checkDigits('2123456789012345')).toBe('44');
    expect(checkDigits('5')).toBe('05');
    expect(checkDigits('93')).toBe('00');
  });

  it('rejects non-digits as a programming error', () => {
    expect(() => checkDigits('12a')).toThrow(Error);
    expect(() => checkDigits('')).toThrow(Error);
  });
});

describe('numeroAvvisoFor', () => {
  it('builds aux 0, 2 and 3 numbers (the worked examples of the pagoPA notes)', () => {
    expect(numeroAvvisoFor('0', '1234567890123', { applicationCode: '12' })).toEqual({
      numeroAvviso: '012123456789012381',
      iuv: '123456789012381',
    });
    expect(numeroAvvisoFor('3', '2345678901234', { segregationCode: '01' })).toEqual({
      numeroAvviso: '301234567890123416',
      iuv: '01234567890123416',
    });
    expect(numeroAvvisoFor('2', '123456789012345', {})).toEqual({
      numeroAvviso: '212345678901234544',
      iuv: '12345678901234544',
    });
  });

  it('computes the check over aux + code + reference', () => {
    const ref = '3400000000001';
    const { numeroAvviso, iuv } = numeroAvvisoFor('0', ref, { applicationCode: '01' });
    expect(numeroAvviso).toBe(`001${ref}${String(mod93(`001${ref}`)).padStart(2, '0')}`);
    expect(iuv).toHaveLength(15);
    const one = numeroAvvisoFor('1', '123456789012345', {});
    expect(one.numeroAvviso).toBe(`1123456789012345${String(mod93('1123456789012345')).padStart(2, '0')}`);
    expect(one.iuv).toHaveLength(17);
  });

  it('throws plain Errors for programming mistakes', () => {
    expect(() => numeroAvvisoFor('0', '123', { applicationCode: '01' })).toThrow(/13-digit reference/);
    expect(() => numeroAvvisoFor('2', '1234567890123', {})).toThrow(/15-digit reference/);
    expect(() => numeroAvvisoFor('0', '12345678901a3', { applicationCode: '01' })).toThrow(Error);
    expect(() => numeroAvvisoFor('0', '1234567890123', {})).toThrow(/application code/);
    expect(() => numeroAvvisoFor('3', '1234567890123', { segregationCode: '7' })).toThrow(/segregation code/);
    expect(() => numeroAvvisoFor('4' as '0', '1234567890123', { applicationCode: '01' })).toThrow(/aux digit/);
    expect(() => numeroAvvisoFor('0', '1234567890123', { applicationCode: '01' })).not.toThrow(DomainError);
  });
});

describe('iuvFromNumeroAvviso', () => {
  it('strips the aux digit and application code for aux 0, the aux digit otherwise', () => {
    expect(iuvFromNumeroAvviso('001340000000000145')).toBe('340000000000145');
    expect(iuvFromNumeroAvviso('301234567890123416')).toBe('01234567890123416');
    expect(iuvFromNumeroAvviso('212345678901234544')).toBe('12345678901234544');
  });
});

describe('expandIuvPrefix', () => {
  const now = new Date('2026-06-15T10:00:00Z');

  it('expands %(a) with the applicazione codifica', () => {
    expect(expandIuvPrefix('%(a)', { codificaIuvApplicazione: '34', now })).toBe('34');
  });

  it('expands the year (Europe/Rome) and the tipo pendenza codifica', () => {
    expect(expandIuvPrefix('%(Y)%(a)', { codificaIuvApplicazione: '34', now })).toBe('202634');
    expect(expandIuvPrefix('%(y)%(t)', { codificaIuvTipoPendenza: '7', now })).toBe('267');
    expect(expandIuvPrefix('9%(p)', { codificaIuvTipoPendenza: '12', now })).toBe('912');
    // 23:30 UTC on New Year's Eve is already next year in Rome.
    expect(expandIuvPrefix('%(Y)', { now: new Date('2025-12-31T23:30:00Z') })).toBe('2026');
  });

  it('gives an empty prefix for no template', () => {
    expect(expandIuvPrefix(null, { now })).toBe('');
    expect(expandIuvPrefix(undefined, { now })).toBe('');
    expect(expandIuvPrefix('', { now })).toBe('');
  });

  it('rejects a non-numeric prefix with VER_028', () => {
    expect422(
      () => expandIuvPrefix('%(a)', { codificaIuvApplicazione: 'AB', now, pendenza: { idA2A: 'IDA2A01', idPendenza: 'P1', idDominio: '12345678901' } }),
      'VER_028',
      "Il prefisso IUV di tipo numerico generato (AB) per la pendenza (IdA2A:IDA2A01 Id:P1) non e' valido rispetto alla configurazione prevista per il dominio (12345678901, prefix:%(a)).",
    );
    expect422(() => expandIuvPrefix('X%(Y)', { now }), 'VER_028', /\(X2026\)/);
    expect422(() => expandIuvPrefix('%(u)', { now }), 'VER_028', /%\(u\)/);
  });

  it('rejects a placeholder whose codifica is not configured with VER_028', () => {
    expect422(() => expandIuvPrefix('%(a)', { codificaIuvApplicazione: null, now }), 'VER_028', /%\(a\)/);
    expect422(() => expandIuvPrefix('%(Y)%(t)', { codificaIuvApplicazione: '34', now }), 'VER_028', /2026%\(t\)/);
  });
});

describe('referenceFor', () => {
  it('zero-pads the progressive after the prefix', () => {
    expect(referenceFor('34', 1n, 13)).toBe('3400000000001');
    expect(referenceFor('', 42n, 15)).toBe('000000000000042');
    expect(referenceFor('34', 99999999999n, 13)).toBe('3499999999999');
  });

  it('reports an overflow with 422 VER_028', () => {
    expect422(() => referenceFor('34', 100000000000n, 13, '12345678901'), 'VER_028', 'Superato il numero massimo di IUV generabili [Dominio:12345678901 Prefisso:34]');
    expect422(() => referenceFor('12345678901234', 1n, 13), 'VER_028', 'Superato il numero massimo di IUV generabili [Prefisso:12345678901234]');
  });

  it('throws plain Errors for programming mistakes', () => {
    expect(() => referenceFor('3A', 1n, 13)).toThrow(/not numeric/);
    expect(() => referenceFor('34', -1n, 13)).toThrow(/negative/);
  });
});

describe('validateNumeroAvviso (S7)', () => {
  it('rejects 000000000000000000 with VER_026 and GovPay\'s exact text', () => {
    expect422(
      () => validateNumeroAvviso('000000000000000000', fixture),
      'VER_026',
      "Lo IUV (000000000000000000) non e' conforme alle specifiche agid, application code (00) non valido per la stazione (11111111113_01)",
    );
  });

  it('rejects a first digit other than the aux digit with VER_039', () => {
    const n = numeroAvvisoFor('3', '3400000000001', { segregationCode: '00' }).numeroAvviso;
    expect422(
      () => validateNumeroAvviso(n, fixture),
      'VER_039',
      `Il carattere iniziale del numero avviso (${n}) indicato per la pendenza (IdA2A:IDA2A01 Id:1764170000000) non coincide con l'aux digit (0) impostato per l'Ente Creditore (12345678901).`,
    );
  });

  it('accepts a number built with the mod-93 rule and returns its IUV', () => {
    const built = numeroAvvisoFor('0', '3400000000123', { applicationCode: '01' });
    expect(validateNumeroAvviso(built.numeroAvviso, fixture)).toEqual({ iuv: built.iuv });
    expect(built.iuv.startsWith('34')).toBe(true);
  });

  it('rejects wrong check digits with VER_017', () => {
    const { numeroAvviso } = numeroAvvisoFor('0', '3400000000123', { applicationCode: '01' });
    const wrong = numeroAvviso.slice(0, 16) + String((Number(numeroAvviso.slice(16)) + 1) % 93).padStart(2, '0');
    expect422(() => validateNumeroAvviso(wrong, fixture), 'VER_017', `Lo IUV (${wrong}) non e' conforme alle specifiche agid`);
    // GovPay itself only logs it: the hub can be told to do the same.
    expect(validateNumeroAvviso(wrong, { ...fixture, verifyCheckDigits: false })).toEqual({ iuv: wrong.slice(3) });
  });

  it('rejects anything but 18 digits with VER_017', () => {
    for (const n of ['00134000000001234', '0013400000000123456', '00134000000001234a', '']) {
      expect422(() => validateNumeroAvviso(n, fixture), 'VER_017', `Lo IUV (${n}) non e' conforme alle specifiche agid`);
    }
  });

  it('rejects an IUV outside the applicazione regExpIuv with VER_030', () => {
    const { numeroAvviso, iuv } = numeroAvvisoFor('0', '5500000000123', { applicationCode: '01' });
    expect422(
      () => validateNumeroAvviso(numeroAvviso, fixture),
      'VER_030',
      `Lo IUV generato (${iuv}) non rispetta il pattern previsto dall'applicazione (IdA2A:IDA2A01, pattern: 34[0-9]*).`,
    );
    expect(validateNumeroAvviso(numeroAvviso, { ...fixture, regExpIuv: null })).toEqual({ iuv });
    // The pattern must match the whole IUV, as Java's Matcher.matches().
    expect422(() => validateNumeroAvviso(numeroAvviso, { ...fixture, regExpIuv: '55' }), 'VER_030');
  });

  it('checks in GovPay\'s order', () => {
    // Wrong aux digit wins over everything after it.
    expect422(() => validateNumeroAvviso('300000000000000000', fixture), 'VER_039');
    // Application code before check digits and regExp.
    expect422(() => validateNumeroAvviso('099550000000000000', fixture), 'VER_026');
    // Check digits before regExp.
    expect422(() => validateNumeroAvviso('001550000000000000', fixture), 'VER_017');
  });

  it('aux 3: wrong segregation code → VER_027; right one validates', () => {
    const other = numeroAvvisoFor('3', '1234567890123', { segregationCode: '48' }).numeroAvviso;
    expect422(
      () => validateNumeroAvviso(other, aux3),
      'VER_027',
      `Lo IUV (${other}) non e' conforme alle specifiche agid, segregaton code (48) non valido per il dominio (12345678901)`,
    );
    const ok = numeroAvvisoFor('3', '1234567890123', { segregationCode: '47' });
    expect(validateNumeroAvviso(ok.numeroAvviso, aux3)).toEqual({ iuv: ok.iuv });
    expect(ok.iuv.startsWith('47')).toBe(true);
  });

  it('aux 1 and 2: supplied IUVs are opaque, only the aux digit is checked', () => {
    const aux2 = { ...fixture, auxDigit: '2', regExpIuv: null };
    expect(validateNumeroAvviso('212345678901234599', aux2)).toEqual({ iuv: '12345678901234599' });
    expect(validateNumeroAvviso('199999999999999999', { ...aux2, auxDigit: '1' })).toEqual({ iuv: '99999999999999999' });
    expect422(() => validateNumeroAvviso('112345678901234599', aux2), 'VER_039');
  });

  it('property: 1,000 random references per aux 0 and 3 build numbers that validate and round-trip', () => {
    for (let i = 0; i < 1000; i++) {
      const ref0 = `34${randomDigits(11)}`;
      const a = numeroAvvisoFor('0', ref0, { applicationCode: '01' });
      expect(a.numeroAvviso).toMatch(/^001\d{15}$/);
      expect(Number(a.numeroAvviso.slice(16))).toBe(mod93(a.numeroAvviso.slice(0, 16)));
      expect(validateNumeroAvviso(a.numeroAvviso, fixture)).toEqual({ iuv: a.iuv });
      expect(iuvFromNumeroAvviso(a.numeroAvviso)).toBe(a.iuv);
      expect(`001${a.iuv}`).toBe(a.numeroAvviso);

      const ref3 = randomDigits(13);
      const b = numeroAvvisoFor('3', ref3, { segregationCode: '47' });
      expect(b.numeroAvviso).toMatch(/^347\d{15}$/);
      expect(Number(b.numeroAvviso.slice(16))).toBe(mod93(b.numeroAvviso.slice(0, 16)));
      expect(validateNumeroAvviso(b.numeroAvviso, aux3)).toEqual({ iuv: b.iuv });
      expect(iuvFromNumeroAvviso(b.numeroAvviso)).toBe(b.iuv);
      expect(`3${b.iuv}`).toBe(b.numeroAvviso);
      expect(isInternalIuv(b.iuv, { auxDigit: '3', segregationCode: '47' })).toBe(true);
    }
  });
});

describe('ISO 11649 creditor references', () => {
  it('computes and checks RF check digits', () => {
    // The worked example of the pagoPA notes: w9 → 329271500 → 98 - (329271500 mod 97) = 45.
    expect(98n - (329271500n % 97n)).toBe(45n);
    expect(iso11649CheckDigits('w9')).toBe('45');
    expect(isIso11649('RF45w9')).toBe(true);
    // The ISO 11649 standard's example reference.
    expect(iso11649CheckDigits('539007547034')).toBe('18');
    expect(isIso11649('RF18539007547034')).toBe(true);
    const ref = `47${randomDigits(10)}ABC`;
    expect(isIso11649(`RF${iso11649CheckDigits(ref)}${ref}`)).toBe(true);
  });

  it('rejects wrong check digits and malformed references', () => {
    expect(isIso11649('RF19539007547034')).toBe(false);
    expect(isIso11649('RF46w9')).toBe(false);
    expect(isIso11649('RF18')).toBe(false);
    expect(isIso11649('XX18539007547034')).toBe(false);
    expect(isIso11649('RF18 5390 0754 7034')).toBe(false);
    expect(isIso11649('RF181234567890123456789012')).toBe(false); // 22-character reference
    expect(isIso11649('001340000000000145')).toBe(false);
  });
});

describe('isInternalIuv', () => {
  it('aux 0: 15 digits', () => {
    expect(isInternalIuv('340000000000145', { auxDigit: '0' })).toBe(true);
    expect(isInternalIuv('34000000000014', { auxDigit: '0' })).toBe(false);
    expect(isInternalIuv('34000000000014A', { auxDigit: '0' })).toBe(false);
  });

  it('aux 1: 17 digits', () => {
    expect(isInternalIuv('12345678901234567', { auxDigit: '1' })).toBe(true);
    expect(isInternalIuv('340000000000145', { auxDigit: '1' })).toBe(false);
  });

  it('aux 3: 17 digits starting with the segregation code, or RF with it at chars 4-5', () => {
    const dom = { auxDigit: '3', segregationCode: '47' };
    expect(isInternalIuv('47123456789012345', dom)).toBe(true);
    expect(isInternalIuv('48123456789012345', dom)).toBe(false);
    expect(isInternalIuv('4712345678901234', dom)).toBe(false);
    expect(isInternalIuv('RF2347ABC', dom)).toBe(true);
    expect(isInternalIuv('RF2348ABC', dom)).toBe(false);
    expect(isInternalIuv('47123456789012345', { auxDigit: '3', segregationCode: null })).toBe(false);
  });

  it('aux 2: never internal', () => {
    expect(isInternalIuv('12345678901234567', { auxDigit: '2' })).toBe(false);
  });
});
