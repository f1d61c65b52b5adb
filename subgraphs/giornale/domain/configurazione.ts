import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { Configurazione } from '../../../schema/entities';
import { errors } from '../../../core/errors';
import type { OperazionePatch } from '../../../core/json-patch';
import { INTERFACCE, type GiornaleEventi } from '../../../core/journal-policy';
import { requireRight, type Principal } from '../../../core/principal';

/**
 * The hub's runtime settings, GovPay's Configurazione: each section a row of `configurazioni`,
 * unwritten ones read as their defaults. Only giornaleEventi drives the hub (the journal, on every
 * instance within CONFIGURAZIONE_TTL_SECONDS); the others are kept and returned for GovPay's
 * clients. Secrets (the mail server's password, the captcha's secret key) are never read back: a
 * read shows SEGRETO in their place (the spec requires the fields), and a write that leaves them out
 * or sends SEGRETO back keeps the stored ones.
 */
export const SEZIONI = [
  'giornaleEventi',
  'servizioGDE',
  'tracciatoCsv',
  'hardening',
  'mailBatch',
  'avvisaturaMail',
  'avvisaturaAppIO',
  'appIOBatch',
] as const;
export type Sezione = (typeof SEZIONI)[number];
export type Sezioni = Partial<Record<Sezione, Record<string, unknown>>>;

/** One of GovPay's patch operations on a configuration path: `value` is what ADD or REPLACE puts there. */
export interface OperazioneConfigurazione {
  op: OperazionePatch;
  path: string;
  value?: unknown;
}

const SERVIZIO = 'Configurazione e manutenzione';

const modalita = z.enum(['sempre', 'mai', 'solo errore']);
const gdeEvento = z.object({ log: modalita, dump: modalita }).strict();
const gdeInterfaccia = z.object({ letture: gdeEvento.optional(), scritture: gdeEvento.optional() }).strict();
const giornaleSchema = z.object({ interfacce: z.object(Object.fromEntries(INTERFACCE.map((i) => [i, gdeInterfaccia]))).strict() }).strict();
const oggetto = z.record(z.string(), z.unknown());
const SCHEMA = z
  .object({
    giornaleEventi: giornaleSchema,
    servizioGDE: z.object({ abilitato: z.boolean() }).passthrough().optional(),
    tracciatoCsv: oggetto,
    hardening: z.object({ abilitato: z.boolean() }).passthrough(),
    mailBatch: z.object({ abilitato: z.boolean(), mailserver: oggetto }).passthrough(),
    avvisaturaMail: oggetto,
    avvisaturaAppIO: oggetto,
    appIOBatch: z.object({ abilitato: z.boolean() }).passthrough(),
  })
  .strict();

/** Where each section keeps a secret: [section, path inside it, field]. */
const SEGRETI: Array<[Sezione, string[], string]> = [
  ['mailBatch', ['mailserver'], 'password'],
  ['hardening', ['captcha'], 'secretKey'],
];

/** What a read shows in place of a secret. */
export const SEGRETO = '********';

const template = { tipo: 'freemarker', oggetto: {}, messaggio: {} };

/** The sections' values until an operator writes them (the hub does not send mail or App IO messages). */
function predefinite(giornale: GiornaleEventi): Record<Sezione, Record<string, unknown>> {
  return {
    giornaleEventi: giornale as unknown as Record<string, unknown>,
    servizioGDE: { abilitato: false },
    tracciatoCsv: { tipo: 'freemarker', intestazione: 'idA2A,idPendenza,idDominio,numeroAvviso,errore', richiesta: {}, risposta: {} },
    hardening: {
      abilitato: false,
      captcha: {
        serverURL: 'https://www.google.com/recaptcha/api/siteverify',
        siteKey: 'CHANGE_ME',
        secretKey: 'CHANGE_ME',
        soglia: 1.0,
        parametro: 'gRecaptchaResponse',
        denyOnFail: true,
        connectionTimeout: 5000,
        readTimeout: 5000,
      },
    },
    mailBatch: {
      abilitato: false,
      mailserver: {
        host: 'localhost',
        port: 25,
        username: 'govpay',
        password: 'CHANGE_ME',
        from: 'govpay@localhost',
        readTimeout: 120000,
        connectionTimeout: 10000,
        startTls: false,
      },
    },
    avvisaturaMail: {
      promemoriaAvviso: template,
      promemoriaRicevuta: { ...template, soloEseguiti: true },
      promemoriaScadenza: { ...template, preavviso: 0 },
    },
    avvisaturaAppIO: {
      promemoriaAvviso: template,
      promemoriaRicevuta: { ...template, soloEseguiti: true },
      promemoriaScadenza: { ...template, preavviso: 0 },
    },
    appIOBatch: { abilitato: false, timeToLive: 3600 },
  };
}

/** The stored sections over the defaults, secrets included (for the hub's own use). */
export async function leggiSezioni(em: EntityManager, giornale: GiornaleEventi): Promise<Record<Sezione, Record<string, unknown>>> {
  const rows = await em.fork().find(Configurazione, { nome: { $in: [...SEZIONI] } });
  const out = predefinite(giornale);
  for (const r of rows) out[r.nome as Sezione] = r.valore;
  return out;
}

/** The giornaleEventi in force: the stored one, or the configured default. */
export async function leggiGiornaleEventi(em: EntityManager, giornale: GiornaleEventi): Promise<GiornaleEventi> {
  const row = await em.fork().findOne(Configurazione, { nome: 'giornaleEventi' });
  return row ? (row.valore as unknown as GiornaleEventi) : giornale;
}

export class Configurazioni {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
    private readonly giornale: GiornaleEventi,
  ) {}

  async leggi(): Promise<Sezioni> {
    requireRight(this.actor, SERVIZIO, 'R');
    return senzaSegreti(await leggiSezioni(this.em, this.giornale));
  }

  /** POST: the whole configuration, every required section. */
  async salva(valore: unknown): Promise<Sezioni> {
    requireRight(this.actor, SERVIZIO, 'W');
    return this.scrivi(valore);
  }

  /** PATCH: GovPay's operations (ADD / REPLACE / DELETE) on paths of the configuration, all or none. */
  async modifica(operazioni: OperazioneConfigurazione[]): Promise<Sezioni> {
    requireRight(this.actor, SERVIZIO, 'W');
    if (!operazioni.length) throw errors.syntax('Nessuna operazione indicata.');
    const doc: Record<string, unknown> = senzaSegreti(await leggiSezioni(this.em, this.giornale));
    for (const o of operazioni) applica(doc, o);
    return this.scrivi(doc);
  }

  private async scrivi(valore: unknown): Promise<Sezioni> {
    const parsed = SCHEMA.safeParse(valore);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw errors.syntax(`Il campo ${i.path.join('.') || 'configurazione'} non e' valido: ${i.message}.`);
    }
    const stored = await leggiSezioni(this.em, this.giornale);
    const nuove = parsed.data as Sezioni;
    for (const [sezione, path, field] of SEGRETI) conservaSegreto(nuove[sezione], stored[sezione], path, field);
    const em = this.em.fork();
    await em.transactional(async (tx) => {
      for (const nome of SEZIONI) {
        const valoreSezione = nuove[nome];
        if (valoreSezione === undefined) continue;
        await tx.upsert(Configurazione, { nome, valore: valoreSezione, aggiornata: new Date() });
      }
    });
    return senzaSegreti({ ...stored, ...nuove });
  }
}

function applica(doc: Record<string, unknown>, o: OperazioneConfigurazione): void {
  const keys = String(o.path ?? '')
    .split('/')
    .filter(Boolean);
  if (!keys.length || !(SEZIONI as readonly string[]).includes(keys[0])) {
    throw errors.syntax(`Il path '${o.path}' non e' valido: deve iniziare con una sezione (${SEZIONI.join(', ')}).`);
  }
  let node = doc;
  for (const k of keys.slice(0, -1)) {
    const next = node[k];
    if (!next || typeof next !== 'object' || Array.isArray(next)) throw errors.syntax(`Il path '${o.path}' non esiste.`);
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (o.op === 'DELETE') delete node[last];
  else node[last] = o.value;
}

function senzaSegreti(sezioni: Sezioni): Sezioni {
  const out = structuredClone(sezioni);
  for (const [sezione, path, field] of SEGRETI) {
    const holder = path.reduce<unknown>(
      (n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined),
      out[sezione],
    );
    if (holder && typeof holder === 'object' && field in holder) (holder as Record<string, unknown>)[field] = SEGRETO;
  }
  return out;
}

function conservaSegreto(
  nuova: Record<string, unknown> | undefined,
  vecchia: Record<string, unknown> | undefined,
  path: string[],
  field: string,
): void {
  const at = (n: unknown) =>
    path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), n) as
      | Record<string, unknown>
      | undefined;
  const dest = at(nuova);
  const src = at(vecchia);
  if (dest && typeof dest === 'object' && (dest[field] === undefined || dest[field] === SEGRETO) && src?.[field] !== undefined)
    dest[field] = src[field];
}
