import type { EntityManager } from '@mikro-orm/core';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EsitoRitorno, PagamentoPortale } from '../../../../schema/entities';
import { DomainError, errors } from '../../../../core/errors';
import { transaction } from '../../../../core/transaction';
import { outboxSignal } from '../outbox';
import { deriva, salvaSessione, sessionePerModifica } from './sessione';
import { urlRitornoConfigurato } from './url-ritorno';

/**
 * The citizen's way back from pagoPA Checkout (integration manual §7.2). Checkout is given three
 * return URLs on the hub, one per way out (paid, cancelled, failed), each carrying a token signed
 * by the hub: the session and the way out, so neither can be forged or swapped. The hub then sends
 * the browser on to the portal's urlRitorno with `idSession` and `esito`; a token works once.
 */
export const RITORNO_PATH = '/govpay/frontend/api/pagopa/checkout/ritorno';

export type Uscita = 'ok' | 'cancel' | 'error';

/** The return tokens' own key, derived from the hub's shared secret (every instance derives the same). */
const chiave = (secret: string) => createHmac('sha256', secret).update('govpay-hub:ritorno-da-checkout').digest();

const firma = (secret: string, body: string) => createHmac('sha256', chiave(secret)).update(body).digest('base64url');

export function tokenRitorno(secret: string, idPagamento: string, uscita: Uscita): string {
  const body = `${idPagamento}.${uscita}`;
  return `${body}.${firma(secret, body)}`;
}

/** The three return URLs Checkout is given for a session. */
export function urlDiRitorno(baseUrl: string, secret: string, idPagamento: string): Record<Uscita, string> {
  const url = (u: Uscita) => `${baseUrl}${RITORNO_PATH}/${tokenRitorno(secret, idPagamento, u)}`;
  return { ok: url('ok'), cancel: url('cancel'), error: url('error') };
}

function leggiToken(secret: string, token: string): { idPagamento: string; uscita: Uscita } | undefined {
  const m = /^([0-9a-f]{32})\.(ok|cancel|error)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return undefined;
  const expected = Buffer.from(firma(secret, `${m[1]}.${m[2]}`));
  const given = Buffer.from(m[3]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { idPagamento: m[1], uscita: m[2] as Uscita };
}

const usato = () =>
  new DomainError(410, {
    categoria: 'RICHIESTA',
    codice: '410000',
    descrizione: "Collegamento gia' utilizzato",
    dettaglio: "Questo collegamento di ritorno da pagoPA e' gia' stato usato: l'esito del pagamento e' disponibile sul portale dell'Ente.",
  });

/**
 * What the portal is told: paid, not yet known (no receipt yet), or not paid; not paid because the
 * citizen pressed Annulla is CANCEL, as GovPay tells a portal, which may then offer the cart again
 * rather than report an error.
 */
function esitoDi(s: PagamentoPortale, uscita: Uscita): EsitoRitorno {
  if (s.stato === 'ESEGUITO') return 'OK';
  if (s.stato === 'IN_CORSO') return 'DIFFERITO';
  return uscita === 'cancel' ? 'CANCEL' : 'ERROR';
}

const CHIUSURA: Record<Exclude<Uscita, 'ok'>, string> = {
  cancel: 'Pagamento annullato dal versante su pagoPA Checkout.',
  error: 'pagoPA Checkout ha segnalato un errore nel pagamento.',
};

/**
 * Records the return and answers where the browser goes next. A cancelled or failed payment
 * closes the session (its pendenze without a receipt NON_ESEGUITO, free to be paid again); a
 * receipt that arrives later still counts. Refusals are DomainErrors the route shows as a page.
 */
export async function registraRitorno(em: EntityManager, secret: string, token: string): Promise<string> {
  const letto = leggiToken(secret, token);
  if (!letto) throw errors.badRequest('400000', "Il collegamento di ritorno da pagoPA non e' valido.");
  const location = await transaction(em, async (tx) => {
    const s = await sessionePerModifica(tx, { idPagamento: letto.idPagamento });
    if (!s) throw errors.notFound('Il pagamento a cui si riferisce il collegamento di ritorno non esiste.');
    if (s.ritornoIl) throw usato();
    const destinazione =
      s.urlRitorno ?? (await urlRitornoConfigurato(tx, { tipo: s.avviatoDaTipo, id: s.avviatoDa }, s.pendenze.getItems()[0]?.idDominio));
    if (!destinazione)
      throw new DomainError(409, {
        ...errors.notFound().fault,
        dettaglio: "Ne' il portale che ha avviato il pagamento ne' l'Ente hanno un indirizzo di ritorno.",
      });
    if (letto.uscita !== 'ok' && s.stato === 'IN_CORSO') {
      for (const v of s.pendenze.getItems()) if (v.esito === 'IN_CORSO') v.esito = 'NON_ESEGUITO';
      s.descrizioneStato = CHIUSURA[letto.uscita];
    }
    deriva(s);
    s.esitoRitorno = esitoDi(s, letto.uscita);
    s.ritornoIl = new Date();
    await salvaSessione(tx, s);
    const url = new URL(destinazione);
    url.searchParams.set('idSession', s.idSession);
    url.searchParams.set('esito', s.esitoRitorno);
    return url.toString();
  });
  outboxSignal(em).emit('enqueued');
  return location;
}
