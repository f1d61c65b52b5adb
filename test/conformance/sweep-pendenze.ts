import { nuovaPendenza } from '../helpers/fixtures';
import { basic, BO, call, IDA2A01 } from '../helpers/http';
import type { TestHub } from '../helpers/hub';
import { insertRpp } from '../helpers/rpp-fixture';
import type { RecordedReply } from './openapi';

/**
 * The suite's own sweep of API Pendenze v2: every operation the hub implements, with successes
 * (including the optional fields GovPay's schemas describe, the PDF avviso) and the error replies a
 * verticale can meet. As in the Backoffice sweep, no status is asserted here: each reply is only
 * collected, and the conformance test validates it against the OpenAPI.
 */

export const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';

type Opts = { auth?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> };

const APP: Opts = { auth: basic(IDA2A01) };
const NO_AUTH: Opts = { auth: null };
const WRONG_PASSWORD: Opts = { auth: basic({ user: IDA2A01.user, password: 'Sbagliata1' }) };
/** An applicazione with the Pendenze ACL but without the API Pendenze flag: 403 everywhere. */
const NO_API: Opts = { auth: basic({ user: 'noapi', password: 'Password9' }) };
const MALFORMED: Opts = { ...APP, rawBody: '{"non": "json"', headers: { 'content-type': 'application/json' } };
const PDF: Opts = { ...APP, headers: { accept: 'application/pdf' } };
const JSON_PATCH = { 'content-type': 'application/json-patch+json' };

const DOMINIO = '12345678901';
const IBAN = 'IT02L1234512345123451111111';
const UNKNOWN_NUMERO_AVVISO = '001349999999999999';

const pendenza = nuovaPendenza;

/** The optional fields of NuovaPendenza and NuovaVocePendenza the hub accepts, so that they come back in Pendenza. */
const ricca = (id: string) =>
  pendenza(id, {
    soggettoPagatore: {
      tipo: 'G',
      identificativo: '12345678901',
      anagrafica: 'Ditta Srl',
      indirizzo: 'Via Roma',
      civico: '1',
      cap: '00100',
      localita: 'Roma',
      provincia: 'RM',
      nazione: 'IT',
      email: 'ditta@testmail.it',
    },
    importo: 30.5,
    direzione: 'Direzione Servizi',
    divisione: 'Ufficio Tributi',
    annoRiferimento: 2026,
    cartellaPagamento: 'CARTELLA-1',
    datiAllegati: { pratica: 'P-1', numeri: [1, 2] },
    voci: [
      { idVocePendenza: 'a', importo: 10, descrizione: 'Diritti', codEntrata: 'SEGRETERIA', descrizioneCausaleRPT: 'Diritti', datiAllegati: { k: 'v' } },
      { idVocePendenza: 'b', importo: 20.5, descrizione: 'Quota', ibanAccredito: IBAN, tipoContabilita: 'ALTRO', codiceContabilita: 'XXXXX' },
    ],
  });

/** Runs the sweep against a hub and returns every API Pendenze reply. */
export async function sweep(baseUrl: string, hub: TestHub): Promise<RecordedReply[]> {
  const replies: RecordedReply[] = [];
  const hit = async (method: string, sub: string, opts: Opts = APP, base = PV2) => {
    const path = `${base}${sub}`;
    const r = await call(baseUrl, method, path, opts);
    replies.push({ method, path, status: r.status, body: r.body, contentType: r.headers.get('content-type') ?? undefined, source: 'sweep' });
    return r;
  };

  // Set-up through the Backoffice (not validated here): an applicazione without the API Pendenze.
  const noApi = await call(baseUrl, 'PUT', `${BO}/applicazioni/NOAPI`, {
    body: {
      principal: 'noapi',
      password: 'Password9',
      domini: ['*'],
      tipiPendenza: ['*'],
      acl: [{ servizio: 'Pendenze', autorizzazioni: ['R', 'W'] }],
      apiPendenze: false,
    },
  });
  if (noApi.status !== 201 && noApi.status !== 200) {
    throw new Error(`sweep set-up: creating the applicazione NOAPI answered ${noApi.status} ${JSON.stringify(noApi.body)}`);
  }

  // --- PUT: create (201), update (200), with the avviso PDF, with the optional fields
  const created = await hit('PUT', '/pendenze/IDA2A01/CONF-P1', { ...APP, body: pendenza('CONF-P1') });
  await hit('PUT', '/pendenze/IDA2A01/CONF-P1', { ...APP, body: pendenza('CONF-P1', { causale: 'Causale aggiornata' }) });
  await hit('PUT', '/pendenze/IDA2A01/CONF-P2?stampaAvviso=true', { ...APP, body: pendenza('CONF-P2') });
  await hit('PUT', '/pendenze/IDA2A01/CONF-P3', { ...APP, body: ricca('CONF-P3') });
  await hit('PUT', '/pendenze/IDA2A01/CONF-P4?stampaAvviso=false', { ...APP, body: pendenza('CONF-P4', { dataValidita: undefined, dataScadenza: undefined }) });
  const numeroAvviso = (created.body as { numeroAvviso?: string })?.numeroAvviso ?? UNKNOWN_NUMERO_AVVISO;
  // A rata of a documento, with an allegato: its documento PDF and its file.
  await hit('PUT', '/pendenze/IDA2A01/CONF-P5', {
    ...APP,
    body: pendenza('CONF-P5', {
      documento: { identificativo: 'CONF-DOC', descrizione: 'Documento di prova', rata: 1 },
      allegati: [{ nome: 'nota.txt', tipo: 'text/plain', descrizione: 'Nota', contenuto: Buffer.from('nota').toString('base64') }],
    }),
  });
  const conAllegato = await hit('GET', '/pendenze/IDA2A01/CONF-P5');
  await hit('GET', `/documenti/${DOMINIO}/CONF-DOC/avvisi`, PDF);
  await hit('GET', String((conAllegato.body as { allegati?: Array<{ contenuto: string }> }).allegati?.[0]?.contenuto ?? '/allegati/0'));
  const iuv = numeroAvviso.slice(3);
  // A payment attempt of CONF-P1, as the station records a receipt (the ccp n/a stays unknown).
  await insertRpp(hub.hub.orm, { idPendenza: 'CONF-P1', ccp: 'CONF-CCP1' });
  const rpp = `/rpp/${DOMINIO}/${iuv}/CONF-CCP1`;

  // --- reads
  await hit('GET', '/pendenze/IDA2A01/CONF-P1');
  await hit('GET', '/pendenze/IDA2A01/CONF-P3');
  await hit('GET', '/pendenze');
  await hit('GET', '/pendenze?idA2A=IDA2A01&idDominio=12345678901&stato=NON_ESEGUITA&ordinamento=-idPendenza&risultatiPerPagina=2');
  await hit('GET', '/pendenze?idDebitore=RSSMRA30A01H501I&pagina=2&risultatiPerPagina=1');
  await hit('GET', '/pendenze?idPendenza=CONF-P3');
  await hit('GET', '/pendenze?risultatiPerPagina=0');
  await hit('GET', '/pendenze?metadatiPaginazione=false&risultatiPerPagina=1');
  await hit('GET', '/pendenze?dataDa=2020-01-01T00:00:00&dataA=2999-12-31');
  await hit('GET', '/pendenze?direzione=Direzione%20Servizi&divisione=Ufficio%20Tributi');
  await hit('GET', `/pendenze/byAvviso/${DOMINIO}/${numeroAvviso}`);
  await hit('GET', `/avvisi/${DOMINIO}/${numeroAvviso}`);
  await hit('GET', `/avvisi/${DOMINIO}/${numeroAvviso}?linguaSecondaria=false`, { ...APP, headers: { accept: 'application/json' } });
  await hit('GET', `/avvisi/${DOMINIO}/${numeroAvviso}`, PDF);
  await hit('GET', `/avvisi/${DOMINIO}/${numeroAvviso}?linguaSecondaria=en`, PDF);
  await hit('GET', '/rpp');
  await hit('GET', `/rpp?idDominio=${DOMINIO}&iuv=${iuv}&idA2A=IDA2A01&idPendenza=CONF-P1&risultatiPerPagina=5`);
  await hit('GET', '/rpp?risultatiPerPagina=0');
  await hit('GET', '/rpp?metadatiPaginazione=false');
  await hit('GET', '/rpp?esitoPagamento=ESEGUITO&dataRptDa=2020-01-01T00:00:00&dataRtA=2999-12-31&ordinamento=-dataRichiesta');
  await hit('GET', rpp);
  await hit('GET', `${rpp}/rpt`);
  await hit('GET', `${rpp}/rpt`, { ...APP, headers: { accept: 'application/xml' } });
  await hit('GET', `${rpp}/rt`, { ...APP, headers: { accept: 'application/json' } });
  await hit('GET', `${rpp}/rt`, { ...APP, headers: { accept: 'application/xml' } });
  await hit('GET', '/profilo');

  // --- PATCH: annullamento and its effects, then ripristino through PUT
  await hit('PATCH', '/pendenze/IDA2A01/CONF-P4', { ...APP, body: [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }], headers: JSON_PATCH });
  await hit('PATCH', '/pendenze/IDA2A01/CONF-P4', {
    ...APP,
    body: [{ op: 'REPLACE', path: '/descrizioneStato', value: 'Annullata su richiesta' }],
    headers: JSON_PATCH,
  });
  await hit('GET', '/pendenze/IDA2A01/CONF-P4');
  await hit('GET', '/pendenze?stato=ANNULLATA');
  const annullata = await call(baseUrl, 'GET', `${PV2}/pendenze/IDA2A01/CONF-P4`, APP);
  const numeroAnnullato = (annullata.body as { numeroAvviso?: string })?.numeroAvviso;
  if (numeroAnnullato) await hit('GET', `/avvisi/${DOMINIO}/${numeroAnnullato}`);
  await hit('PUT', '/pendenze/IDA2A01/CONF-P4', { ...APP, body: pendenza('CONF-P4') });

  // --- 400
  await hit('PUT', '/pendenze/IDA2A01/CONF-E1', MALFORMED);
  await hit('PUT', '/pendenze/IDA2A01/CONF-E1', { ...APP, body: {} });
  await hit('PUT', '/pendenze/IDA2A01/CONF-E1', { ...APP, body: pendenza('CONF-E1', { causale: '' }) });
  await hit('PUT', '/pendenze/IDA2A01/CONF-E1', { ...APP, body: pendenza('CONF-E1', { importo: '10,00' }) });
  await hit('PUT', '/pendenze/IDA2A01/CONF-E1', { ...APP, body: [pendenza('CONF-E1')] });
  await hit('PUT', '/pendenze/ALTRO/CONF-E1', { ...APP, body: pendenza('CONF-E1') });
  await hit('PUT', '/pendenze/IDA2A01/CONF-E1?stampaAvviso=forse', { ...APP, body: pendenza('CONF-E1') });
  await hit('PATCH', '/pendenze/IDA2A01/CONF-P1', { ...APP, body: { op: 'REPLACE', path: '/stato', value: 'ANNULLATA' } });
  await hit('PATCH', '/pendenze/IDA2A01/CONF-P1', { ...APP, body: [{ op: 'REPLACE', path: '/causale', value: 'x' }] });
  await hit('PATCH', '/pendenze/IDA2A01/CONF-P1', { ...APP, body: [{ op: 'REPLACE', path: '/stato', value: 'ESEGUITA' }] });
  await hit('PATCH', '/pendenze/IDA2A01/CONF-P1', { ...MALFORMED, headers: JSON_PATCH });
  await hit('GET', '/pendenze?dataDa=ieri');
  await hit('GET', '/pendenze?risultatiPerPagina=molti');
  await hit('GET', `/avvisi/${DOMINIO}/${numeroAvviso}?linguaSecondaria=xx`);
  await hit('GET', '/rpp?pagina=0');
  await hit('GET', '/rpp?esitoPagamento=PAGATO');
  await hit('GET', `/rpp/1234567890A/${iuv}/CONF-CCP1`);

  // --- 401: no credentials, wrong password, header authentication without the trusted header
  await hit('GET', '/pendenze', NO_AUTH);
  await hit('GET', '/pendenze', WRONG_PASSWORD);
  await hit('PUT', '/pendenze/IDA2A01/CONF-E2', { ...NO_AUTH, body: pendenza('CONF-E2') });
  await hit('PUT', '/pendenze/IDA2A01/CONF-E2', { ...WRONG_PASSWORD, body: pendenza('CONF-E2') });
  await hit('GET', '/pendenze/IDA2A01/CONF-P1', NO_AUTH);
  await hit('PATCH', '/pendenze/IDA2A01/CONF-P1', { ...NO_AUTH, body: [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }] });
  await hit('GET', `/pendenze/byAvviso/${DOMINIO}/${numeroAvviso}`, NO_AUTH);
  await hit('GET', `/avvisi/${DOMINIO}/${numeroAvviso}`, NO_AUTH);
  await hit('GET', `/avvisi/${DOMINIO}/${numeroAvviso}`, { ...NO_AUTH, headers: { accept: 'application/pdf' } });
  await hit('GET', '/rpp', NO_AUTH);
  await hit('GET', `/rpp/${DOMINIO}/${iuv}/n%2Fa`, NO_AUTH);
  await hit('GET', '/profilo', NO_AUTH);
  await hit('GET', '/profilo', WRONG_PASSWORD);
  await hit('GET', '/profilo', NO_AUTH, PV2.replace('/rs/basic/', '/rs/header/'));

  // --- 403: an applicazione without the API Pendenze
  await hit('GET', '/pendenze', NO_API);
  await hit('PUT', '/pendenze/NOAPI/CONF-E3', { ...NO_API, body: pendenza('CONF-E3') });
  await hit('GET', '/pendenze/IDA2A01/CONF-P1', NO_API);
  await hit('PATCH', '/pendenze/IDA2A01/CONF-P1', { ...NO_API, body: [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }] });
  await hit('GET', `/pendenze/byAvviso/${DOMINIO}/${numeroAvviso}`, NO_API);
  await hit('GET', `/avvisi/${DOMINIO}/${numeroAvviso}`, NO_API);
  await hit('GET', `/avvisi/${DOMINIO}/${numeroAvviso}`, { ...NO_API, headers: { accept: 'application/pdf' } });
  await hit('GET', '/rpp', NO_API);
  await hit('GET', `/rpp/${DOMINIO}/${iuv}/n%2Fa`, NO_API);
  await hit('GET', '/profilo', NO_API);

  // --- 404
  await hit('GET', '/pendenze/IDA2A01/NONESISTE');
  await hit('PATCH', '/pendenze/IDA2A01/NONESISTE', { ...APP, body: [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }], headers: JSON_PATCH });
  await hit('GET', `/pendenze/byAvviso/${DOMINIO}/${UNKNOWN_NUMERO_AVVISO}`);
  await hit('GET', `/avvisi/${DOMINIO}/${UNKNOWN_NUMERO_AVVISO}`);
  await hit('GET', `/avvisi/${DOMINIO}/${UNKNOWN_NUMERO_AVVISO}`, PDF);
  await hit('GET', `/rpp/${DOMINIO}/${iuv}/n%2Fa`);
  await hit('GET', `/rpp/${DOMINIO}/${iuv}/n%2Fa/rpt`);
  await hit('GET', `/rpp/${DOMINIO}/${iuv}/n%2Fa/rt`);
  await hit('GET', `/documenti/${DOMINIO}/DOC-1/avvisi`, PDF);
  await hit('GET', '/allegati/999999');
  await hit('GET', '/nonEsiste');
  await hit('DELETE', '/pendenze/IDA2A01/CONF-P1');

  // --- 422
  await hit('PUT', '/pendenze/IDA2A01/CONF-E4', { ...APP, body: pendenza('CONF-E4', { importo: 100.98 }) });
  await hit('PUT', '/pendenze/IDA2A01/CONF-E4', { ...APP, body: pendenza('CONF-E4', { idDominio: '00000000000' }) });
  await hit('PUT', '/pendenze/IDA2A01/CONF-E4', {
    ...APP,
    body: pendenza('CONF-E4', { voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', codEntrata: 'XXX' }] }),
  });
  await hit('PUT', '/pendenze/IDA2A01/CONF-E4', { ...APP, body: pendenza('CONF-E4', { numeroAvviso }) });
  await hit('PUT', '/pendenze/IDA2A01/CONF-P1', {
    ...APP,
    body: pendenza('CONF-P1', { voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'x', codEntrata: 'BOLLOT' }] }),
  });
  return replies;
}
