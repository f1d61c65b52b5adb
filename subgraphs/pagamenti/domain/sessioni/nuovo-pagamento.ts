import { z } from 'zod';
import { pendenzaIds, soggetto } from '../../../pendenze/services';
import { httpUrl, pattern } from '../../../../core/validation';

/**
 * What a portal asks to pay (GovPay's NuovoPagamento, and the idSessionePortale REST takes as a
 * query parameter): a cart of 1..5 pendenze, each given in one of three forms, and how to pay it.
 * The contract of the graph's `avviaPagamento` and of API Pagamento's POST /pagamenti alike.
 */
const riferimento = z.object({ idA2A: pendenzaIds.idA2A, idPendenza: pendenzaIds.idPendenza });
const avviso = z.object({
  idDominio: pendenzaIds.idDominio,
  numeroAvviso: pendenzaIds.numeroAvviso,
  idDebitore: z.string().min(1).max(35).nullish(),
});

/** One pendenza of the cart: a reference to one the hub holds, an avviso, or a spontaneous NuovaPendenza (with idA2A, idPendenza). */
const pendenzaDaPagare = z
  .object({
    riferimento: riferimento.nullish(),
    avviso: avviso.nullish(),
    nuova: z.record(z.string(), z.unknown()).nullish(),
  })
  .refine(
    (p) => [p.riferimento, p.avviso, p.nuova].filter((x) => x != null).length === 1,
    'indicare uno solo tra riferimento, avviso e nuova',
  );

/** GovPay writes a versante's cap as a number too (its own tests send `cap: 0`). */
const soggettoVersante = soggetto.extend({
  cap: z.union([z.string().min(1).max(16), z.number().int().min(0).max(9_999_999_999).transform(String)]).nullish(),
});

const isoDate = pattern(10, /^\d{4}-\d{2}-\d{2}$/).refine((d) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
}, 'data inesistente');

export const LINGUE = ['it', 'en', 'fr', 'sl', 'de'] as const;
export const AUTENTICAZIONI = ['CNS', 'USR', 'OTH', 'N/A'] as const;

export const nuovoPagamento = z.object({
  pendenze: z.array(pendenzaDaPagare).min(1).max(5),
  urlRitorno: httpUrl(1024).nullish(),
  idSessionePortale: z.string().min(1).max(255).nullish(),
  dataEsecuzionePagamento: isoDate.nullish(),
  soggettoVersante: soggettoVersante.nullish(),
  contoAddebito: z
    .object({
      iban: pattern(34, /^[a-zA-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$/),
      bic: pattern(11, /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/).nullish(),
    })
    .nullish(),
  credenzialiPagatore: z.string().min(1).max(35).nullish(),
  autenticazioneSoggetto: z.enum(AUTENTICAZIONI).nullish(),
  lingua: z.enum(LINGUE).nullish(),
});
export type NuovoPagamento = z.output<typeof nuovoPagamento>;
export type PendenzaDaPagare = NuovoPagamento['pendenze'][number];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * GovPay's cart items (NuovoPagamento's `anyOf`) in the shape `nuovoPagamento` takes, told apart
 * by their keys: a pendenza's own fields make a spontaneous NuovaPendenza; `dati` with a tipo
 * pendenza is GovPay's PagamentoSpontaneo, whose `dati` GovPay reads as the NuovaPendenza itself
 * when the tipo pendenza has no form of its own (the hub has none); a numeroAvviso an avviso;
 * anything else a reference. What is not an object is left for validation to name.
 */
export function formeGovPay(pendenze: unknown): unknown {
  if (!Array.isArray(pendenze)) return pendenze;
  return pendenze.map((p) => {
    if (!isObject(p)) return p;
    if (['voci', 'causale', 'importo', 'soggettoPagatore'].some((k) => k in p)) return { nuova: p };
    if ('dati' in p && 'idTipoPendenza' in p) {
      return { nuova: isObject(p.dati) ? { ...p.dati, idDominio: p.idDominio, idTipoPendenza: p.idTipoPendenza } : p.dati };
    }
    if ('numeroAvviso' in p) return { avviso: p };
    return { riferimento: p };
  });
}
