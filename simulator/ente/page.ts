import { escapeHtml } from '../api/html';
import type { EnteCallRecord } from './received';

/**
 * The page's "Ente" section: the notifications the hub delivered to the Ente's system (time,
 * pendenza, esito, amount, what the Ente answered) and the notices it asked the Ente to verify.
 * Everything shown came from the hub, so all of it is escaped.
 */
export function enteSection(notifiche: EnteCallRecord[], verifiche: EnteCallRecord[]): string {
  const status = (r: EnteCallRecord) => `<td class="${r.status >= 200 && r.status < 300 ? 'ok' : 'ko'}">${r.status || 'no answer'}</td>`;
  const notifica = (r: EnteCallRecord) =>
    `<tr><td>${escapeHtml(r.receivedAt)}</td><td>${escapeHtml(r.api)}</td><td><code>${escapeHtml(r.idA2A ?? '')}</code> <code>${escapeHtml(r.idPendenza ?? '')}</code></td>
<td><code>${escapeHtml(r.idDominio)}</code> <code>${escapeHtml(r.iuv ?? '')}</code></td><td>${escapeHtml(r.esito ?? '')}</td><td>${escapeHtml(r.importo ?? '')}</td>${status(r)}</tr>`;
  const verifica = (r: EnteCallRecord) =>
    `<tr><td>${escapeHtml(r.receivedAt)}</td><td>${escapeHtml(r.api)}</td><td><code>${escapeHtml(r.idDominio)}</code> <code>${escapeHtml(r.numeroAvviso ?? r.iuv ?? '')}</code></td>${status(r)}</tr>`;
  return `<h2>Ente</h2>
<p>${notifiche.length} notification${notifiche.length === 1 ? '' : 's'} received (<code>GET /api/ente/notifiche</code>), newest first</p>
${notifiche.length ? `<table><thead><tr><th>time</th><th>API</th><th>pendenza</th><th>dominio, IUV</th><th>esito</th><th>amount</th><th>answered</th></tr></thead><tbody>${notifiche.map(notifica).join('')}</tbody></table>` : ''}
${verifiche.length ? `<h3>Verify requests</h3><table><thead><tr><th>time</th><th>API</th><th>notice</th><th>answered</th></tr></thead><tbody>${verifiche.map(verifica).join('')}</tbody></table>` : ''}`;
}
