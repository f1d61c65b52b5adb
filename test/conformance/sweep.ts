import { basic, BO, call, GPADMIN, IDA2A01 } from '../helpers/http';
import type { TestHub } from '../helpers/hub';
import { insertRpp } from '../helpers/rpp-fixture';
import type { RecordedReply } from './openapi';
import { sweepBackofficeRiconciliazione } from './sweep-ragioneria';

/**
 * The suite's own sweep of the Backoffice API: every endpoint the hub implements, with successes
 * (including the optional fields GovPay's schemas describe) and the error replies a client can meet.
 * Expectations on status codes are not asserted here: each reply is only collected, and the
 * conformance test validates it against the OpenAPI.
 */

type Opts = { auth?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> };

const NO_AUTH: Opts = { auth: null };
const WRONG_PASSWORD: Opts = { auth: basic({ user: GPADMIN.user, password: 'Sbagliata1' }) };
/** The demo applicazione has no Anagrafica rights: 403 on every configuration resource. */
const A2A: Opts = { auth: basic(IDA2A01) };
const MALFORMED: Opts = { rawBody: '{"non": "json"', headers: { 'content-type': 'application/json' } };

const DOMINIO = '12345678901';
const IBAN = 'IT02L1234512345123451111111';
const NEW_DOMINIO = '01234567890';
const NEW_IBAN = 'IT60X0542811101000000123456';
const NEW_IBAN_APPOGGIO = 'IT60X0542811101000000654321';
const UNKNOWN_IBAN = 'IT60X0542811101000000999999';

const form = {
  tipo: 'angular2-json-schema-form',
  definizione: { schema: { type: 'object', properties: { importo: { type: 'number' } } } },
};
const trasformazione = { tipo: 'freemarker', definizione: { template: 'e30=' } };
const layout = {
  portaleBackoffice: { abilitato: true, form, validazione: { type: 'object' }, trasformazione, inoltro: 'IDA2A01' },
  portalePagamento: { abilitato: true, form: { ...form, impaginazione: { sezioni: 1 } }, validazione: { type: 'object' }, trasformazione },
  avvisaturaMail: {
    promemoriaAvviso: { abilitato: true, tipo: 'freemarker', oggetto: { t: 'a' }, messaggio: { t: 'b' }, allegaPdf: true },
    promemoriaRicevuta: { abilitato: false },
    promemoriaScadenza: { abilitato: true, tipo: 'freemarker', oggetto: { t: 'a' }, messaggio: { t: 'b' }, preavviso: 5 },
  },
  avvisaturaAppIO: {
    promemoriaAvviso: { abilitato: false },
    promemoriaRicevuta: { abilitato: false },
    promemoriaScadenza: { abilitato: true, tipo: 'freemarker', oggetto: { t: 'a' }, messaggio: { t: 'b' }, preavviso: 3 },
  },
  visualizzazione: { campi: ['causale'] },
  tracciatoCsv: { tipo: 'freemarker', intestazione: 'idA2A,idPendenza', richiesta: { t: 'r' }, risposta: { t: 's' } },
};

const nuovoDominio = {
  ragioneSociale: 'Comune di Conformita',
  indirizzo: 'Via Roma',
  civico: '1',
  cap: '00100',
  localita: 'Roma',
  provincia: 'RM',
  nazione: 'IT',
  email: 'tributi@comune.example.it',
  pec: 'tributi@pec.comune.example.it',
  tel: '06123456',
  fax: '06654321',
  web: 'https://comune.example.it',
  gln: '8088888000001',
  cbill: 'AB999',
  stazione: '11111111113_01',
  auxDigit: '3',
  segregationCode: '47',
  abilitato: true,
  autStampaPosteItaliane: 'AUT-1',
  area: 'Tributi',
  scaricaFr: false,
};

const applicazione = {
  principal: 'conformita-a2a',
  password: 'Segreta123',
  codificaAvvisi: { codificaIuv: '55', regExpIuv: '55[0-9]*', generazioneIuvInterna: true },
  domini: [{ idDominio: DOMINIO, unitaOperative: ['12345678901_01'] }, NEW_DOMINIO],
  tipiPendenza: ['SEGRETERIA', 'LIBERO'],
  apiPagamenti: true,
  apiPendenze: true,
  apiRagioneria: false,
  acl: [
    { servizio: 'Pendenze', autorizzazioni: ['R', 'W'] },
    { servizio: 'Anagrafica Creditore', autorizzazioni: ['R'] },
  ],
  ruoli: [],
  servizioIntegrazione: {
    url: 'https://ente.example/govpay',
    versioneApi: 'REST v2',
    auth: { username: 'govpay', password: 'Segreta123' },
  },
  abilitato: true,
};

const operatore = {
  ragioneSociale: 'Maria Bianchi',
  password: 'Operatore1',
  domini: ['*'],
  tipiPendenza: ['*'],
  acl: [
    { servizio: 'Pendenze', autorizzazioni: ['R'] },
    { servizio: 'Anagrafica Creditore', autorizzazioni: ['R', 'W'] },
  ],
  ruoli: [],
  abilitato: true,
};

/** The requests of the sweep, in order: creations first, then reads, then errors. */
type Step = [method: string, path: string, opts?: Opts];

export const STEPS: Step[] = [
  // --- intermediari and stazioni
  ['PUT', '/intermediari/22222222222', {
    body: {
      denominazione: 'Partner Tecnologico',
      principalPagoPa: 'nodo2',
      servizioPagoPa: { urlRPT: 'https://nodo.example/pa', auth: { username: 'nodo', password: 'Segreta123' }, subscriptionKey: 'k-1' },
      abilitato: true,
    },
  }],
  ['PUT', '/intermediari/22222222222', { body: { denominazione: 'Partner Tecnologico Srl', principalPagoPa: 'nodo2', servizioPagoPa: { urlRPT: 'https://nodo.example/pa' } } }],
  ['PUT', '/intermediari/22222222222/stazioni/22222222222_05', { body: { password: 'Secret55', abilitato: true, versione: 'V2' } }],
  ['PUT', '/intermediari/22222222222/stazioni/22222222222_05', { body: { abilitato: false, versione: 'V1' } }],
  ['GET', '/intermediari'],
  ['GET', '/intermediari?abilitato=true&ordinamento=-idIntermediario&risultatiPerPagina=1'],
  ['GET', '/intermediari?metadatiPaginazione=false'],
  ['GET', '/intermediari?risultatiPerPagina=0'],
  ['GET', '/intermediari/11111111113'],
  ['GET', '/intermediari/22222222222'],
  ['GET', '/intermediari/11111111113/stazioni'],
  ['GET', '/intermediari/22222222222/stazioni?abilitato=false'],
  ['GET', '/intermediari/11111111113/stazioni/11111111113_01'],
  ['GET', '/intermediari/22222222222/stazioni/22222222222_05'],
  // errors
  ['GET', '/intermediari', NO_AUTH],
  ['GET', '/intermediari', WRONG_PASSWORD],
  ['GET', '/intermediari', A2A],
  ['GET', '/intermediari/11111111113', NO_AUTH],
  ['GET', '/intermediari/11111111113', A2A],
  ['GET', '/intermediari/99999999999'],
  ['PUT', '/intermediari/33333333333', { ...A2A, body: { denominazione: 'x', principalPagoPa: 'x', servizioPagoPa: { urlRPT: 'https://x.example' } } }],
  ['PUT', '/intermediari/33333333333', { ...NO_AUTH, body: { denominazione: 'x', principalPagoPa: 'x', servizioPagoPa: { urlRPT: 'https://x.example' } } }],
  ['PUT', '/intermediari/33333333333', MALFORMED],
  ['PUT', '/intermediari/33333333333', { body: { denominazione: 'manca il servizio' } }],
  ['GET', '/intermediari/11111111113/stazioni', A2A],
  ['GET', '/intermediari/11111111113/stazioni', NO_AUTH],
  ['GET', '/intermediari/99999999999/stazioni'],
  ['GET', '/intermediari/11111111113/stazioni/11111111113_01', A2A],
  ['GET', '/intermediari/11111111113/stazioni/11111111113_01', NO_AUTH],
  ['GET', '/intermediari/11111111113/stazioni/11111111113_99'],
  ['PUT', '/intermediari/11111111113/stazioni/11111111113_02', { ...A2A, body: { abilitato: true, versione: 'V2' } }],
  ['PUT', '/intermediari/11111111113/stazioni/11111111113_02', { ...NO_AUTH, body: { abilitato: true, versione: 'V2' } }],
  ['PUT', '/intermediari/11111111113/stazioni/11111111113_02', MALFORMED],
  ['PUT', '/intermediari/11111111113/stazioni/11111111113_02', { body: { abilitato: true, versione: 'V9' } }],
  ['PUT', '/intermediari/11111111113/stazioni/22222222222_09', { body: { abilitato: true, versione: 'V2' } }],

  // --- domini and their configuration
  ['PUT', `/domini/${NEW_DOMINIO}`, { body: nuovoDominio }],
  ['PUT', `/domini/${NEW_DOMINIO}`, { body: { ...nuovoDominio, ragioneSociale: 'Comune di Conformita Alta' } }],
  ['PUT', `/domini/${NEW_DOMINIO}/unitaOperative/UO1`, {
    body: { ragioneSociale: 'Ufficio Anagrafe', indirizzo: 'Via Verdi', civico: '2', cap: '00100', localita: 'Roma', provincia: 'RM', nazione: 'IT', email: 'uo@comune.example.it', area: 'Servizi', abilitato: true },
  }],
  ['PUT', `/domini/${NEW_DOMINIO}/unitaOperative/UO1`, { body: { ragioneSociale: 'Ufficio Anagrafe Centrale' } }],
  ['PUT', `/domini/${NEW_DOMINIO}/contiAccredito/${NEW_IBAN}`, {
    body: { bic: 'BPPIITRR', postale: false, mybank: false, abilitato: true, descrizione: 'Conto tesoreria', intestatario: 'Comune di Conformita', autStampaPosteItaliane: 'AUT-2' },
  }],
  ['PUT', `/domini/${NEW_DOMINIO}/contiAccredito/${NEW_IBAN_APPOGGIO}`, { body: { postale: false } }],
  ['PUT', `/domini/${NEW_DOMINIO}/contiAccredito/${NEW_IBAN_APPOGGIO}`, { body: { postale: false, abilitato: false } }],
  ['PUT', `/domini/${NEW_DOMINIO}/entrate/SEGRETERIA`, {
    body: { ibanAccredito: NEW_IBAN, ibanAppoggio: NEW_IBAN_APPOGGIO, tipoContabilita: 'CAPITOLO', codiceContabilita: '9999', abilitato: true },
  }],
  ['PUT', `/domini/${NEW_DOMINIO}/entrate/SEGRETERIA`, { body: { ibanAccredito: NEW_IBAN } }],
  ['PUT', `/domini/${NEW_DOMINIO}/tipiPendenza/LIBERO`, { body: { codificaIUV: '7', pagaTerzi: true, abilitato: true, ...layout } }],
  ['PUT', `/domini/${NEW_DOMINIO}/tipiPendenza/LIBERO`, { body: { codificaIUV: '7', pagaTerzi: false } }],
  ['PUT', `/domini/${NEW_DOMINIO}/tipiPendenza/BOLLOT`, { body: {} }],
  ['GET', '/domini'],
  ['GET', '/domini?ragioneSociale=conformita&abilitato=true'],
  ['GET', '/domini?idStazione=11111111113_01&ordinamento=%2BragioneSociale&risultatiPerPagina=1'],
  ['GET', '/domini?metadatiPaginazione=false&risultatiPerPagina=1'],
  ['GET', '/domini?risultatiPerPagina=0'],
  ['GET', `/domini/${DOMINIO}/unitaOperative?campi=idUnita,ragioneSociale`],
  ['GET', '/intermediari?campi=idIntermediario,denominazione,abilitato'],
  ['GET', `/domini/${DOMINIO}`],
  ['GET', `/domini/${NEW_DOMINIO}`],
  ['GET', `/domini/${DOMINIO}/unitaOperative`],
  ['GET', `/domini/${NEW_DOMINIO}/unitaOperative?abilitato=true&ragioneSociale=anagrafe`],
  ['GET', `/domini/${DOMINIO}/unitaOperative/12345678901_01`],
  ['GET', `/domini/${NEW_DOMINIO}/unitaOperative/UO1`],
  ['GET', `/domini/${DOMINIO}/contiAccredito`],
  ['GET', `/domini/${NEW_DOMINIO}/contiAccredito?ordinamento=-iban`],
  ['GET', `/domini/${NEW_DOMINIO}/contiAccredito?abilitato=false`],
  ['GET', `/domini/${DOMINIO}/contiAccredito/${IBAN}`],
  ['GET', `/domini/${NEW_DOMINIO}/contiAccredito/${NEW_IBAN}`],
  ['GET', `/domini/${DOMINIO}/entrate`],
  ['GET', `/domini/${DOMINIO}/entrate?ordinamento=%2BidEntrata&risultatiPerPagina=2`],
  ['GET', `/domini/${NEW_DOMINIO}/entrate`],
  ['GET', `/domini/${DOMINIO}/entrate/SEGRETERIA`],
  ['GET', `/domini/${DOMINIO}/entrate/LIBERO`],
  ['GET', `/domini/${NEW_DOMINIO}/entrate/SEGRETERIA`],
  ['GET', `/domini/${DOMINIO}/tipiPendenza`],
  ['GET', `/domini/${NEW_DOMINIO}/tipiPendenza?abilitato=true`],
  ['GET', `/domini/${DOMINIO}/tipiPendenza/SEGRETERIA`],
  ['GET', `/domini/${NEW_DOMINIO}/tipiPendenza/LIBERO`],
  ['GET', `/domini/${NEW_DOMINIO}/tipiPendenza/BOLLOT`],
  // errors
  ['GET', '/domini', NO_AUTH],
  ['GET', '/domini', A2A],
  ['GET', `/domini/${DOMINIO}`, NO_AUTH],
  ['GET', `/domini/${DOMINIO}`, A2A],
  ['GET', '/domini/99999999999'],
  ['PUT', `/domini/${NEW_DOMINIO}`, { ...A2A, body: nuovoDominio }],
  ['PUT', `/domini/${NEW_DOMINIO}`, { ...NO_AUTH, body: nuovoDominio }],
  ['PUT', `/domini/${NEW_DOMINIO}`, MALFORMED],
  ['PUT', `/domini/${NEW_DOMINIO}`, { body: { ...nuovoDominio, gln: 'non-un-gln' } }],
  ['PUT', '/domini/55555555555', { body: { ...nuovoDominio, stazione: '99999999999_01' } }],
  ['GET', `/domini/${DOMINIO}/unitaOperative`, A2A],
  ['GET', `/domini/${DOMINIO}/unitaOperative`, NO_AUTH],
  ['GET', '/domini/99999999999/unitaOperative'],
  ['GET', `/domini/${DOMINIO}/unitaOperative/12345678901_01`, A2A],
  ['GET', `/domini/${DOMINIO}/unitaOperative/12345678901_01`, NO_AUTH],
  ['GET', `/domini/${DOMINIO}/unitaOperative/NOPE`],
  ['PUT', `/domini/${DOMINIO}/unitaOperative/UO9`, { ...A2A, body: { ragioneSociale: 'x' } }],
  ['PUT', `/domini/${DOMINIO}/unitaOperative/UO9`, { ...NO_AUTH, body: { ragioneSociale: 'x' } }],
  ['PUT', `/domini/${DOMINIO}/unitaOperative/UO9`, MALFORMED],
  ['PUT', `/domini/${DOMINIO}/unitaOperative/UO9`, { body: { ragioneSociale: 'x', nazione: 'Italia' } }],
  ['PUT', '/domini/99999999999/unitaOperative/UO9', { body: { ragioneSociale: 'x' } }],
  ['GET', `/domini/${DOMINIO}/contiAccredito`, A2A],
  ['GET', `/domini/${DOMINIO}/contiAccredito`, NO_AUTH],
  ['GET', '/domini/99999999999/contiAccredito'],
  ['GET', `/domini/${DOMINIO}/contiAccredito/${IBAN}`, A2A],
  ['GET', `/domini/${DOMINIO}/contiAccredito/${IBAN}`, NO_AUTH],
  ['GET', `/domini/${DOMINIO}/contiAccredito/IT00A0000000000000000000000`],
  ['PUT', `/domini/${DOMINIO}/contiAccredito/${NEW_IBAN}`, { ...A2A, body: { postale: false } }],
  ['PUT', `/domini/${DOMINIO}/contiAccredito/${NEW_IBAN}`, { ...NO_AUTH, body: { postale: false } }],
  ['PUT', `/domini/${DOMINIO}/contiAccredito/${NEW_IBAN}`, MALFORMED],
  ['PUT', `/domini/${DOMINIO}/contiAccredito/${NEW_IBAN}`, { body: { bic: 'non un bic' } }],
  ['PUT', `/domini/99999999999/contiAccredito/${NEW_IBAN}`, { body: { postale: false } }],
  ['GET', `/domini/${DOMINIO}/entrate`, A2A],
  ['GET', `/domini/${DOMINIO}/entrate`, NO_AUTH],
  ['GET', '/domini/99999999999/entrate'],
  ['GET', `/domini/${DOMINIO}/entrate/SEGRETERIA`, A2A],
  ['GET', `/domini/${DOMINIO}/entrate/SEGRETERIA`, NO_AUTH],
  ['GET', `/domini/${DOMINIO}/entrate/NOPE`],
  ['PUT', `/domini/${DOMINIO}/entrate/LIBERO`, { ...A2A, body: { ibanAccredito: IBAN } }],
  ['PUT', `/domini/${DOMINIO}/entrate/LIBERO`, { ...NO_AUTH, body: { ibanAccredito: IBAN } }],
  ['PUT', `/domini/${DOMINIO}/entrate/LIBERO`, MALFORMED],
  ['PUT', `/domini/${DOMINIO}/entrate/LIBERO`, { body: { abilitato: true } }],
  ['PUT', `/domini/${DOMINIO}/entrate/SEGRETERIA`, { body: { ibanAccredito: UNKNOWN_IBAN } }],
  ['PUT', `/domini/${DOMINIO}/entrate/NONESISTE`, { body: { ibanAccredito: IBAN } }],
  ['GET', `/domini/${DOMINIO}/tipiPendenza`, A2A],
  ['GET', `/domini/${DOMINIO}/tipiPendenza`, NO_AUTH],
  ['GET', '/domini/99999999999/tipiPendenza'],
  ['GET', `/domini/${DOMINIO}/tipiPendenza/SEGRETERIA`, A2A],
  ['GET', `/domini/${DOMINIO}/tipiPendenza/SEGRETERIA`, NO_AUTH],
  ['GET', `/domini/${DOMINIO}/tipiPendenza/NOPE`],
  ['PUT', `/domini/${DOMINIO}/tipiPendenza/LIBERO`, { ...A2A, body: { pagaTerzi: true } }],
  ['PUT', `/domini/${DOMINIO}/tipiPendenza/LIBERO`, { ...NO_AUTH, body: { pagaTerzi: true } }],
  ['PUT', `/domini/${DOMINIO}/tipiPendenza/LIBERO`, MALFORMED],
  ['PUT', `/domini/${DOMINIO}/tipiPendenza/LIBERO`, { body: { codificaIUV: 'abc' } }],
  ['PUT', `/domini/${DOMINIO}/tipiPendenza/NONESISTE`, { body: { pagaTerzi: true } }],

  // --- catalogue: entrate and tipi pendenza
  ['PUT', '/entrate/TARI', { body: { descrizione: 'Tassa rifiuti', tipoContabilita: 'SIOPE', codiceContabilita: '1234' } }],
  ['PUT', '/entrate/TARI', { body: { descrizione: 'Tassa sui rifiuti', tipoContabilita: 'ALTRO', codiceContabilita: '12345' } }],
  ['PUT', '/tipiPendenza/TARI', { body: { descrizione: 'TARI', codificaIUV: '12', pagaTerzi: true, abilitato: true, ...layout } }],
  ['PUT', '/tipiPendenza/TARI', { body: { descrizione: 'TARI 2026', ...layout } }],
  ['PUT', '/tipiPendenza/IMU', { body: { descrizione: 'IMU' } }],
  ['GET', '/entrate'],
  ['GET', '/entrate?descrizione=rifiuti&ordinamento=-idEntrata'],
  ['GET', '/entrate?risultatiPerPagina=2&metadatiPaginazione=false'],
  ['GET', '/entrate/TARI'],
  ['GET', '/entrate/SEGRETERIA'],
  ['GET', '/tipiPendenza'],
  ['GET', '/tipiPendenza?descrizione=tari&abilitato=true'],
  ['GET', '/tipiPendenza?risultatiPerPagina=0'],
  ['GET', '/tipiPendenza/TARI'],
  ['GET', '/tipiPendenza/IMU'],
  ['GET', '/tipiPendenza/SEGRETERIA'],
  // errors
  ['GET', '/entrate', NO_AUTH],
  ['GET', '/entrate', A2A],
  ['GET', '/entrate/TARI', NO_AUTH],
  ['GET', '/entrate/TARI', A2A],
  ['GET', '/entrate/NOPE'],
  ['PUT', '/entrate/TASI', { ...A2A, body: { descrizione: 'x', tipoContabilita: 'ALTRO', codiceContabilita: '123' } }],
  ['PUT', '/entrate/TASI', { ...NO_AUTH, body: { descrizione: 'x', tipoContabilita: 'ALTRO', codiceContabilita: '123' } }],
  ['PUT', '/entrate/TASI', MALFORMED],
  ['PUT', '/entrate/TASI', { body: { descrizione: 'x', tipoContabilita: 'INVENTATA', codiceContabilita: '123' } }],
  ['GET', '/tipiPendenza', NO_AUTH],
  ['GET', '/tipiPendenza', A2A],
  ['GET', '/tipiPendenza/TARI', NO_AUTH],
  ['GET', '/tipiPendenza/TARI', A2A],
  ['GET', '/tipiPendenza/NOPE'],
  ['PUT', '/tipiPendenza/TASI', { ...A2A, body: { descrizione: 'x' } }],
  ['PUT', '/tipiPendenza/TASI', { ...NO_AUTH, body: { descrizione: 'x' } }],
  ['PUT', '/tipiPendenza/TASI', MALFORMED],
  ['PUT', '/tipiPendenza/TASI', { body: { codificaIUV: '1' } }],

  // --- applicazioni and operatori
  ['PUT', '/applicazioni/CONFORMITA', { body: applicazione }],
  ['PUT', '/applicazioni/CONFORMITA', { body: { ...applicazione, password: undefined, domini: ['*'], tipiPendenza: ['*'] } }],
  ['PUT', '/applicazioni/MINIMA', { body: { principal: 'minima-a2a' } }],
  ['GET', '/applicazioni'],
  ['GET', '/applicazioni?abilitato=true&ordinamento=-idA2A&risultatiPerPagina=2'],
  ['GET', '/applicazioni?principal=conformita&metadatiPaginazione=false'],
  ['GET', '/applicazioni/IDA2A01'],
  ['GET', '/applicazioni/CONFORMITA'],
  ['GET', '/applicazioni/MINIMA'],
  ['PUT', '/operatori/mbianchi', { body: operatore }],
  ['PUT', '/operatori/mbianchi', { body: { ...operatore, password: undefined, domini: [{ idDominio: DOMINIO, unitaOperative: ['12345678901_01'] }], tipiPendenza: ['SEGRETERIA'] } }],
  ['PUT', '/operatori/sospeso', { body: { ragioneSociale: 'Operatore Sospeso', password: 'Sospeso123', abilitato: false } }],
  ['GET', '/operatori'],
  ['GET', '/operatori?abilitato=true&ordinamento=-principal&risultatiPerPagina=1'],
  ['GET', '/operatori/gpadmin'],
  ['GET', '/operatori/mbianchi'],
  ['GET', '/operatori/sospeso'],
  // errors
  ['GET', '/applicazioni', NO_AUTH],
  ['GET', '/applicazioni', A2A],
  ['GET', '/applicazioni/IDA2A01', NO_AUTH],
  ['GET', '/applicazioni/IDA2A01', A2A],
  ['GET', '/applicazioni/NOPE'],
  ['PUT', '/applicazioni/ALTRA', { ...A2A, body: { principal: 'altra' } }],
  ['PUT', '/applicazioni/ALTRA', { ...NO_AUTH, body: { principal: 'altra' } }],
  ['PUT', '/applicazioni/ALTRA', MALFORMED],
  ['PUT', '/applicazioni/ALTRA', { body: { principal: 'altra', password: 'debole' } }],
  ['PUT', '/applicazioni/ALTRA', { body: { principal: 'gpadmin' } }],
  ['PUT', '/applicazioni/ALTRA', { body: { principal: 'altra', domini: ['99999999999'] } }],
  ['GET', '/operatori', NO_AUTH],
  ['GET', '/operatori', A2A],
  ['GET', '/operatori/gpadmin', NO_AUTH],
  ['GET', '/operatori/gpadmin', A2A],
  ['GET', '/operatori/nessuno'],
  ['PUT', '/operatori/altro', { ...A2A, body: { ragioneSociale: 'x' } }],
  ['PUT', '/operatori/altro', { ...NO_AUTH, body: { ragioneSociale: 'x' } }],
  ['PUT', '/operatori/altro', MALFORMED],
  ['PUT', '/operatori/altro', { body: { ragioneSociale: 'x', acl: [{ servizio: 'Inesistente', autorizzazioni: ['R'] }] } }],
  ['PUT', '/operatori/IDA2A01', { body: { ragioneSociale: 'principal di un\'applicazione' } }],

  // --- profilo and operazioni
  ['GET', '/profilo'],
  ['GET', '/profilo', A2A],
  ['GET', '/profilo', { auth: basic({ user: 'mbianchi', password: 'Operatore1' }) }],
  ['GET', '/profilo', { auth: basic({ user: 'conformita-a2a', password: 'Segreta123' }) }],
  ['GET', '/profilo', NO_AUTH],
  ['GET', '/profilo', WRONG_PASSWORD],
  ['GET', '/profilo', { auth: basic({ user: 'sospeso', password: 'Sospeso123' }) }],
  ['GET', '/operazioni/resetCacheAnagrafica'],
  ['GET', '/operazioni/resetCacheAnagrafica', NO_AUTH],
  ['GET', '/operazioni/resetCacheAnagrafica', A2A],
  ['GET', '/operazioni/nonEsiste'],
  // --- pendenze (one loaded through API Pendenze v2 before the sweep)
  ['GET', '/pendenze'],
  ['GET', '/pendenze?idA2A=IDA2A01&stato=NON_ESEGUITA&risultatiPerPagina=1'],
  ['GET', '/pendenze/IDA2A01/CONFORMITA1'],
  ['PATCH', '/pendenze/IDA2A01/CONFORMITA1', { body: [{ op: 'REPLACE', path: '/descrizioneStato', value: 'Verificata' }] }],
  ['PATCH', '/pendenze/IDA2A01/CONFORMITA1', { body: [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }] }],
  ['GET', '/pendenze/IDA2A01/CONFORMITA1'],
  ['GET', '/pendenze', NO_AUTH],
  ['GET', '/pendenze/IDA2A01/NONESISTE'],
  ['PATCH', '/pendenze/IDA2A01/CONFORMITA1', { body: [{ op: 'REPLACE', path: '/stato', value: 'ANNULLATA' }] }],
  ['PATCH', '/pendenze/IDA2A01/CONFORMITA1', { body: { op: 'REPLACE' } }],
];

/** A pendenza the sweep's Backoffice pendenze requests read, loaded as a verticale would. */
async function loadPendenza(baseUrl: string): Promise<string> {
  const r = await call(baseUrl, 'PUT', '/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/CONFORMITA1', {
    auth: basic({ user: 'IDA2A01', password: 'Password1!' }),
    body: {
      idTipoPendenza: 'SEGRETERIA',
      idDominio: '12345678901',
      causale: 'Diritti di segreteria',
      soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi' },
      importo: 10.5,
      dataScadenza: '2999-12-31',
      voci: [{ idVocePendenza: '1', importo: 10.5, descrizione: 'Diritti', codEntrata: 'SEGRETERIA' }],
    },
  });
  if (r.status !== 201) throw new Error(`sweep set-up: loading a pendenza answered ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { numeroAvviso: string }).numeroAvviso;
}

/** The /rpp requests, on a payment attempt of that pendenza recorded as the station would. */
async function rppSteps(hub: TestHub, numeroAvviso: string): Promise<Step[]> {
  await insertRpp(hub.hub.orm, { idPendenza: 'CONFORMITA1', ccp: 'CONF-CCP1' });
  const rpp = `/rpp/12345678901/${numeroAvviso.slice(3)}/CONF-CCP1`;
  return [
    ['GET', '/rpp'],
    ['GET', '/rpp?esito=ESEGUITO&idTipoPendenza=SEGRETERIA&direzione=D1&direzione=D2&risultatiPerPagina=1'],
    ['GET', '/pendenze/IDA2A01/CONFORMITA1'],
    ['GET', rpp],
    ['GET', `${rpp}/rpt`],
    ['GET', `${rpp}/rt`],
    ['GET', `${rpp}/rt`, { headers: { accept: 'application/xml' } }],
    ['GET', '/rpp?esito=PAGATO'],
    ['GET', '/rpp/12345678901/1/NESSUNO'],
    ['GET', '/rpp', NO_AUTH],
  ];
}

/** Runs the sweep against a hub and returns every reply. */
export async function sweep(baseUrl: string, hub: TestHub): Promise<RecordedReply[]> {
  const replies: RecordedReply[] = [];
  const numeroAvviso = await loadPendenza(baseUrl);
  for (const [method, sub, opts] of [...STEPS, ...(await rppSteps(hub, numeroAvviso))]) {
    const path = `${BO}${sub}`;
    const r = await call(baseUrl, method, path, opts ?? {});
    replies.push({ method, path, status: r.status, body: r.body, contentType: r.headers.get('content-type') ?? undefined, source: 'sweep' });
  }
  // The same API under GovPay's header authentication, without the trusted header: not authenticated.
  const headerPath = BO.replace('/rs/basic/', '/rs/header/') + '/profilo';
  const r = await call(baseUrl, 'GET', headerPath, { auth: null });
  replies.push({ method: 'GET', path: headerPath, status: r.status, body: r.body, source: 'sweep' });
  return [...replies, ...(await sweepBackofficeRiconciliazione(baseUrl, hub))];
}
