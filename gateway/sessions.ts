import type { EntityManager } from '@mikro-orm/core';
import type { CookieOptions, Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { Sessione } from '../schema/entities';
import type { Config } from '../core/config';
import { errors } from '../core/errors';
import type { Logger } from '../core/logger';
import { PollingWorker } from '../core/polling-worker';
import type { Principal } from '../core/principal';
import type { FormSessions } from '../rest-compat/shared/http';
import type { Authenticator } from './auth';

/** The cookie that carries a form session's token (HTTP-only: the console's scripts never see it). */
export const SESSION_COOKIE = 'GOVPAYHUB_SESSION';

/** GovPay's words for a session that is no more (its NotAuthorizedInvalidSessionStrategy). */
const SESSIONE_SCADUTA = 'Sessione Scaduta';

/** A session's last use is written at most this often: every call of a busy console would otherwise be a write. */
const TOUCH_EVERY_MS = 60_000;

/** A token as the hub makes them: 32 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionSettings extends Pick<Config['sessions'], 'idleMs' | 'maxMs' | 'sameSite'> {
  /** Marked Secure: the hub is reached over https. */
  secure: boolean;
}

/**
 * The Backoffice's `form` mode, as GovPay's (Spring Security's session): the first call brings
 * HTTP Basic credentials and gets a session cookie; later calls with only the cookie are that
 * utenza; GET /logout ends it. Sessions live in the database (table `sessioni`, the token only as
 * its SHA-256), so any instance serves them and a logout ends one everywhere at once: a session is
 * read afresh on every call, never cached.
 */
export class FormSessionStore implements FormSessions {
  private readonly touchEveryMs: number;

  constructor(
    private readonly root: EntityManager,
    private readonly authenticator: Authenticator,
    private readonly settings: SessionSettings,
  ) {
    this.touchEveryMs = Math.min(TOUCH_EVERY_MS, settings.idleMs / 10);
  }

  async authenticate(req: Request, res: Response): Promise<Principal> {
    const token = tokenOf(req);
    const authorization = req.header('authorization');
    if (authorization) {
      const principal = await this.authenticator.authenticate('basic', { authorization, remoteAddress: req.socket.remoteAddress });
      // A console sends its credentials on every call: the session it already has is kept, not one opened per call.
      const current = token === undefined ? undefined : await this.live(token);
      if (current?.principal !== principal.principal) await this.open(req, res, principal.principal);
      return { ...principal, autenticazione: 'FORM' };
    }
    if (token === undefined) throw errors.unauthenticated();
    const session = await this.live(token);
    if (!session) {
      res.clearCookie(SESSION_COOKIE, this.cookieOptions(req));
      throw errors.unauthenticated(SESSIONE_SCADUTA);
    }
    return { ...(await this.authenticator.ofSession(session.principal)), autenticazione: 'FORM' };
  }

  async logout(req: Request, res: Response): Promise<void> {
    const token = tokenOf(req);
    if (token !== undefined && TOKEN.test(token)) await this.root.fork().nativeDelete(Sessione, { tokenHash: hashOf(token) });
    res.clearCookie(SESSION_COOKIE, this.cookieOptions(req));
  }

  private async open(req: Request, res: Response, principal: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const scadenzaMassima = new Date(now.getTime() + this.settings.maxMs);
    const em = this.root.fork();
    em.create(Sessione, {
      tokenHash: hashOf(token),
      principal,
      creazione: now,
      ultimoUso: now,
      scadenza: this.idleEnd(now, scadenzaMassima),
      scadenzaMassima,
    });
    await em.flush();
    res.cookie(SESSION_COOKIE, token, this.cookieOptions(req));
  }

  /** The session a token names, if it has not expired; its last use moved forward. */
  private async live(token: string): Promise<Sessione | undefined> {
    // Not the shape of a token the hub gives (forged): no session, and not worth a query.
    if (!TOKEN.test(token)) return undefined;
    const em = this.root.fork();
    const session = await em.findOne(Sessione, { tokenHash: hashOf(token) });
    const now = new Date();
    if (!session || session.scadenza <= now) return undefined;
    if (now.getTime() - session.ultimoUso.getTime() >= this.touchEveryMs) {
      await em.nativeUpdate(
        Sessione,
        { tokenHash: session.tokenHash },
        { ultimoUso: now, scadenza: this.idleEnd(now, session.scadenzaMassima) },
      );
    }
    return session;
  }

  private idleEnd(now: Date, scadenzaMassima: Date): Date {
    return new Date(Math.min(now.getTime() + this.settings.idleMs, scadenzaMassima.getTime()));
  }

  /** Sent back only to the API it was opened on (the mount's path, form mode included), never to scripts. */
  private cookieOptions(req: Request): CookieOptions {
    return {
      httpOnly: true,
      sameSite: this.settings.sameSite.toLowerCase() as CookieOptions['sameSite'],
      secure: this.settings.secure,
      path: req.baseUrl || '/',
    };
  }
}

/** The session cookie's value, if the request has one (a browser sends `a=1; b=2`). */
function tokenOf(req: Request): string | undefined {
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Deletes the expired sessions now and then (any instance may: a delete by date is idempotent). */
export class SessioniScadute extends PollingWorker {
  constructor(
    private readonly root: EntityManager,
    log: Logger,
    pollMs: number,
  ) {
    super(log, { name: 'form session purge', pollMs });
  }

  protected async drain(): Promise<void> {
    await purgeExpiredSessions(this.root);
  }
}

/** Deletes the sessions past their end; how many. */
export function purgeExpiredSessions(root: EntityManager): Promise<number> {
  return root.fork().nativeDelete(Sessione, { scadenza: { $lt: new Date() } });
}
