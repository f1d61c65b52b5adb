import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { StationAuthenticate } from '../pagopa/station/auth';
import type { Config } from '../core/config';
import { RetryLaterError } from '../core/errors';
import type { Logger } from '../core/logger';
import { basicCredentials } from '../core/credentials';

/** Who is trying a password, and from where. */
export interface LoginAttempt {
  principal: string;
  address: string | undefined;
}

const KEY_PREFIX = 'govpay-hub:login-failures';

/** What an authenticator needs of a throttle. */
export type LoginGuard = Pick<LoginThrottle, 'guard'>;

/** For checks the hub makes itself (re-checking an open subscription): they are not login attempts and must not count as failures. */
export const UNTHROTTLED: LoginGuard = { guard: (_attempt, login) => login() };

/**
 * Failed password logins counted per principal (one account guessed from many addresses) and per
 * client address (many accounts guessed from one), in memory or, with REDIS_URL, in Redis so that
 * every instance counts together. Past the limit within the window, every password attempt of
 * that principal or address is refused with 429 and Retry-After until the window has passed,
 * without checking the password; a successful login costs one lookup and is never slowed. Every
 * entrance that checks passwords goes through `guard`: REST and the graph (gateway/auth.ts, which
 * graphql-ws reuses) and the station's Nodo.
 */
export class LoginThrottle {
  private constructor(
    private readonly perPrincipal: RateLimiterAbstract,
    private readonly perAddress: RateLimiterAbstract,
    private readonly redis: Redis | undefined,
  ) {}

  static create(settings: Config['loginThrottle'], redisUrl: string | undefined, log: Logger): LoginThrottle {
    const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined;
    redis?.on('error', (err) => log.warn({ err }, 'login throttle: Redis unreachable, counting failures in this instance'));
    const limiter = (name: string, points: number): RateLimiterAbstract => {
      const options = { keyPrefix: `${KEY_PREFIX}:${name}`, points, duration: settings.windowSeconds };
      const memory = new RateLimiterMemory(options);
      // Redis down must neither lock everyone out nor open the door: each instance counts alone meanwhile.
      return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory }) : memory;
    };
    return new LoginThrottle(limiter('principal', settings.perPrincipal), limiter('address', settings.perAddress), redis);
  }

  /**
   * Runs `login` unless the attempt is throttled; a login that throws a 401 or finds nobody
   * (undefined) counts as a failure of both its principal and its address.
   */
  async guard<T>(attempt: LoginAttempt, login: () => Promise<T>): Promise<T> {
    const keys = this.keys(attempt);
    const counts = await Promise.all(keys.map(([limiter, key]) => limiter.get(key)));
    const blocked = counts
      .map((res, i) => (res && res.consumedPoints >= keys[i][0].points ? res.msBeforeNext : 0))
      .reduce((a, b) => Math.max(a, b), 0);
    if (blocked > 0) throw tooManyFailures(Math.ceil(blocked / 1000));
    let outcome: T;
    try {
      outcome = await login();
    } catch (e) {
      if ((e as { status?: number }).status === 401) await this.fail(keys);
      throw e;
    }
    if (outcome === undefined) await this.fail(keys);
    return outcome;
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }

  private keys({ principal, address }: LoginAttempt): [RateLimiterAbstract, string][] {
    const keys: [RateLimiterAbstract, string][] = [[this.perPrincipal, principal]];
    if (address) keys.push([this.perAddress, address]);
    return keys;
  }

  private async fail(keys: [RateLimiterAbstract, string][]): Promise<void> {
    await Promise.all(
      keys.map(([limiter, key]) =>
        limiter.consume(key).catch((e: unknown) => {
          // Over the limit already: the next attempt is refused by the check above.
          if (!(e instanceof RateLimiterRes)) throw e;
        }),
      ),
    );
  }
}

function tooManyFailures(retryAfterSeconds: number): RetryLaterError {
  return new RetryLaterError(
    429,
    {
      categoria: 'AUTORIZZAZIONE',
      codice: '429000',
      descrizione: 'Troppi tentativi di autenticazione falliti',
      dettaglio: `Troppi tentativi di autenticazione falliti: riprovare tra ${retryAfterSeconds} secondi.`,
    },
    Math.max(1, retryAfterSeconds),
  );
}

/**
 * The station's Nodo authentication behind the throttle: a Basic attempt whose password proves
 * nobody counts as a failure; a forwarded principal (no password) is not throttled.
 */
export function throttledStationAuthenticate(authenticate: StationAuthenticate, throttle: LoginThrottle): StationAuthenticate {
  return async (req) => {
    const credentials = basicCredentials(req.headers.authorization);
    if (!credentials) return authenticate(req);
    return throttle.guard({ principal: credentials.user, address: req.socket.remoteAddress }, () => authenticate(req));
  };
}
