import { EsitoPagamentoDocument, PagamentoAggiornatoDocument, type StatoPagamentoFragment } from '../generated/graphql.js';
import { request, subscribe } from './graph.js';
import { byId, cell, euro, message } from './view.js';

/**
 * The return page (the payment's urlRitorno): Checkout sends the citizen here with ?idSession=&esito=.
 * It shows the payment's state as the graph has it now, then follows it live through the
 * pagamentoAggiornato subscription: the receipt may arrive after the citizen does, and an event
 * missed before subscribing does not matter, the query has read the state that event announced.
 */
const ETICHETTE: Record<StatoPagamentoFragment['stato'], string> = {
  IN_CORSO: "Pagamento in corso: in attesa dell'esito da pagoPA…",
  ESEGUITO: 'Pagamento eseguito',
  ESEGUITO_PARZIALE: 'Pagamento eseguito in parte',
  NON_ESEGUITO: 'Pagamento non eseguito',
  ANNULLATO: 'Pagamento annullato',
  FALLITO: 'Pagamento non riuscito',
};

/** Once closed, a payment stays so: a late read of an older state must not undo a newer one. */
let chiuso = false;

function show(p: StatoPagamentoFragment): void {
  if (chiuso && p.stato === 'IN_CORSO') return;
  chiuso = p.stato !== 'IN_CORSO';
  const stato = byId('stato');
  stato.dataset.stato = p.stato;
  stato.textContent = ETICHETTE[p.stato];
  byId('descrizione').textContent = p.descrizioneStato ?? '';
  byId('importo').textContent = euro(p.importo);
  const body = byId<HTMLTableElement>('avvisi').tBodies[0];
  body.replaceChildren();
  for (const v of p.pendenze) {
    const row = body.insertRow();
    cell(row, v.numeroAvviso);
    cell(row, euro(v.importo)).className = 'importo';
    cell(row, v.esito);
  }
  byId('pagamento').hidden = false;
}

async function main(): Promise<void> {
  const idSession = new URLSearchParams(location.search).get('idSession');
  if (!idSession) return message('Nessun pagamento indicato.');
  try {
    const { pagamentoByIdSession: p } = await request(EsitoPagamentoDocument, { idSession });
    show(p);
    subscribe(
      PagamentoAggiornatoDocument,
      { id: p.id },
      ({ pagamentoAggiornato }) => {
        show(pagamentoAggiornato);
        // Only this handler writes this line: it tells a change that arrived live.
        byId('in-diretta').textContent =
          `Aggiornato in diretta alle ${new Date().toLocaleTimeString('it-IT')}: ${pagamentoAggiornato.stato}`;
      },
      (e) => message(`Aggiornamenti in diretta interrotti: ${e.message}`),
    );
  } catch (e) {
    message(`Pagamento non trovato: ${(e as Error).message}`);
  }
}

void main();
