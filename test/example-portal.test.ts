import { generate } from '@graphql-codegen/cli';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../core/project-root';
import codegen from '../examples/portal/codegen';
import { startPortalServer, type RunningPortal } from '../examples/portal/server/portal';
import { launchBrowser, press, withPage } from './helpers/browser';
import { startCheckoutHub, type CheckoutHub } from './helpers/checkout-hub';
import type { TestHub } from './helpers/hub';
import { loadPendenza } from './helpers/pagamenti';
import type { SoapGate } from './helpers/soap-gate';
import { subscriber, untilSubscriptions } from './helpers/subscriber';
import { until } from './helpers/until';

/**
 * The example portal (examples/portal) in Chromium, in front of a hub whose Checkout is the
 * simulator's: the citizen's pendenze listed through the graph, Paga, pagoPA Checkout, and the
 * return page following the payment live over graphql-ws, all through the portal's own server,
 * which holds the applicazione's credentials and runs only the operations graphql-codegen
 * generated, in front of a hub whose allow-list is the same manifest. Its typed client is built here (tsc) from the committed generated file, which must be
 * what graphql-codegen makes of the operations and the published schema today.
 */
const root = projectRoot();
const CF = 'BNCLRA85M41H501K';
const MANIFEST = join(root, 'examples', 'portal', 'web', 'generated', 'persisted-documents.json');

let hub: CheckoutHub;
let t: TestHub;
let simBase: string;
let gate: SoapGate;
let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'examples/portal/tsconfig.json'], {
    cwd: root,
  });
  // The hub runs only the portal's operations: the manifest its build generated is the hub's allow-list.
  hub = await startCheckoutHub({ GRAPHQL_OPERATIONS: 'allow-list', GRAPHQL_OPERATIONS_FILE: MANIFEST });
  ({ t, simBase, gate } = hub);
  portal = await startPortalServer({ hubUrl: t.baseUrl, credentials: 'IDA2A01:Password1!', host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await hub?.close();
});

const onCheckout = (u: URL) => u.origin === simBase && u.pathname.startsWith('/checkout/c/');
const onEsito = (u: URL) => u.origin === portal.url && u.pathname === '/esito.html';

/** The citizen "logs in" with a codice fiscale and waits for the list (or the message saying there is none). */
async function accedi(page: Page, cf: string): Promise<void> {
  await page.goto(portal.url);
  await page.getByLabel('Codice fiscale').fill(cf);
  await press(page, 'Accedi', (u) => u.searchParams.get('cf') === cf);
  await page.waitForFunction(
    () => !['', 'Caricamento…'].includes(document.getElementById('messaggio')!.textContent!) || !document.getElementById('elenco')!.hidden,
  );
}

const stato = (page: Page, s: string) => page.locator(`#stato[data-stato="${s}"]`).waitFor();

describe('the example portal on the graph, in a real browser', () => {
  it("lists the citizen's pendenze newest first; Paga, Checkout, and the return page shows ESEGUITO as the subscription delivers it", async () => {
    const soggettoPagatore = { tipo: 'F', identificativo: CF, anagrafica: 'Laura Bianchi' };
    const older = await loadPendenza(t, { soggettoPagatore });
    // A second apart: dataCaricamento orders them on MariaDB too.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const newer = await loadPendenza(t, {
      soggettoPagatore,
      importo: 20.5,
      voci: [{ idVocePendenza: '1', importo: 20.5, descrizione: 'Bollo', codEntrata: 'SEGRETERIA' }],
    });

    await withPage(browser, async (page) => {
      const sent: { url: string; authorization?: string; body: string | null }[] = [];
      page.on('request', (r) => sent.push({ url: r.url(), authorization: r.headers().authorization, body: r.postData() }));
      await accedi(page, CF);
      const rows = await page.locator('#pendenze tbody tr').allInnerTexts();
      expect(rows).toEqual([expect.stringContaining(newer.numeroAvviso), expect.stringContaining(older.numeroAvviso)]);
      expect(rows[0]).toContain('20,50 €');
      expect(rows[1]).toContain('100,99 €');
      // The pages call the portal's server by operation hash: no credentials, no query text in the browser.
      const graph = sent.filter((r) => r.url === `${portal.url}/graphql`);
      expect(graph).toHaveLength(1);
      expect(graph[0].authorization).toBeUndefined();
      expect(JSON.parse(graph[0].body!)).toEqual({
        extensions: { persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) } },
        variables: { idDebitore: CF },
      });

      // The payment avviaPagamento answered the page, read on its way (the page leaves for Checkout at once).
      let started: { idSession: string } | undefined;
      await page.route(`${portal.url}/graphql`, async (route) => {
        const response = await route.fetch();
        started = (await response.json()).data?.avviaPagamento?.pagamento;
        await route.fulfill({ response });
      });
      await Promise.all([
        page.waitForURL(onCheckout),
        page.locator('#pendenze tbody tr', { hasText: older.numeroAvviso }).getByRole('button', { name: 'Paga' }).click(),
      ]);
      if (!started) throw new Error('avviaPagamento answered no payment');
      const { idSession } = started;

      // The receipt waits at the gate while the return page, open in another tab, follows the payment.
      gate.hold();
      const paid = press(page, 'Paga', onEsito);
      try {
        await until('Checkout activated the notice and its receipt is on the way', () => gate.held === 1);
        await withPage(browser, async (other) => {
          await other.goto(`${portal.url}/esito.html?idSession=${encodeURIComponent(idSession)}`);
          await stato(other, 'IN_CORSO');
          expect(await other.locator('#in-diretta').textContent()).toBe('');
          await untilSubscriptions(t, 1);
          gate.release();
          await stato(other, 'ESEGUITO');
          expect(await other.locator('#stato').textContent()).toBe('Pagamento eseguito');
          expect(await other.locator('#in-diretta').textContent()).toMatch(/^Aggiornato in diretta alle .*: ESEGUITO$/);
          // The cells' text, not the row's innerText: that depends on the tab's layout, and a tab in the background may have none.
          const avvisi = await other
            .locator('#avvisi tbody tr')
            .evaluateAll((rows) => rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.textContent?.trim())));
          expect(avvisi).toEqual([[older.numeroAvviso, expect.stringMatching(/^100,99\s€$/), 'ESEGUITO']]);
        });
      } finally {
        gate.release();
      }
      await paid;
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ idSession, esito: 'OK' });
      await stato(page, 'ESEGUITO');
    });

    // Back on the list: the paid pendenza is ESEGUITA and has no Paga button.
    await withPage(browser, async (page) => {
      await accedi(page, CF);
      const paidRow = page.locator('#pendenze tbody tr', { hasText: older.numeroAvviso });
      expect(await paidRow.innerText()).toContain('ESEGUITA');
      expect(await paidRow.getByRole('button').count()).toBe(0);
    });
  });

  it('an unknown codice fiscale: no pendenze, a message saying so', async () => {
    await withPage(browser, async (page) => {
      await accedi(page, 'XXXXXX00X00X000X');
      expect(await page.locator('#messaggio').textContent()).toBe('Nessuna pendenza per il codice fiscale XXXXXX00X00X000X.');
      expect(await page.locator('#elenco').isHidden()).toBe(true);
    });
  });

  it("the portal's server runs only its own operations, over HTTP and graphql-ws", async () => {
    const other = await fetch(`${portal.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ pendenze(first: 100) { nodes { idPendenza soggettoPagatore { identificativo } } } }' }),
    });
    expect(other.status).toBe(400);
    expect(await other.json()).toEqual({
      errors: [{ message: 'Operazione non consentita: il portale esegue solo le proprie operazioni.' }],
    });

    const ws = subscriber(portal.url);
    try {
      const refused = ws.subscribe('subscription { pendenzaAggiornata { idPendenza } }');
      expect(await refused.error).toEqual([{ message: 'Operazione non consentita: il portale esegue solo le proprie operazioni.' }]);
    } finally {
      await ws.dispose();
    }
  });

  it('the committed typed client is what graphql-codegen generates from the operations and the published schema', async () => {
    const outputs = await generate({ ...codegen, cwd: root, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs)
      expect({ filename, content }).toEqual({ filename, content: readFileSync(filename, 'utf8') });
  });
});
