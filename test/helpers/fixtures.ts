/**
 * GovPay's standard "monovoce riferimento" pendenza of its behaviour notes (§2), for the demo
 * dominio and entrata; `over` replaces top-level fields.
 */
export const nuovaPendenza = (id: string, over: Record<string, unknown> = {}) => ({
  idTipoPendenza: 'SEGRETERIA',
  idDominio: '12345678901',
  causale: `Pagamento dovuto n.${id}`,
  soggettoPagatore: {
    tipo: 'F',
    identificativo: 'RSSMRA30A01H501I',
    anagrafica: 'Mario Rossi',
    email: 'mario.rossi@testmail.it',
    cellulare: '+39 000-0000000',
  },
  importo: 100.99,
  dataValidita: '2900-12-31',
  dataScadenza: '2999-12-31',
  tassonomia: 'Servizi erogati dal comune',
  tassonomiaAvviso: 'Servizi erogati dal comune',
  voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'Diritti e segreteria', codEntrata: 'SEGRETERIA' }],
  ...over,
});

/** The credentials of `verticale(…)`'s applicazione. */
export const VERTICALE = { user: 'verticale-tributi', password: 'Verticale123' };

/**
 * A Backoffice body for the Ente's own system, VERTICALE: it loads pendenze (IUVs of codifica 35)
 * on the demo dominio, reads their payments, and is notified at `url` with `versioneApi`.
 */
export const verticale = (url: string, versioneApi: 'REST v1' | 'REST v2') => ({
  principal: VERTICALE.user,
  password: VERTICALE.password,
  codificaAvvisi: { codificaIuv: '35', regExpIuv: '35[0-9]*' },
  domini: [{ idDominio: '12345678901' }],
  tipiPendenza: ['*'],
  acl: [
    { servizio: 'Pendenze', autorizzazioni: ['R', 'W'] },
    { servizio: 'Pagamenti', autorizzazioni: ['R'] },
  ],
  apiPendenze: true,
  servizioIntegrazione: { url, versioneApi },
});

/** A second dominio of the demo intermediario's stazione, as the Backoffice creates it. */
export const nuovoDominio = {
  ragioneSociale: 'Comune di Prova',
  gln: '8088888000001',
  stazione: '11111111113_01',
  auxDigit: '3',
  segregationCode: '47',
  abilitato: true,
  scaricaFr: false,
  indirizzo: 'Via Roma',
  email: 'tributi@comune.example.it',
};
