import type { Router } from 'express';
import type { CallerAuthenticator } from '../../core/credentials';
import type { CredentialCaches } from '../../core/credential-caches';
import { errors } from '../../core/errors';
import { requireRight, type Principal } from '../../core/principal';
import type { GraphClient } from '../shared/graph-client';
import { route } from '../shared/http';
import { stripNulls } from '../../core/compact';
import { SCOPE_FIELDS } from './utenze';

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
};

/** The caller's profile and the hub's maintenance operations. */
export function sistemaRoutes(router: Router, graph: GraphClient, authenticator: CallerAuthenticator): void {
  router.get(
    '/profilo',
    route(graph, async ({ principal }) => {
      const data = await graph.run<{ profilo: Record<string, unknown> }>(
        `{ profilo { nome autenticazione ${SCOPE_FIELDS} } }`,
        {},
        principal,
      );
      return { status: 200, body: stripNulls(data.profilo) };
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
          location: `/operazioni/${idOperazione}`,
          stato: 0,
          esito: 'Operazione completata con successo',
          dettaglio,
        },
      };
    }),
  );
}
