import type { Server } from 'node:http';
import { closeServer, localServer, readBody } from './http';
import type { TestHub } from './hub';
import { avvia, riferimento } from './pagamenti';

/**
 * A tiny Ente's portal, a real HTTP server with plain HTML pages: the citizen's cart of pendenze
 * (of IDA2A01) with a button that starts their payment, server side, through the hub's graph with
 * the applicazione's credentials, and sends the browser to the `redirect` it got (pagoPA
 * Checkout); and the page the hub sends the browser back to, showing the esito.
 */
export interface Portal {
  base: string;
  /** Where the hub sends the citizen back. */
  esitoUrl: string;
  /** The payments started, by the portal's session id. */
  avviati: Map<string, { id: string; idSession: string; redirect: string }>;
  /** The page that offers the cart of these pendenze, for the portal's session `sessione`. */
  carrello(idPendenze: string[], sessione: string): string;
  close(): Promise<void>;
}

/** The portal's button that starts the payment. */
export const PAGA_SUL_PORTALE = 'Paga con pagoPA';

const html = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startPortal(t: TestHub): Promise<Portal> {
  const { server, base }: { server: Server; base: string } = await localServer();
  const avviati: Portal['avviati'] = new Map();
  const esitoUrl = `${base}/esito`;
  server.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const page = (status: number, title: string, body: string) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html(title, body));
    if (req.method === 'GET' && url.pathname === '/carrello') {
      const field = (name: string) => `<input type="hidden" name="${name}" value="${escape(url.searchParams.get(name) ?? '')}">`;
      return page(
        200,
        'I tuoi pagamenti',
        `<form method="post" action="/paga">${field('pendenze')}${field('sessione')}<button type="submit">${PAGA_SUL_PORTALE}</button></form>`,
      );
    }
    if (req.method === 'POST' && url.pathname === '/paga') {
      const form = new URLSearchParams(await readBody(req));
      const sessione = form.get('sessione') ?? '';
      const cart = (form.get('pendenze') ?? '').split(',').map((idPendenza) => riferimento({ idA2A: 'IDA2A01', idPendenza }));
      const r = await avvia(t, cart, { urlRitorno: esitoUrl, idSessionePortale: sessione });
      const started = r.body?.data?.avviaPagamento;
      if (!started) return page(502, 'Pagamento non avviato', `<pre id="errore">${escape(JSON.stringify(r.body))}</pre>`);
      avviati.set(sessione, { id: started.pagamento.id, idSession: started.pagamento.idSession, redirect: started.redirect });
      return res.writeHead(303, { location: started.redirect }).end();
    }
    if (req.method === 'GET' && url.pathname === '/esito') {
      return page(200, 'Esito del pagamento', `<p id="esito">${escape(url.searchParams.get('esito') ?? '')}</p>`);
    }
    return page(404, 'Pagina non trovata', '');
  });
  return {
    base,
    esitoUrl,
    avviati,
    carrello: (idPendenze, sessione) => `${base}/carrello?${new URLSearchParams({ pendenze: idPendenze.join(','), sessione })}`,
    close: () => closeServer(server),
  };
}
