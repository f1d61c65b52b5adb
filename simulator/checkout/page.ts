import { formatEuro } from '../../core/money';
import { escapeHtml } from '../api/html';
import type { CartNotice, CartRecord, CartStatus } from './cart';
import type { CheckoutPsp } from './psps';

/**
 * The simulator's Checkout pages, in Italian as pagoPA's: plain HTML forms, no scripts, no
 * external assets, so they work in any browser and with JavaScript off. Every text in them comes
 * from the Ente's cart or the station, so all of it is escaped.
 */

/** Where the page's form posts: Paga and Annulla are its two submit buttons. */
export const cartPath = (id: string) => `/checkout/c/${encodeURIComponent(id)}`;

const STYLE = `body{font:16px system-ui,sans-serif;margin:0;color:#17324d;background:#f5f7fa}
header{background:#0066cc;color:#fff;padding:.8em 1.5em;font-weight:600}main{max-width:48em;margin:1.5em auto;background:#fff;padding:1.5em 2em;border-radius:6px}
table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border-bottom:1px solid #dde3ea;padding:.5em;text-align:left;vertical-align:top}
.num{text-align:right;white-space:nowrap}tfoot th,tfoot td{font-weight:700;border-bottom:0}fieldset{border:1px solid #dde3ea;border-radius:4px;margin:1em 0}
label{display:block;padding:.4em 0 .4em 1.8em;text-indent:-1.8em}label small{display:block;text-indent:0}.buttons{display:flex;gap:1em;margin-top:1.5em}button{font:inherit;font-weight:600;padding:.6em 2em;border-radius:4px;border:2px solid #0066cc;cursor:pointer}
button[value=paga]{background:#0066cc;color:#fff}button[value=annulla]{background:#fff;color:#0066cc}.ko{color:#a11}.ok{color:#17662a}small{color:#5c6f82}`;

function layout(title: string, body: string, refresh = false): string {
  return `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · pagoPA Checkout (simulatore)</title>${refresh ? '<meta http-equiv="refresh" content="2">' : ''}<style>${STYLE}</style></head>
<body><header>pagoPA Checkout · simulatore GovPay Hub</header><main>${body}</main></body></html>`;
}

/** The cart waiting for the person: what it holds, the PSPs to choose from, Paga and Annulla. */
export function renderCartPage(cart: CartRecord, psps: CheckoutPsp[]): string {
  const choices = psps
    .map(
      (p, i) => `<label><input type="radio" name="psp" value="${escapeHtml(p.idPSP)}"${i === 0 ? ' checked' : ''} required>
<strong>${escapeHtml(p.label)}</strong><br><small>${escapeHtml(p.PSPCompanyName)} · commissione ${formatEuro(p.feeCents)}
· totale ${formatEuro(cart.totalAmount + p.feeCents)}</small></label>`,
    )
    .join('');
  const email = cart.emailNotice ? `<p>La ricevuta sarà inviata a <strong>${escapeHtml(cart.emailNotice)}</strong>.</p>` : '';
  return layout(
    'Il tuo carrello',
    `<h1>Il tuo carrello</h1>${noticesTable(cart, false)}${email}
<form method="post" action="${cartPath(cart.id)}">
<fieldset><legend>Scegli con chi pagare</legend>${choices}</fieldset>
<div class="buttons"><button type="submit" name="azione" value="paga">Paga</button>
<button type="submit" name="azione" value="annulla" formnovalidate>Annulla</button></div>
</form>`,
  );
}

const OUTCOME: Record<Exclude<CartStatus, 'APERTO'>, string> = {
  IN_CORSO: 'Pagamento in corso',
  PAGATO: 'Pagamento eseguito',
  ERRORE: 'Pagamento non riuscito',
  ANNULLATO: 'Pagamento annullato',
};

const CLOSED: Record<Exclude<CartStatus, 'APERTO'>, string> = {
  IN_CORSO: 'Il pagamento di questo carrello è già in corso: non si può pagare di nuovo.',
  PAGATO: 'Questo carrello è già stato pagato: non si può pagare di nuovo.',
  ERRORE:
    'Il pagamento di questo carrello non è riuscito (l’esito di ogni avviso è qui sotto) e il carrello è chiuso: l’Ente può aprirne uno nuovo.',
  ANNULLATO: 'Questo carrello è stato annullato: non si può più pagare.',
};

/** A cart past the choice: how it went, notice by notice; never a form. */
export function renderOutcomePage(cart: CartRecord, pressedAgain = false): string {
  const status = cart.status === 'APERTO' ? 'IN_CORSO' : cart.status;
  const psp = cart.psp ? `<p>Pagato con ${escapeHtml(cart.psp.PSPCompanyName)}, commissione ${formatEuro(cart.psp.fee)}.</p>` : '';
  const back = cart.redirectedTo ? `<p><a href="${escapeHtml(cart.redirectedTo)}">Torna al sito dell’Ente</a></p>` : '';
  return layout(
    OUTCOME[status],
    `<h1>${OUTCOME[status]}</h1><p class="${pressedAgain ? 'ko' : ''}" id="stato">${CLOSED[status]}</p>
${noticesTable(cart, true)}${psp}${back}`,
    status === 'IN_CORSO',
  );
}

export function renderNotFoundPage(id: string): string {
  return layout(
    'Carrello non trovato',
    `<h1>Carrello non trovato</h1><p>Nessun carrello con identificativo <code>${escapeHtml(id)}</code>: forse è scaduto (il simulatore li tiene in memoria) o l’indirizzo è sbagliato.</p>`,
  );
}

/** A form post the page could not have sent (no button, an unknown PSP): nothing happened. */
export function renderBadChoicePage(cart: CartRecord, why: string): string {
  return layout(
    'Scelta non valida',
    `<h1>Scelta non valida</h1><p class="ko">${escapeHtml(why)} Nulla è stato pagato.</p><p><a href="${cartPath(cart.id)}">Torna al carrello</a></p>`,
  );
}

function noticesTable(cart: CartRecord, withOutcome: boolean): string {
  const rows = cart.notices.map((n) => noticeRow(n, withOutcome)).join('');
  const span = withOutcome ? 4 : 3;
  return `<table><thead><tr><th>Ente</th><th>Oggetto del pagamento</th><th>Codice avviso</th>${withOutcome ? '<th>Esito</th>' : ''}<th class="num">Importo</th></tr></thead>
<tbody>${rows}</tbody><tfoot><tr><th colspan="${span}">Totale</th><td class="num" id="totale">${formatEuro(cart.totalAmount)}</td></tr></tfoot></table>`;
}

function noticeRow(n: CartNotice, withOutcome: boolean): string {
  return `<tr><td>${escapeHtml(n.companyName)}<br><small>CF ${escapeHtml(n.fiscalCode)}</small></td><td>${escapeHtml(n.description)}</td>
<td><code>${escapeHtml(n.noticeNumber)}</code></td>${withOutcome ? outcomeCell(n) : ''}<td class="num">${formatEuro(n.amount)}</td></tr>`;
}

function outcomeCell(n: CartNotice): string {
  if (n.failure) return `<td class="ko">Non pagato<br><small>${escapeHtml(n.failure)}</small></td>`;
  if (!n.payment) return '<td>—</td>';
  return n.payment.status === 'IN_CORSO' ? '<td>In corso</td>' : '<td class="ok">Pagato</td>';
}
