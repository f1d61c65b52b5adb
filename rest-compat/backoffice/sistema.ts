import type { Router } from 'express';
import type { CallerAuthenticator } from '../../core/credentials';
import type { CredentialCaches } from '../../core/credential-caches';
import { errors } from '../../core/errors';
import { requireRight, type Principal } from '../../core/principal';
import type { GraphClient } from '../shared/graph-client';
import type { GraphAcl } from '../shared/acl';
import { route } from '../shared/http';
import { listEnvelope, parsePaging } from '../shared/paging';
import { stripNulls } from '../../core/compact';
import { conAclGovPay, SCOPE_FIELDS } from './utenze';

interface OperazioneDeps {
  caches: CredentialCaches;
  graph: GraphClient;
  principal: Principal;
}

interface EsitoAcquisizione {
  eseguita: boolean;
  elencati: number;
  acquisiti: number;
  duplicati: number;
  rifiutati: number;
  falliti: number;
}

/** Batch operations the hub can run on request; each answers with GovPay's `operazione`. */
const OPERAZIONI: Record<string, { descrizione: string; run: (deps: OperazioneDeps) => Promise<string> }> = {
  resetCacheAnagrafica: {
    descrizione: "Svuota la cache dell'anagrafica: utenze e autorizzazioni sono rilette dal database",
    run: async ({ caches }) => {
      caches.clear();
      return 'Cache anagrafica svuotata';
    },
  },
  acquisizioneRendicontazioni: {
    descrizione: 'Acquisisce i flussi di rendicontazione pubblicati da pagoPA',
    run: async ({ graph, principal }) => {
      const { acquisisciFlussiRendicontazione: e } = await graph.run<{ acquisisciFlussiRendicontazione: EsitoAcquisizione }>(
        'mutation { acquisisciFlussiRendicontazione { eseguita elencati acquisiti duplicati rifiutati falliti } }',
        {},
        principal,
      );
      if (!e.eseguita) return "Acquisizione gia' in corso su un'altra istanza";
      return `Flussi elencati: ${e.elencati}, acquisiti: ${e.acquisiti}, gia' presenti: ${e.duplicati}, rifiutati: ${e.rifiutati}, non acquisiti (ritentati alla prossima esecuzione): ${e.falliti}`;
    },
  },
  spedizioneNotifiche: {
    descrizione: "Spedisce subito le notifiche di pagamento in attesa di un nuovo tentativo verso i sistemi dell'Ente",
    run: async ({ graph, principal }) => {
      const { spedisciNotifiche: e } = await graph.run<{ spedisciNotifiche: { daSpedire: number; anticipate: number } }>(
        'mutation { spedisciNotifiche { daSpedire anticipate } }',
        {},
        principal,
      );
      return `Notifiche da spedire: ${e.daSpedire}, di cui anticipate: ${e.anticipate}`;
    },
  },
  chiusuraRptScadute: {
    descrizione: 'Chiude i pagamenti avviati e abbandonati oltre la loro scadenza',
    run: async ({ graph, principal }) => {
      const { chiudiPagamentiScaduti: e } = await graph.run<{ chiudiPagamentiScaduti: { chiusi: number } }>(
        'mutation { chiudiPagamentiScaduti { chiusi } }',
        {},
        principal,
      );
      return `Pagamenti scaduti chiusi: ${e.chiusi}`;
    },
  },
};

const location = (idOperazione: string) => `/operazioni/${idOperazione}`;

/** The caller's profile and the hub's maintenance operations. */
export function sistemaRoutes(router: Router, graph: GraphClient, authenticator: CallerAuthenticator): void {
  router.get(
    '/profilo',
    route(graph, async ({ principal }) => {
      const data = await graph.run<{ profilo: Record<string, unknown> & { acl: GraphAcl[] } }>(
        `{ profilo { nome autenticazione ${SCOPE_FIELDS} } }`,
        {},
        principal,
      );
      return { status: 200, body: stripNulls(conAclGovPay(data.profilo)) };
    }),
  );

  // GovPay lists its batch operations to whoever may read 'Configurazione e manutenzione'.
  router.get(
    '/operazioni',
    route(graph, async ({ req, principal }) => {
      requireRight(principal, 'Configurazione e manutenzione', 'R');
      const paging = parsePaging(req);
      const all = Object.entries(OPERAZIONI).map(([idOperazione, o]) => ({
        idOperazione,
        descrizione: o.descrizione,
        location: location(idOperazione),
      }));
      const offset = (paging.pagina - 1) * paging.risultatiPerPagina;
      const nodes = all.slice(offset, offset + paging.risultatiPerPagina);
      const page = { nodes, totalCount: all.length, pageInfo: { hasNextPage: offset + nodes.length < all.length } };
      return { status: 200, body: listEnvelope(req, paging, page, (o) => o) };
    }),
  );

  // The hub runs every operation synchronously (GET /operazioni/{id} answers its outcome): there is no run to look up later.
  router.get(
    '/operazioni/stato/:id',
    route(graph, async ({ req, principal }) => {
      requireRight(principal, 'Configurazione e manutenzione', 'R');
      throw errors.notFound(
        `Esecuzione ${String(req.params.id).slice(0, 100)} inesistente: le operazioni sono eseguite alla richiesta e ne restituiscono subito l'esito.`,
      );
    }),
  );

  router.get(
    '/operazioni/:idOperazione',
    route(graph, async ({ req, principal }) => {
      requireRight(principal, 'Configurazione e manutenzione', 'W');
      const idOperazione = req.params.idOperazione as string;
      const operazione = Object.hasOwn(OPERAZIONI, idOperazione) ? OPERAZIONI[idOperazione] : undefined;
      if (!operazione) throw errors.notFound(`Operazione ${idOperazione} inesistente.`);
      const dettaglio = await operazione.run({ caches: authenticator.caches, graph, principal });
      return {
        status: 200,
        body: {
          idOperazione,
          descrizione: operazione.descrizione,
          location: location(idOperazione),
          stato: 0,
          esito: 'Operazione completata con successo',
          dettaglio,
        },
      };
    }),
  );
}
