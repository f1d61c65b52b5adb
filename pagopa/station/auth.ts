import type { MikroORM } from '@mikro-orm/core';
import type { IncomingMessage } from 'node:http';
import { credentialCaches } from '../../core/credential-caches';
import { basicCredentials, fromTrustedProxy, OutcomeCache } from '../../core/credentials';
import { Intermediario } from '../../schema/entities';
import type { StationCaller } from '../../subgraphs/pagamenti/services';
import type { Config } from '../../core/config';
import { verifyPassword } from '../../core/passwords';

/** Who the Nodo is, from the request's credentials; undefined when they prove nothing. */
export type StationAuthenticate = (req: IncomingMessage) => Promise<StationCaller | undefined>;

/**
 * The Nodo calls the station as an intermediario's `principalPagoPa`: with HTTP Basic, the
 * password being that of one of the intermediario's stations; or, behind a TLS proxy that checked
 * pagoPA's client certificate, as the principal the proxy forwards (only from a trusted proxy).
 * Outcomes, refusals included, are cached briefly, so that a Nodo calling a thousand times a
 * second costs one scrypt per TTL and a misconfigured one retrying a wrong password costs no more.
 * Whether the intermediario and the station are enabled is the domain's check (it answers with a
 * PAA fault); this only says who is calling.
 */
export function stationAuthenticator(orm: MikroORM, settings: Config['auth']): StationAuthenticate {
  const cache = credentialCaches(orm.em).register(new OutcomeCache<StationCaller | undefined>(settings.cacheTtlSeconds));

  const byPassword = async (principal: string, password: string): Promise<StationCaller | undefined> => {
    const intermediari = await orm.em
      .fork()
      .find(Intermediario, { principalPagoPa: principal }, { populate: ['stazioni'], orderBy: { idIntermediario: 'asc' } });
    for (const intermediario of intermediari) {
      for (const stazione of intermediario.stazioni) {
        if (await verifyPassword(password, stazione.passwordHash)) return { idIntermediario: intermediario.idIntermediario };
      }
    }
    return undefined;
  };

  const byPrincipal = async (principal: string): Promise<StationCaller | undefined> => {
    const intermediario = await orm.em
      .fork()
      .findOne(Intermediario, { principalPagoPa: principal }, { orderBy: { idIntermediario: 'asc' } });
    return intermediario ? { idIntermediario: intermediario.idIntermediario } : undefined;
  };

  return async (req) => {
    const authorization = req.headers.authorization;
    if (authorization) {
      const credentials = basicCredentials(authorization);
      return credentials && cache.get(credentials.key, () => byPassword(credentials.user, credentials.password));
    }
    const forwarded = req.headers[settings.principalHeader];
    const principal = (Array.isArray(forwarded) ? undefined : forwarded)?.trim();
    if (!principal || !fromTrustedProxy(req.socket.remoteAddress, settings.trustedProxies)) return undefined;
    return cache.get(`h:${principal}`, () => byPrincipal(principal));
  };
}
