import { z } from 'zod';
import { TIPI_CONTABILITA, VERSIONI_STAZIONE, type ConnettoreIntegrazione } from '../../../schema/entities';
import { OPERAZIONI_PATCH } from '../../../core/json-patch';
import { SERVIZI } from '../../../core/principal';
import { regExpProblem } from '../../../core/safe-regexp';
import { httpUrl, pattern } from '../../../core/validation';

/**
 * The anagrafica's input contract, shared by the graph's mutations and the Backoffice REST API:
 * identifiers, lengths and enumerations as GovPay 3 defines them.
 */
export const ids = {
  intermediario: pattern(11, /^[0-9]{11}$/),
  stazione: pattern(14, /^[0-9]{11}_[0-9]{2}$/),
  dominio: pattern(11, /^[0-9]{11}$/),
  unitaOperativa: pattern(35, /^[a-zA-Z0-9\-_]{1,35}$/),
  iban: pattern(34, /^[a-zA-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$/),
  entrata: pattern(35, /^[a-zA-Z0-9\-_.]{1,35}$/),
  tipoPendenza: pattern(35, /^[a-zA-Z0-9\-_.]{1,35}$/),
  idA2A: pattern(35, /^[a-zA-Z0-9\-_]{1,35}$/),
  principal: z.string().min(1).max(255),
  ruolo: pattern(255, /^[a-zA-Z0-9\-_]{1,255}$/),
};

const text = (max: number) => z.string().min(1).max(max);
const optionalText = (max: number) => text(max).nullish();
const flag = (fallback: boolean) =>
  z
    .boolean()
    .nullish()
    .transform((v) => v ?? fallback);

export const password = pattern(
  255,
  /^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])(?!.*\s).{8,}$/,
  'almeno 8 caratteri, con maiuscole, minuscole e cifre, senza spazi',
);

const connettoreAuth = z.record(z.string(), z.unknown());

export const intermediarioInput = z.object({
  denominazione: text(255),
  principalPagoPa: text(255),
  servizioPagoPa: z.looseObject({
    urlRPT: text(1024),
    auth: connettoreAuth.nullish(),
    subscriptionKey: optionalText(255),
  }),
  servizioFtp: z.record(z.string(), z.unknown()).nullish(),
  servizioPagoPaRecuperoRT: z.record(z.string(), z.unknown()).nullish(),
  servizioPagoPaACA: z.record(z.string(), z.unknown()).nullish(),
  servizioPagoPaGPD: z.record(z.string(), z.unknown()).nullish(),
  servizioPagoPaFR: z.record(z.string(), z.unknown()).nullish(),
  servizioPagoPaBackofficeEC: z.record(z.string(), z.unknown()).nullish(),
  abilitato: flag(true),
});
export type IntermediarioInput = z.output<typeof intermediarioInput>;

export const stazioneInput = z.object({
  password: z.string().min(1).max(255).nullish(),
  abilitato: z.boolean(),
  versione: z.enum(VERSIONI_STAZIONE),
});
export type StazioneInput = z.output<typeof stazioneInput>;

const recapiti = {
  indirizzo: optionalText(70),
  civico: optionalText(16),
  cap: optionalText(16),
  localita: optionalText(35),
  provincia: optionalText(35),
  nazione: pattern(2, /^[A-Z]{2}$/).nullish(),
  email: z.string().max(255, { abort: true }).email().nullish(),
  pec: z.string().max(255, { abort: true }).email().nullish(),
  tel: optionalText(35),
  fax: optionalText(35),
  web: optionalText(255),
};
export const RECAPITI_FIELDS = Object.keys(recapiti) as Array<keyof typeof recapiti>;

export const dominioInput = z.object({
  ragioneSociale: text(255),
  ...recapiti,
  gln: pattern(13, /^[0-9]{13}$/),
  cbill: pattern(5, /^[A-Z0-9]{5}$/).nullish(),
  // Digits and placeholders, one at a time (a nested repetition here once backtracked exponentially).
  iuvPrefix: pattern(255, /^(\d|%\([yYatp]\))*$/).nullish(),
  stazione: ids.stazione,
  auxDigit: z
    .enum(['0', '1', '2', '3'])
    .nullish()
    .transform((v) => v ?? '0'),
  segregationCode: pattern(2, /^[0-9]{2}$/).nullish(),
  logo: z
    .string()
    .max(5 * 1024 * 1024)
    .nullish(),
  abilitato: z.boolean(),
  autStampaPosteItaliane: optionalText(255),
  area: optionalText(255),
  intermediato: flag(true),
  scaricaFr: z.boolean(),
  urlRitorno: httpUrl(1024).nullish(),
});
export type DominioInput = z.output<typeof dominioInput>;

export const unitaOperativaInput = z.object({
  ragioneSociale: text(255),
  ...recapiti,
  area: optionalText(255),
  abilitato: flag(true),
});
export type UnitaOperativaInput = z.output<typeof unitaOperativaInput>;

export const contoAccreditoInput = z.object({
  bic: pattern(11, /^[A-Z0-9]{8}([A-Z0-9]{3})?$/).nullish(),
  postale: flag(false),
  mybank: flag(false),
  abilitato: flag(true),
  descrizione: optionalText(255),
  intestatario: optionalText(255),
  autStampaPosteItaliane: optionalText(255),
});
export type ContoAccreditoInput = z.output<typeof contoAccreditoInput>;

export const tipoContabilita = z.enum(TIPI_CONTABILITA);

export const tipoEntrataInput = z.object({
  descrizione: text(255),
  tipoContabilita,
  codiceContabilita: pattern(255, /^\S{3,255}$/),
});
export type TipoEntrataInput = z.output<typeof tipoEntrataInput>;

export const entrataDominioInput = z.object({
  ibanAccredito: ids.iban,
  ibanAppoggio: ids.iban.nullish(),
  tipoContabilita: tipoContabilita.nullish(),
  codiceContabilita: pattern(255, /^\S{3,255}$/).nullish(),
  abilitato: flag(true),
});
export type EntrataDominioInput = z.output<typeof entrataDominioInput>;

const jsonObject = z.record(z.string(), z.unknown());
const template = z.looseObject({ tipo: text(255), definizione: jsonObject });

/** A portal's form for loading pendenze of this tipo: GovPay keeps it and hands it to its consoles. */
const portale = z
  .looseObject({
    abilitato: z.boolean(),
    form: z.looseObject({ tipo: text(255), definizione: jsonObject }).nullish(),
    validazione: jsonObject.nullish(),
    trasformazione: template.nullish(),
    inoltro: ids.idA2A.nullish(),
  })
  .nullish();

const layout = {
  portaleBackoffice: portale,
  portalePagamento: portale,
  avvisaturaMail: jsonObject.nullish(),
  avvisaturaAppIO: jsonObject.nullish(),
  visualizzazione: jsonObject.nullish(),
  tracciatoCsv: z.looseObject({ tipo: text(255), intestazione: text(4096), richiesta: jsonObject, risposta: jsonObject }).nullish(),
};
export const LAYOUT_FIELDS = Object.keys(layout) as Array<keyof typeof layout>;

export const tipoPendenzaInput = z.object({
  descrizione: text(255),
  codificaIUV: pattern(3, /^[0-9]{1,3}$/).nullish(),
  pagaTerzi: flag(false),
  abilitato: flag(true),
  ...layout,
});
export type TipoPendenzaInput = z.output<typeof tipoPendenzaInput>;

export const tipoPendenzaDominioInput = z.object({
  codificaIUV: pattern(3, /^[0-9]{1,3}$/).nullish(),
  pagaTerzi: z.boolean().nullish(),
  abilitato: flag(true),
  ...layout,
});
export type TipoPendenzaDominioInput = z.output<typeof tipoPendenzaDominioInput>;

/** GovPay accepts both R/W and the Italian words for the two rights. */
const diritto = z
  .enum(['R', 'W', 'Lettura', 'Scrittura'])
  .transform((d) => (d === 'Lettura' ? 'R' : d === 'Scrittura' ? 'W' : d) as 'R' | 'W');

export const aclInput = z.object({
  servizio: z.enum(SERVIZI),
  autorizzazioni: z.array(diritto).max(2),
});

export const ruoloInput = z.object({
  acl: z.array(aclInput).max(100),
});
export type RuoloInput = z.output<typeof ruoloInput>;

/** GovPay's JSON-patch operations; which paths and values each resource accepts is the resource's to say. */
export const patchOps = z
  .array(
    z.object({
      op: z.enum(OPERAZIONI_PATCH),
      path: z.string().max(255),
      value: z.unknown(),
    }),
  )
  .min(1)
  .max(100);
export type PatchOp = z.output<typeof patchOps>[number];

export const dominioAutorizzato = z.union([
  z.union([ids.dominio, z.literal('*')]).transform((idDominio) => ({ idDominio, unitaOperative: undefined })),
  z.object({
    idDominio: z.union([ids.dominio, z.literal('*')]),
    unitaOperative: z
      .array(ids.unitaOperativa)
      .max(1000)
      .nullish()
      .transform((v) => v ?? undefined),
  }),
]);

export const tipoPendenzaAutorizzato = z.union([ids.tipoPendenza, z.literal('*')]);

/**
 * The versions of API Ente a connector to the Ente's systems may speak (GovPay's `versioneApi`): the
 * graph's name of each, and GovPay's text, which the hub stores and GovPay's REST shows.
 */
export const VERSIONI_API_INTEGRAZIONE = { REST_V1: 'REST v1', REST_V2: 'REST v2' } as const satisfies Record<
  string,
  NonNullable<ConnettoreIntegrazione['versioneApi']>
>;
export const VERSIONI_CONNETTORE = Object.values(VERSIONI_API_INTEGRAZIONE);

const connettore = z.object({
  url: z.string().max(1024, { abort: true }).url(),
  versioneApi: z.enum(VERSIONI_CONNETTORE).nullish(),
  auth: connettoreAuth.nullish(),
});

/** What applicazioni and operatori share: their scope, their rights and roles, whether they are enabled. */
const utenza = {
  domini: z
    .array(dominioAutorizzato)
    .max(10000)
    .nullish()
    .transform((v) => v ?? []),
  tipiPendenza: z
    .array(tipoPendenzaAutorizzato)
    .max(10000)
    .nullish()
    .transform((v) => v ?? []),
  acl: z
    .array(aclInput)
    .max(SERVIZI.length)
    .nullish()
    .transform((v) => v ?? []),
  ruoli: z
    .array(ids.ruolo)
    .max(100)
    .nullish()
    .transform((v) => v ?? []),
  abilitato: flag(true),
};

export const applicazioneInput = z.object({
  principal: ids.principal,
  password: password.nullish(),
  codificaAvvisi: z
    .object({
      codificaIuv: pattern(3, /^[0-9]{1,3}$/).nullish(),
      regExpIuv: z
        .string()
        .max(1024, { abort: true })
        .check((ctx) => {
          const problem = regExpProblem(ctx.value);
          if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
        })
        .nullish(),
      generazioneIuvInterna: z.boolean().nullish(),
    })
    .nullish(),
  apiPagamenti: flag(false),
  apiPendenze: flag(false),
  apiRagioneria: flag(false),
  servizioIntegrazione: connettore.nullish(),
  urlRitorno: httpUrl(1024).nullish(),
  ...utenza,
});
export type ApplicazioneInput = z.output<typeof applicazioneInput>;

export const operatoreInput = z.object({
  ragioneSociale: text(255),
  password: password.nullish(),
  ...utenza,
});
export type OperatoreInput = z.output<typeof operatoreInput>;
