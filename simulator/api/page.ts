import type { Step } from '../soap/client';
import type { PaymentRecord } from '../flow/record';
import { formatAmount } from '../../pagopa/soap/amount';
import type { CartRecord } from '../checkout/cart';
import { cartPath } from '../checkout/page';
import { enteSection } from '../ente/page';
import type { EnteCallRecord } from '../ente/received';
import { escapeHtml } from './html';

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}code,pre{font:12px ui-monospace,monospace}
pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.5em;max-height:20em;overflow:auto}
.ok{color:#17662a}.ko{color:#a11}.skipped{color:#777}`;

/**
 * `GET /`: what the simulator did (payments, carts, what the Ente received), newest first, as one self-contained HTML page (no scripts,
 * no external assets). Everything shown comes from the station or the caller, so all of it is
 * escaped.
 */
export function renderPage(
  records: PaymentRecord[],
  carts: CartRecord[],
  ente: { notifiche: EnteCallRecord[]; verifiche: EnteCallRecord[] },
): string {
  const rows = records.map(row).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>pagoPA Nodo simulator</title>
<meta http-equiv="refresh" content="10"><style>${STYLE}</style></head><body>
<h1>pagoPA Nodo simulator</h1>
<p>${records.length ? `${records.length} payment${records.length === 1 ? '' : 's'}, newest first` : 'No payments yet: <code>POST /api/payments</code>'}</p>
${records.length ? `<table><thead><tr><th>time</th><th>notice</th><th>amount</th><th>status</th><th>steps</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${carts.length ? cartsTable(carts) : ''}
${enteSection(ente.notifiche, ente.verifiche)}
</body></html>`;
}

/** The carts Checkout was given, each with a link to its page. */
function cartsTable(carts: CartRecord[]): string {
  const rows = carts
    .map((c) => {
      const status = c.status === 'PAGATO' ? 'ok' : c.status === 'APERTO' || c.status === 'IN_CORSO' ? 'skipped' : 'ko';
      return `<tr><td>${escapeHtml(c.createdAt)}</td><td><a href="${escapeHtml(cartPath(c.id))}"><code>${escapeHtml(c.id)}</code></a></td>
<td>${c.notices.map((n) => `<code>${escapeHtml(n.fiscalCode)}</code> <code>${escapeHtml(n.noticeNumber)}</code>`).join('<br>')}</td>
<td>${escapeHtml(formatAmount(c.totalAmount))}</td><td class="${status}">${escapeHtml(c.status)}</td></tr>`;
    })
    .join('');
  return `<h2>Checkout carts</h2><table><thead><tr><th>time</th><th>cart</th><th>notices</th><th>total</th><th>status</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function row(r: PaymentRecord): string {
  const status = r.status === 'ESEGUITO' ? 'ok' : r.status === 'IN_CORSO' ? 'skipped' : 'ko';
  const fault = r.nodoFault ? `<br><small>${escapeHtml(r.nodoFault.faultCode)}</small>` : '';
  return `<tr><td>${escapeHtml(r.createdAt)}</td><td><code>${escapeHtml(r.fiscalCode)}</code><br><code>${escapeHtml(r.noticeNumber)}</code></td>
<td>${escapeHtml(r.amount ?? r.verified?.amount ?? r.options.amountRequested ?? '')}</td>
<td class="${status}">${escapeHtml(r.status)}${fault}</td><td>${r.steps.map(step).join('')}</td></tr>`;
}

function step(s: Step): string {
  const what = [s.outcome ?? '', s.fault ? `${s.fault.faultCode}: ${s.fault.faultString}` : '', s.error ?? ''].filter(Boolean).join(' · ');
  const attempt = s.attempt ? ` (delivery ${s.delivery}, attempt ${s.attempt})` : '';
  const xsd = s.xsd.verdict === 'valid' ? 'ok' : s.xsd.verdict === 'invalid' ? 'ko' : 'skipped';
  return `<details><summary><code>${escapeHtml(s.operation)}</code>${escapeHtml(attempt)} HTTP ${s.httpStatus ?? '-'} ${escapeHtml(what)}
<span class="${xsd}">XSD ${escapeHtml(s.xsd.verdict)}</span> ${s.durationMs} ms</summary>
${s.xsd.messages.length ? `<pre>${escapeHtml(s.xsd.messages.join('\n'))}</pre>` : ''}
<pre>${escapeHtml(s.requestXml)}</pre>${s.responseXml !== undefined ? `<pre>${escapeHtml(s.responseXml)}</pre>` : ''}</details>`;
}
