import { createHmac, timingSafeEqual } from 'node:crypto';
import { errors } from './errors';

/**
 * GovPay's ACL services: the graph's name of each, and GovPay's text, which the hub stores and
 * GovPay's REST shows (in this order in /enumerazioni/serviziACL and its error texts).
 */
export const SERVIZI_ACL = {
  ANAGRAFICA_PAGOPA: 'Anagrafica PagoPA',
  ANAGRAFICA_CREDITORE: 'Anagrafica Creditore',
  ANAGRAFICA_APPLICAZIONI: 'Anagrafica Applicazioni',
  ANAGRAFICA_RUOLI: 'Anagrafica Ruoli',
  PAGAMENTI: 'Pagamenti',
  PENDENZE: 'Pendenze',
  RENDICONTAZIONI_E_INCASSI: 'Rendicontazioni e Incassi',
  GIORNALE_DEGLI_EVENTI: 'Giornale degli Eventi',
  CONFIGURAZIONE_E_MANUTENZIONE: 'Configurazione e manutenzione',
} as const;
export const SERVIZI = Object.values(SERVIZI_ACL);
export type Servizio = (typeof SERVIZI)[number];
/** The rights on a servizio: R (GovPay's Lettura) and W (Scrittura). */
export const DIRITTI = ['R', 'W'] as const;
export type Diritto = (typeof DIRITTI)[number];

export interface Acl {
  servizio: Servizio;
  autorizzazioni: Diritto[];
}

/**
 * How the caller proved who it is: HTTP Basic, a header a trusted proxy set, the Backoffice's login
 * form, SPID (a citizen, through a trusted proxy), or not at all (API Pagamento's public mode).
 */
export const AUTENTICAZIONI = ['BASIC', 'HEADER', 'FORM', 'SPID', 'PUBLIC'] as const;
export type Autenticazione = (typeof AUTENTICAZIONI)[number];

/** `'*'` grants every dominio / tipo pendenza, present and future. */
export type Scope = '*' | string[];

/**
 * Who is calling, as the gateway established it and the subgraphs trust it: an applicazione or an
 * operatore (the Ente's systems and staff), or on API Pagamento a citizen (`cittadino`, asserted by
 * a trusted SPID proxy) or nobody known (`anonimo`, its `public` mode).
 */
export interface Principal {
  kind: 'applicazione' | 'operatore' | 'cittadino' | 'anonimo';
  /** idA2A for an applicazione, the login principal for an operatore, the codice fiscale of a cittadino. */
  id: string;
  principal: string;
  nome: string;
  domini: Scope;
  tipiPendenza: Scope;
  acl: Acl[];
  api: { pagamenti: boolean; pendenze: boolean; ragioneria: boolean };
  autenticazione: Autenticazione;
  /** A cittadino's name and e-mail as the SPID proxy asserted them. */
  anagrafica?: { nome?: string; cognome?: string; email?: string };
}

export function can(p: Principal, servizio: Servizio, diritto: Diritto): boolean {
  return p.acl.some((a) => a.servizio === servizio && a.autorizzazioni.includes(diritto));
}

export function requireRight(p: Principal, servizio: Servizio, diritto: Diritto): void {
  if (!can(p, servizio, diritto)) throw errors.forbidden(`Il chiamante non e' autorizzato ad eseguire l'operazione.`);
}

export function inScope(scope: Scope, id: string): boolean {
  return scope === '*' || scope.includes(id);
}

export const PRINCIPAL_HEADER = 'x-govpay-internal-principal';

/**
 * The gateway signs the principal it authenticated (HMAC-SHA256 with a shared secret, with an
 * expiry) so that a subgraph reached directly refuses anyone the gateway did not let in.
 */
export class PrincipalSigner {
  /** Tokens already issued, per principal object (the authenticator reuses one while it is cached). */
  private readonly issued = new WeakMap<Principal, { token: string; renewAt: number }>();

  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  /** A valid token for this principal, re-signed only once half of its lifetime has passed. */
  tokenFor(p: Principal, now = Date.now()): string {
    const cached = this.issued.get(p);
    if (cached && cached.renewAt > now) return cached.token;
    const token = this.sign(p, now);
    this.issued.set(p, { token, renewAt: now + (this.ttlSeconds * 1000) / 2 });
    return token;
  }

  sign(p: Principal, now = Date.now()): string {
    const body = Buffer.from(JSON.stringify({ p, exp: Math.floor(now / 1000) + this.ttlSeconds })).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  verify(token: string | undefined, now = Date.now()): Principal {
    if (!token) throw errors.unauthenticated('Manca il principal interno firmato dal gateway.');
    const dot = token.indexOf('.');
    const body = token.slice(0, dot);
    const mac = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (dot < 1 || mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
      throw errors.unauthenticated('Principal interno con firma non valida.');
    }
    const { p, exp } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { p: Principal; exp: number };
    if (exp * 1000 < now) throw errors.unauthenticated('Principal interno scaduto.');
    return p;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

/** The hub acting on its own behalf (start-up tasks such as loading the demo configuration). */
export const SYSTEM_PRINCIPAL: Principal = {
  kind: 'operatore',
  id: 'govpay-hub',
  principal: 'govpay-hub',
  nome: 'GovPay Hub',
  domini: '*',
  tipiPendenza: '*',
  acl: SERVIZI.map((servizio) => ({ servizio, autorizzazioni: ['R', 'W'] })),
  api: { pagamenti: false, pendenze: false, ragioneria: false },
  autenticazione: 'BASIC',
};

/** What API Pagamento lets a citizen and an anonymous caller do: pay, and read what is theirs. */
const PAGAMENTO_PUBBLICO: Acl[] = [
  { servizio: 'Pagamenti', autorizzazioni: ['R', 'W'] },
  { servizio: 'Pendenze', autorizzazioni: ['R'] },
];

/** A citizen authenticated by SPID: every dominio, but only the pendenze and payments that are theirs. */
export function cittadino(codiceFiscale: string, anagrafica: NonNullable<Principal['anagrafica']>): Principal {
  const nome = [anagrafica.nome, anagrafica.cognome].filter(Boolean).join(' ') || codiceFiscale;
  return {
    kind: 'cittadino',
    id: codiceFiscale,
    principal: codiceFiscale,
    nome,
    domini: '*',
    tipiPendenza: '*',
    acl: PAGAMENTO_PUBBLICO,
    api: { pagamenti: true, pendenze: false, ragioneria: false },
    autenticazione: 'SPID',
    anagrafica,
  };
}

/** GovPay's name for the anonymous user, written as the versante of what it pays. */
export const ANONIMO = 'ANONIMO';

/** The anonymous caller of API Pagamento's `public` mode. */
export const ANONYMOUS_PRINCIPAL: Principal = {
  kind: 'anonimo',
  id: ANONIMO,
  principal: ANONIMO,
  nome: ANONIMO,
  domini: '*',
  tipiPendenza: '*',
  acl: PAGAMENTO_PUBBLICO,
  api: { pagamenti: true, pendenze: false, ragioneria: false },
  autenticazione: 'PUBLIC',
};

/** The codice fiscale whose pendenze alone the caller may see (a cittadino's own), or undefined for the Ente's callers. */
export const soloDebitore = (p: Principal): string | undefined => (p.kind === 'cittadino' ? p.id : undefined);
