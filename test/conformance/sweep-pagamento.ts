import { Pendenza } from '../../schema/entities';
import { CheckoutDouble } from '../helpers/checkout-double';
import { nuovaPendenza } from '../helpers/fixtures';
import { basic, call, GPADMIN, IDA2A01 } from '../helpers/http';
import type { TestHub } from '../helpers/hub';
import { insertRpp } from '../helpers/rpp-fixture';
import type { RecordedReply } from './openapi';

/**
 * The suite's own sweep of API Pagamento v2: every operation, in the basic, spid and public modes,
 * with successes and the refusals a portal meets; replies are only collected, the conformance test
 * validates them. The hub's Checkout is a double that opens every cart.
 */
export const PAG = (mode = 'basic') => `/govpay/frontend/api/pagamento/rs/${mode}/v2`;

type Opts = { auth?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> };
const APP: Opts = { auth: basic(IDA2A01) };
const SPID: Opts = { auth: null, headers: { 'X-SPID-FISCALNUMBER': 'RSSMRA30A01H501I', 'X-SPID-NAME': 'Mario', 'X-SPID-FAMILYNAME': 'Rossi' } };
const ANONIMO: Opts = { auth: null };
const PORTALE = 'https://portale.ente.example/esito';

let checkout: CheckoutDouble | undefined;
export const checkoutDouble = {
  async start() {
    checkout = await new CheckoutDouble().start();
    return { CHECKOUT_URL: checkout.url };
  },
  async stop() {
    await checkout?.stop();
  },
};

export async function sweep(baseUrl: string, hub: TestHub): Promise<RecordedReply[]> {
  const replies: RecordedReply[] = [];
  const hit = async (method: string, sub: string, opts: Opts = APP, mode = 'basic') => {
    const path = `${PAG(mode)}${sub}`;
    const r = await call(baseUrl, method, path, opts);
    replies.push({ method, path, status: r.status, body: r.body, contentType: r.headers.get('content-type') ?? undefined, source: 'sweep' });
    return r;
  };
  const load = async (id: string) => {
    const r = await call(baseUrl, 'PUT', `/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/${id}`, { auth: basic(IDA2A01), body: nuovaPendenza(id) });
    return r.body.numeroAvviso as string;
  };
  const [n1, n2, n3] = [await load('SWP-1'), await load('SWP-2'), await load('SWP-3')];
  const uuid = (await hub.hub.orm.em.fork().findOneOrFail(Pendenza, { idPendenza: 'SWP-1' })).uuid;
  const iuv = n2.slice(3);
  await insertRpp(hub.hub.orm, { idPendenza: 'SWP-2', ccp: 'SWP-CCP2' });

  // POST /pagamenti: the three forms, S9, bad input, each mode.
  const created = await hit('POST', '/pagamenti?idSessionePortale=sweep', { ...APP, body: { pendenze: [{ idDominio: '12345678901', numeroAvviso: n1 }], urlRitorno: PORTALE } });
  await hit('POST', '/pagamenti', { ...APP, body: { pendenze: [{ idA2A: 'IDA2A01', idPendenza: 'SWP-3' }], urlRitorno: PORTALE } });
  await hit('POST', '/pagamenti', { ...APP, body: { pendenze: [{ idA2A: 'IDA2A01', idPendenza: 'SWP-S9', ...nuovaPendenza('SWP-S9', { importo: 1 }) }], urlRitorno: PORTALE } });
  await hit('POST', '/pagamenti', { ...APP, body: { pendenze: [], urlRitorno: PORTALE } });
  await hit('POST', '/pagamenti', { ...APP, rawBody: '{"pendenze":', headers: { 'content-type': 'application/json' } });
  await hit('POST', '/pagamenti', { ...APP, body: { pendenze: [{ idA2A: 'IDA2A01', idPendenza: 'NON-ESISTE' }], urlRitorno: PORTALE } });
  await hit('POST', '/pagamenti', { auth: basic({ user: 'IDA2A01', password: 'Sbagliata1' }), body: { pendenze: [] } });
  await hit('POST', '/pagamenti', { auth: basic(GPADMIN), body: { pendenze: [] } });
  await hit('POST', '/pagamenti', { ...ANONIMO, body: { pendenze: [{ idDominio: '12345678901', numeroAvviso: n3, idDebitore: 'RSSMRA30A01H501I' }], urlRitorno: PORTALE, soggettoVersante: { tipo: 'F', identificativo: 'X', email: 'a@example.it' } } }, 'public');
  await hit('POST', '/pagamenti', { ...SPID, body: { pendenze: [{ idDominio: '12345678901', numeroAvviso: n3 }], urlRitorno: PORTALE } }, 'spid');

  const id = (created.body as { id?: string }).id ?? 'none';
  const idSession = (created.body as { idSession?: string }).idSession ?? 'none';
  for (const opts of [APP, SPID]) {
    const mode = opts === APP ? 'basic' : 'spid';
    await hit('GET', '/pagamenti', opts, mode);
    await hit('GET', '/pagamenti?stato=IN_CORSO&risultatiPerPagina=1&ordinamento=-dataRichiestaPagamento', opts, mode);
    await hit('GET', '/pagamenti?metadatiPaginazione=false', opts, mode);
    await hit('GET', '/pendenze?risultatiPerPagina=2', opts, mode);
    await hit('GET', '/pendenze/IDA2A01/SWP-1', opts, mode);
    await hit('GET', '/rpp', opts, mode);
    await hit('GET', '/profilo', opts, mode);
  }
  await hit('GET', `/pagamenti?id=${id}`);
  await hit('GET', '/pagamenti?risultatiPerPagina=500');
  await hit('GET', `/pagamenti/${id}`);
  await hit('GET', '/pagamenti/sconosciuto');
  await hit('GET', `/pagamenti/byIdSession/${idSession}`);
  await hit('GET', '/pendenze/IDA2A01/NON-ESISTE');
  await hit('GET', `/pendenze/byAvviso/12345678901/${n1}`);
  await hit('GET', '/pendenze/byAvviso/12345678901/001349999999999999');
  await hit('POST', '/pendenze/12345678901/SEGRETERIA', { ...APP, body: nuovaPendenza('x') });
  await hit('POST', '/pendenze/12345678901/SEGRETERIA?idA2A=IDA2A01&idPendenza=SWP-3', { ...APP, body: nuovaPendenza('x') });
  await hit('POST', '/pendenze/12345678901/SEGRETERIA', { ...APP, body: nuovaPendenza('x', { importo: 3 }) });
  await hit('GET', `/avvisi/12345678901/${n1}`);
  await hit('GET', `/avvisi/12345678901/${n1}`, { ...APP, headers: { accept: 'application/pdf' } });
  await hit('GET', `/avvisi/12345678901/${n1}?UUID=${uuid}`, ANONIMO, 'public');
  await hit('GET', `/avvisi/12345678901/${n1}?idDebitore=RSSMRA30A01H501I`, ANONIMO, 'public');
  await hit('GET', `/avvisi/12345678901/${n1}`, ANONIMO, 'public');
  await hit('GET', '/allegati/999999');
  await hit('GET', `/rpp?idPagamento=${id}`);
  for (const sub of ['', '/rpt', '/rt']) {
    await hit('GET', `/rpp/12345678901/${iuv}/SWP-CCP2${sub}`);
    await hit('GET', `/rpp/12345678901/${iuv}/SWP-CCP2${sub}`, SPID, 'spid');
  }
  await hit('GET', `/rpp/12345678901/${iuv}/SWP-CCP2/rt`, { ...APP, headers: { accept: 'application/pdf' } });
  await hit('GET', `/rpp/12345678901/${iuv}/NESSUNO`);
  for (const mode of ['basic', 'public']) {
    const opts = mode === 'basic' ? APP : ANONIMO;
    await hit('GET', '/domini', opts, mode);
    await hit('GET', '/domini/12345678901/tipiPendenza', opts, mode);
    await hit('GET', '/domini/12345678901/unitaOperative', opts, mode);
  }
  await hit('GET', '/pendenze', ANONIMO, 'public');
  await hit('GET', '/logout');
  await hit('GET', '/logout', ANONIMO, 'public');
  return replies;
}
