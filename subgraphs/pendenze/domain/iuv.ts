import { errors } from '../../../core/errors';
import { romeDate } from '../../../core/rome-time';
import { matchesWhole } from '../../../core/safe-regexp';

/**
 * IUV and numero avviso (pagoPA's "codice avviso"), pure functions only.
 *
 * numero avviso = 18 digits = aux digit + (application code | segregation code) + reference + two
 * check digits, the check being the whole preceding number mod 93. Those numbers exceed 2^53, so
 * all the arithmetic is BigInt.
 *
 * | aux | numero avviso                        | IUV                        |
 * | 0   | 0 + appCode(2) + ref(13) + check(2)  | ref(13) + check(2)         |
 * | 1,2 | aux + ref(15) + check(2)             | ref(15) + check(2)         |
 * | 3   | 3 + segCode(2) + ref(13) + check(2)  | segCode + ref(13) + check  |
 *
 * Error texts are GovPay's (`govpay-exception-messages.properties`, MessageFormat `''` rendered as
 * `'`) unless a comment says the wording is the hub's.
 */
export type AuxDigit = '0' | '1' | '2' | '3';

export interface NumeroAvviso {
  numeroAvviso: string;
  iuv: string;
}

const AUX_DIGITS: readonly string[] = ['0', '1', '2', '3'];

/** The two mod-93 check digits of a digit string (the whole number, BigInt). */
export function checkDigits(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new Error(`checkDigits: '${digits}' is not a digit string`);
  return (BigInt(digits) % 93n).toString().padStart(2, '0');
}

/** Builds the numero avviso and IUV of a reference (13 digits for aux 0 and 3, 15 for aux 1 and 2). */
export function numeroAvvisoFor(
  aux: AuxDigit,
  reference: string,
  opts: { applicationCode?: string; segregationCode?: string },
): NumeroAvviso {
  if (!AUX_DIGITS.includes(aux)) throw new Error(`numeroAvvisoFor: aux digit '${String(aux)}' is not 0, 1, 2 or 3`);
  const length = referenceLength(aux);
  if (reference.length !== length || !/^\d+$/.test(reference)) {
    throw new Error(`numeroAvvisoFor: aux ${aux} needs a ${length}-digit reference, got '${reference}'`);
  }
  let code = '';
  if (aux === '0' || aux === '3') {
    const name = aux === '0' ? 'application' : 'segregation';
    const given = aux === '0' ? opts.applicationCode : opts.segregationCode;
    if (given === undefined || !/^\d{2}$/.test(given)) {
      throw new Error(`numeroAvvisoFor: aux ${aux} needs a two-digit ${name} code, got '${String(given)}'`);
    }
    code = given;
  }
  const body = `${aux}${code}${reference}`;
  const numeroAvviso = `${body}${checkDigits(body)}`;
  return { numeroAvviso, iuv: iuvFromNumeroAvviso(numeroAvviso) };
}

/** The reference length a generated IUV uses for an aux digit. */
export function referenceLength(aux: AuxDigit): 13 | 15 {
  return aux === '0' || aux === '3' ? 13 : 15;
}

/** aux 0 numbers carry the application code before the IUV; the others only the aux digit. */
export function iuvFromNumeroAvviso(numeroAvviso: string): string {
  return numeroAvviso.startsWith('0') ? numeroAvviso.slice(3) : numeroAvviso.slice(1);
}

/** Who the prefix is being expanded for; only used to word VER_028 as GovPay does. */
export interface IuvPrefixOwner {
  idA2A: string;
  idPendenza: string;
  idDominio: string;
}

/**
 * Expands a dominio's IUV prefix template: %(a) the applicazione's codifica IUV, %(t) / %(p) the
 * tipo pendenza's, %(Y) / %(y) the four / two-digit year in Europe/Rome. The result must be digits,
 * else 422 VER_028. A placeholder whose value is not configured (and any other placeholder, e.g. the
 * reserved %(u)) stays as written, so the prefix is not numeric and VER_028 names it.
 */
export function expandIuvPrefix(
  template: string | null | undefined,
  ctx: {
    codificaIuvApplicazione?: string | null;
    codificaIuvTipoPendenza?: string | null;
    now: Date;
    pendenza?: IuvPrefixOwner;
  },
): string {
  if (!template) return '';
  const year = romeDate(ctx.now).slice(0, 4);
  const values: Record<string, string | null | undefined> = {
    a: ctx.codificaIuvApplicazione,
    t: ctx.codificaIuvTipoPendenza,
    p: ctx.codificaIuvTipoPendenza,
    Y: year,
    y: year.slice(-2),
  };
  const prefix = template.replace(/%\(([A-Za-z])\)/g, (placeholder, key: string) => values[key] || placeholder);
  if (!/^\d*$/.test(prefix)) {
    const p = ctx.pendenza;
    throw errors.unprocessable(
      'VER_028',
      p
        ? `Il prefisso IUV di tipo numerico generato (${prefix}) per la pendenza (IdA2A:${p.idA2A} Id:${p.idPendenza}) non e' valido rispetto alla configurazione prevista per il dominio (${p.idDominio}, prefix:${template}).`
        : // The hub's wording, for callers that do not say whose pendenza it is.
          `Il prefisso IUV di tipo numerico generato (${prefix}) non e' valido rispetto alla configurazione prevista (prefix:${template}).`,
    );
  }
  return prefix;
}


/**
 * The reference: the prefix, then the progressive zero-padded to the reference's length. When they
 * do not fit, 422 VER_028 with GovPay's text for the case ("Superato il numero massimo di IUV
 * generabili", a 500 ServiceException in GovPay; the hub reports it as a configuration problem of the
 * prefix instead, since a shorter prefix is the fix).
 */
export function referenceFor(prefix: string, progressive: bigint, length: 13 | 15, idDominio?: string): string {
  if (!/^\d*$/.test(prefix)) throw new Error(`referenceFor: prefix '${prefix}' is not numeric`);
  if (progressive < 0n) throw new Error(`referenceFor: negative progressive ${progressive}`);
  const digits = progressive.toString();
  if (prefix.length + digits.length > length) {
    throw errors.unprocessable(
      'VER_028',
      `Superato il numero massimo di IUV generabili [${idDominio ? `Dominio:${idDominio} ` : ''}Prefisso:${prefix}]`,
    );
  }
  return `${prefix}${digits.padStart(length - prefix.length, '0')}`;
}

export interface NumeroAvvisoContext {
  idA2A: string;
  idPendenza: string;
  idDominio: string;
  auxDigit: string;
  idStazione: string;
  applicationCode: string;
  segregationCode?: string | null;
  regExpIuv?: string | null;
  /**
   * Reject wrong mod-93 check digits (VER_017); default true. GovPay 3 itself only logs a warning
   * (`iuv.checkIUVNumericoWarn`) and accepts the number, so false gives its exact behaviour.
   */
  verifyCheckDigits?: boolean;
}

/**
 * An Ente-supplied numero avviso, checked in GovPay's order: 18 digits (VER_017), first digit = the
 * dominio's aux digit (VER_039), aux 0 application code (VER_026), aux 3 segregation code (VER_027),
 * check digits for aux 0 and 3 (VER_017), the applicazione's regExpIuv on the IUV (VER_030).
 * aux 1 and 2 IUVs supplied by the Ente are opaque references: their digits are not checked.
 * Returns the IUV.
 */
export function validateNumeroAvviso(numeroAvviso: string, ctx: NumeroAvvisoContext): { iuv: string } {
  const nonConforme = () => errors.unprocessable('VER_017', `Lo IUV (${numeroAvviso}) non e' conforme alle specifiche agid`);
  if (!/^\d{18}$/.test(numeroAvviso)) throw nonConforme();
  if (numeroAvviso[0] !== ctx.auxDigit) {
    throw errors.unprocessable(
      'VER_039',
      `Il carattere iniziale del numero avviso (${numeroAvviso}) indicato per la pendenza (IdA2A:${ctx.idA2A} Id:${ctx.idPendenza}) non coincide con l'aux digit (${ctx.auxDigit}) impostato per l'Ente Creditore (${ctx.idDominio}).`,
    );
  }
  const code = numeroAvviso.slice(1, 3);
  // GovPay compares the codes as integers, so a configured "1" matches "01".
  if (ctx.auxDigit === '0' && !sameCode(code, ctx.applicationCode)) {
    throw errors.unprocessable(
      'VER_026',
      `Lo IUV (${numeroAvviso}) non e' conforme alle specifiche agid, application code (${code}) non valido per la stazione (${ctx.idStazione})`,
    );
  }
  // GovPay skips the check when the dominio has no segregation code.
  if (ctx.auxDigit === '3' && ctx.segregationCode != null && ctx.segregationCode !== '' && !sameCode(code, ctx.segregationCode)) {
    // "segregaton" is GovPay's own spelling in its message catalogue, kept for byte-compatible bodies.
    throw errors.unprocessable(
      'VER_027',
      `Lo IUV (${numeroAvviso}) non e' conforme alle specifiche agid, segregaton code (${code}) non valido per il dominio (${ctx.idDominio})`,
    );
  }
  if ((ctx.verifyCheckDigits ?? true) && (ctx.auxDigit === '0' || ctx.auxDigit === '3')) {
    if (checkDigits(numeroAvviso.slice(0, 16)) !== numeroAvviso.slice(16)) throw nonConforme();
  }
  const iuv = iuvFromNumeroAvviso(numeroAvviso);
  if (ctx.regExpIuv) {
    const matches = matchesWhole(ctx.regExpIuv, iuv);
    if (matches === undefined) throw errors.internal(`regExpIuv (${ctx.regExpIuv}) dell'applicazione ${ctx.idA2A} non valida`);
    if (!matches) {
      // GovPay's template; GovPay itself fills {0} with the prefix and leaves {2} unfilled, the hub
      // gives the IUV and the pattern.
      throw errors.unprocessable(
        'VER_030',
        `Lo IUV generato (${iuv}) non rispetta il pattern previsto dall'applicazione (IdA2A:${ctx.idA2A}, pattern: ${ctx.regExpIuv}).`,
      );
    }
  }
  return { iuv };
}

function sameCode(found: string, configured: string): boolean {
  return /^\d{1,2}$/.test(configured) ? Number(found) === Number(configured) : found === configured;
}

/** Letters to 10..35, digits unchanged (ISO 7064 mod 97-10 as used by ISO 11649). */
function iso7064Digits(s: string): string {
  let out = '';
  for (const ch of s.toUpperCase()) {
    if (ch >= '0' && ch <= '9') out += ch;
    else if (ch >= 'A' && ch <= 'Z') out += String(ch.charCodeAt(0) - 55);
    else throw new Error(`ISO 11649: '${ch}' is not alphanumeric`);
  }
  return out;
}

/** The two ISO 11649 check digits of a creditor reference: 98 - (ref + "RF00" as digits) mod 97. */
export function iso11649CheckDigits(reference: string): string {
  if (!/^[A-Za-z0-9]{1,21}$/.test(reference)) throw new Error(`iso11649CheckDigits: '${reference}' is not a 1-21 character alphanumeric reference`);
  const n = BigInt(iso7064Digits(`${reference}RF00`));
  return (98n - (n % 97n)).toString().padStart(2, '0');
}

/** An ISO 11649 creditor reference (`RF` + 2 check digits + 1..21 alphanumerics) whose check holds. */
export function isIso11649(iuv: string): boolean {
  if (!/^RF\d{2}[A-Za-z0-9]{1,21}$/i.test(iuv)) return false;
  return BigInt(iso7064Digits(`${iuv.slice(4)}${iuv.slice(0, 4)}`)) % 97n === 1n;
}

/**
 * GovPay's "IUV interno" (`IuvUtils.isIuvInterno`): whether an IUV unknown to the hub has the shape
 * of one the hub would have issued for the dominio. aux 0: 15 digits; aux 1: 17 digits; aux 3:
 * 17 digits starting with the segregation code, or `RF` + check + segregation code + ...
 */
export function isInternalIuv(iuv: string, dominio: { auxDigit: string; segregationCode?: string | null }): boolean {
  const numeric = /^\d+$/.test(iuv);
  switch (dominio.auxDigit) {
    case '0':
      return numeric && iuv.length === 15;
    case '1':
      return numeric && iuv.length === 17;
    case '3': {
      if (dominio.segregationCode == null || !/^\d{1,2}$/.test(dominio.segregationCode)) return false;
      const seg = dominio.segregationCode.padStart(2, '0');
      if (iuv.startsWith('RF') && iuv.slice(4, 6) === seg) return true;
      return numeric && iuv.length === 17 && iuv.startsWith(seg);
    }
    default:
      return false;
  }
}
