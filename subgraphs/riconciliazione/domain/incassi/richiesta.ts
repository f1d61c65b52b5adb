import { createHash } from 'node:crypto';
import { errors } from '../../../../core/errors';
import { MAX_CAUSALE, riferimentoDaCausale, type Riferimento } from './causale';
import { erroreIncasso } from './errori';

/** A bank entry to reconcile, as the graph's RiconciliaInput gives it (amount already in cents). */
export interface RichiestaRiconciliazione {
  idDominio: string;
  causale?: string | null;
  iuv?: string | null;
  idFlusso?: string | null;
  idFlussoCaseInsensitive?: boolean | null;
  importoCents: number;
  sct: string;
  dataValuta?: string | null;
  dataContabile?: string | null;
  contoAccredito?: string | null;
  idRiconciliazione?: string | null;
}

/** A request checked and normalised: what it pays, its id, and the fingerprint a replay must match. */
export interface RichiestaValida {
  idDominio: string;
  causale: string | null;
  riferimento: Riferimento;
  caseInsensitive: boolean;
  importoCents: number;
  sct: string;
  dataValuta: string | null;
  dataContabile: string | null;
  contoAccredito: string | null;
  idRiconciliazione: string;
  hash: string;
}

const DATA = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9\-_.]{1,64}$/;

function testo(name: string, value: string | null | undefined, max: number): string | null {
  if (value === undefined || value === null) return null;
  const v = value.trim();
  if (!v) throw errors.syntax(`Il campo ${name} non puo' essere vuoto.`);
  if (v.length > max) throw errors.syntax(`Il campo ${name} supera la lunghezza massima di ${max} caratteri.`);
  return v;
}

function data(name: string, value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const d = new Date(`${value}T00:00:00Z`);
  if (!DATA.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw errors.syntax(`Il campo ${name} deve essere una data nel formato yyyy-MM-dd.`);
  }
  return value;
}

/**
 * The id GovPay would not give (it keys the incasso on the IUV or idFlusso alone): the bank's
 * SCT and what it pays, so that one bank entry is one riconciliazione and a replay finds it.
 */
function idDerivato(sct: string, r: Riferimento): string {
  const what = r.tipo === 'SINGOLO' ? `IUV:${r.iuv}` : `IDF:${r.idFlusso}`;
  return createHash('sha256').update(`${sct}\n${what}`).digest('base64url').slice(0, 32);
}

/**
 * Checks a request (GovPay's order: required fields and lengths, then the causale's format);
 * throws 400 for bad syntax and 021401 for a causale without a reference AgID's rules accept.
 */
export function validaRichiesta(r: RichiestaRiconciliazione): RichiestaValida {
  const causale = testo('causale', r.causale, MAX_CAUSALE);
  const iuv = testo('iuv', r.iuv, 35);
  const idFlusso = testo('idFlusso', r.idFlusso, 70);
  if ([causale, iuv, idFlusso].filter((v) => v !== null).length !== 1) {
    throw errors.syntax('Indicare uno e uno solo dei campi causale, iuv e idFlusso.');
  }
  const sct = testo('sct', r.sct, 64);
  if (!sct) throw errors.syntax("Il campo sct e' obbligatorio.");
  if (!Number.isSafeInteger(r.importoCents) || r.importoCents <= 0) throw errors.syntax('Il campo importo deve essere maggiore di zero.');
  const idRichiesto = testo('idRiconciliazione', r.idRiconciliazione, 64);
  if (idRichiesto !== null && !ID.test(idRichiesto)) {
    throw errors.syntax("Il campo idRiconciliazione ammette solo lettere, cifre e i caratteri '-', '_' e '.'.");
  }
  let riferimento: Riferimento | undefined;
  if (iuv) riferimento = { tipo: 'SINGOLO', iuv };
  else if (idFlusso) riferimento = { tipo: 'FLUSSO', idFlusso };
  else riferimento = riferimentoDaCausale(causale ?? '');
  if (!riferimento) {
    throw erroreIncasso(
      'CAUSALE_NON_VALIDA',
      `La causale dell'operazione di incasso non e' conforme alle specifiche AgID (SACIV 1.2.1): ${causale}`,
    );
  }
  const v = {
    idDominio: r.idDominio,
    causale,
    riferimento,
    caseInsensitive: !!r.idFlussoCaseInsensitive,
    importoCents: r.importoCents,
    sct,
    dataValuta: data('dataValuta', r.dataValuta),
    dataContabile: data('dataContabile', r.dataContabile),
    contoAccredito: testo('contoAccredito', r.contoAccredito, 35),
  };
  const idRiconciliazione = idRichiesto ?? idDerivato(sct, riferimento);
  const hash = createHash('sha256')
    .update(JSON.stringify([v.idDominio, causale, iuv, idFlusso, v.importoCents, sct, v.dataValuta, v.dataContabile, v.contoAccredito]))
    .digest('hex');
  return { ...v, idRiconciliazione, hash };
}
