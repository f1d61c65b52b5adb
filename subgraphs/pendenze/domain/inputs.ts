import { z } from 'zod';
import { euroAmount } from '../../../core/money';
import { TIPI_CONTABILITA, TIPI_SOGGETTO } from '../../../schema/entities';
import { pattern } from '../../../core/validation';

/** API Pendenze v2's NuovaPendenza, with GovPay's limits: the contract of the graph and REST alike. */
export const TASSONOMIE_AVVISO = [
  'Cartelle esattoriali',
  'Diritti e concessioni',
  'Imposte e tasse',
  'IMU, TASI e altre tasse comunali',
  'Ingressi a mostre e musei',
  'Multe e sanzioni amministrative',
  'Previdenza e infortuni',
  'Servizi erogati dal comune',
  'Servizi erogati da altri enti',
  'Servizi scolastici',
  'Tassa automobilistica',
  'Ticket e prestazioni sanitarie',
  'Trasporti, mobilità e parcheggi',
] as const;

export const ids = {
  idA2A: pattern(35, /^[a-zA-Z0-9\-_]{1,35}$/),
  idPendenza: pattern(35, /^[a-zA-Z0-9\-_]{1,35}$/),
  idDominio: pattern(11, /^[0-9]{11}$/),
  numeroAvviso: pattern(18, /^[0-9]{18}$/),
  idTipoPendenza: pattern(35, /^[a-zA-Z0-9\-_.]{1,35}$/),
};

/** An amount of a pendenza or a voce: pagoPA carries no zero amounts (stAmountNotZero). */
const importo = euroAmount.pipe(z.number().positive());

const text = (min: number, max: number) => z.string().min(min).max(max);
const isoDate = pattern(10, /^\d{4}-\d{2}-\d{2}$/).refine((d) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
}, 'data inesistente');
const iban = pattern(34, /^[a-zA-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$/);
const jsonObject = z.record(z.string(), z.unknown());

export const soggetto = z.object({
  tipo: z.enum(TIPI_SOGGETTO),
  identificativo: text(2, 16),
  anagrafica: text(1, 70).nullish(),
  indirizzo: text(1, 70).nullish(),
  civico: text(1, 16).nullish(),
  cap: text(1, 16).nullish(),
  localita: text(1, 35).nullish(),
  provincia: text(1, 35).nullish(),
  nazione: pattern(2, /^[A-Z]{2}$/).nullish(),
  // GovPay's pattern, written so that it cannot backtrack (the domain's labels up to its first
  // dot, then the rest), at pagoPA's length for an e-mail address (stEMail, 256).
  email: pattern(256, /^[A-Za-z0-9_]+([-+.'][A-Za-z0-9_]+)*@[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*\.[A-Za-z0-9_]+([-.][A-Za-z0-9_]+)*$/).nullish(),
  cellulare: pattern(15, /^\+[0-9]{2}\s[0-9]{3}-[0-9]{7}$/).nullish(),
});

const voceComune = {
  idVocePendenza: text(1, 35),
  importo,
  descrizione: text(1, 140),
  descrizioneCausaleRPT: text(1, 140).nullish(),
  datiAllegati: jsonObject.nullish(),
  contabilita: jsonObject.nullish(),
  metadata: jsonObject.nullish(),
  idDominio: ids.idDominio.nullish(),
};

const voceEntrata = z.object({ ...voceComune, codEntrata: pattern(35, /^[a-zA-Z0-9\-_.]{1,35}$/) });
const voceIban = z.object({
  ...voceComune,
  ibanAccredito: iban,
  ibanAppoggio: iban.nullish(),
  tipoContabilita: z.enum(TIPI_CONTABILITA),
  codiceContabilita: pattern(135, /^\S{3,135}$/),
});
const voceBollo = z.object({
  ...voceComune,
  tipoBollo: z.literal('01'),
  hashDocumento: text(1, 70),
  provinciaResidenza: pattern(2, /^[A-Z]{2}$/),
});

/**
 * A voce is one of three kinds; which one is told by the keys it carries (a bollo key, else an
 * IBAN key, else an entrata), so that a missing or null field is reported by its own name.
 */
export const voce = z.unknown().transform((v, ctx) => {
  const kind = v && typeof v === 'object' ? ('tipoBollo' in v ? voceBollo : 'ibanAccredito' in v ? voceIban : voceEntrata) : voceEntrata;
  const r = kind.safeParse(v, { reportInput: true });
  if (r.success) return r.data as z.output<typeof voceEntrata> & Partial<z.output<typeof voceIban>> & Partial<z.output<typeof voceBollo>>;
  for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
  return z.NEVER;
});
export type VoceInput = z.output<typeof voce>;

export const nuovaPendenza = z.object({
  idTipoPendenza: ids.idTipoPendenza,
  idDominio: ids.idDominio,
  idUnitaOperativa: pattern(35, /^[a-zA-Z0-9\-_]{1,35}$/).nullish(),
  causale: text(1, 140),
  soggettoPagatore: soggetto,
  importo,
  numeroAvviso: ids.numeroAvviso.nullish(),
  tassonomia: text(1, 35).nullish(),
  tassonomiaAvviso: z.enum(TASSONOMIE_AVVISO).nullish(),
  direzione: text(1, 35).nullish(),
  divisione: text(1, 35).nullish(),
  dataValidita: isoDate.nullish(),
  dataScadenza: isoDate.nullish(),
  annoRiferimento: z.number().int().min(1000).max(9999).nullish(),
  cartellaPagamento: text(1, 35).nullish(),
  datiAllegati: jsonObject.nullish(),
  documento: z
    .object({
      identificativo: text(1, 35),
      descrizione: text(1, 80),
      rata: z.number().int().min(1).nullish(),
      soglia: z.object({ giorni: z.number().int().min(1), tipo: z.enum(['ENTRO', 'OLTRE']) }).nullish(),
    })
    .nullish(),
  proprieta: jsonObject.nullish(),
  voci: z.array(voce).min(1).max(5),
  allegati: z
    .array(
      z.object({
        nome: text(1, 255),
        tipo: text(1, 255).nullish(),
        descrizione: text(1, 255).nullish(),
        contenuto: z
          .string()
          .min(1)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
      }),
    )
    .max(20)
    .nullish(),
});
export type NuovaPendenzaInput = z.output<typeof nuovaPendenza>;

/** GovPay's JSON-patch operations on a pendenza: their form only; patch.ts checks each op against its path. */
export const patchOps = z
  .array(z.object({ op: z.string().max(16), path: z.string().max(64), value: z.unknown() }))
  .min(1)
  .max(10);
