import { AvviaPagamentoDocument, PendenzeDelCittadinoDocument, type PendenzeDelCittadinoQuery } from '../generated/graphql.js';
import { request } from './graph.js';
import { byId, cell, euro, giorno, message } from './view.js';

/**
 * The list page: the citizen's pendenze (the codice fiscale typed in the form, carried in the
 * address as ?cf=), each payable one with a Paga button that starts its payment and sends the
 * browser to pagoPA Checkout. Checkout brings the citizen back to esito.html.
 */
type Pendenza = PendenzeDelCittadinoQuery['pendenze']['nodes'][number];

const PAGABILE = 'NON_ESEGUITA';

async function paga(p: Pendenza): Promise<void> {
  for (const b of document.querySelectorAll<HTMLButtonElement>('#pendenze button')) b.disabled = true;
  message('Avvio del pagamento…');
  try {
    const { avviaPagamento } = await request(AvviaPagamentoDocument, {
      idA2A: p.idA2A,
      idPendenza: p.idPendenza,
      urlRitorno: new URL('esito.html', location.href).href,
    });
    location.assign(avviaPagamento.redirect);
  } catch (e) {
    message(`Pagamento non avviato: ${(e as Error).message}`);
    for (const b of document.querySelectorAll<HTMLButtonElement>('#pendenze button')) b.disabled = false;
  }
}

function show(pendenze: Pendenza[], cf: string): void {
  const body = byId<HTMLTableElement>('pendenze').tBodies[0];
  body.replaceChildren();
  byId('elenco').hidden = pendenze.length === 0;
  message(pendenze.length === 0 ? `Nessuna pendenza per il codice fiscale ${cf}.` : '');
  for (const p of pendenze) {
    const row = body.insertRow();
    cell(row, p.causale);
    cell(row, p.dominio.ragioneSociale);
    cell(row, p.numeroAvviso ?? '');
    cell(row, giorno(p.dataScadenza));
    cell(row, euro(p.importo)).className = 'importo';
    cell(row, p.stato);
    const azione = row.insertCell();
    if (p.stato !== PAGABILE) continue;
    const button = azione.appendChild(document.createElement('button'));
    button.type = 'button';
    button.textContent = 'Paga';
    button.addEventListener('click', () => void paga(p));
  }
}

async function main(): Promise<void> {
  const cf = new URLSearchParams(location.search).get('cf')?.trim().toUpperCase();
  if (!cf) return;
  byId<HTMLInputElement>('cf').value = cf;
  message('Caricamento…');
  try {
    const { pendenze } = await request(PendenzeDelCittadinoDocument, { idDebitore: cf });
    show(pendenze.nodes, cf);
  } catch (e) {
    message(`Pendenze non disponibili: ${(e as Error).message}`);
  }
}

void main();
