import type { EntityManager } from '@mikro-orm/core';
import { OutboxJob, Pendenza, Rpp } from '../schema/entities';
import { DEMO } from '../subgraphs/anagrafica/domain/demo';
import { DominiService } from '../subgraphs/anagrafica/domain/domini';
import { IntermediariService } from '../subgraphs/anagrafica/domain/intermediari';
import { UtenzeService } from '../subgraphs/anagrafica/domain/utenze';
import { CATEGORIA_MARCA_DA_BOLLO, ctPaymentPAJson } from '../subgraphs/pagamenti/domain/payment-data';
import { outboxSignal } from '../subgraphs/pagamenti/domain/outbox';
import { PagamentiStation } from '../subgraphs/pagamenti/domain/station';
import type { StationIds } from '../pagopa/soap/messages';
import { numeroAvvisoFor } from '../subgraphs/pendenze/domain/iuv';
import { PendenzeService } from '../subgraphs/pendenze/domain/pendenze';
import { createLogger } from '../core/logger';
import { SYSTEM_PRINCIPAL } from '../core/principal';
import { romeDate } from '../core/rome-time';
import { EnteDouble, type EnteAnswer } from './helpers/ente-double';
import { nuovaPendenza } from './helpers/fixtures';
import { sendRTRequest } from './helpers/receipts';
import { startHub, type TestHub } from './helpers/hub';

/**
 * The station's domain (PagamentiStation) on a real database with the demo configuration and a
 * real HTTP Ente: the checks and faults in GovPay's order, verify and getPayment of the demo
 * pendenze, the Ente's verify (S12), and receipts (one transaction, idempotent, concurrent).
 */
let t: TestHub;
let ente: EnteDouble;
let station: PagamentiStation;
let impatient: PagamentiStation;
const em = (): EntityManager => t.hub.orm.em.fork();
const CALLER = { idIntermediario: DEMO.intermediario as string };
const IDS: StationIds = { idPA: DEMO.dominio, idBrokerPA: DEMO.intermediario, idStation: DEMO.stazione };
const qr = (noticeNumber: string, fiscalCode: string = DEMO.dominio) => ({ fiscalCode, noticeNumber });
let seq = 0;
const newId = () => `S${Date.now()}${++seq}`;

beforeAll(async () => {
  t = await startHub();
  ente = await new EnteDouble().start();
  station = new PagamentiStation(t.hub.orm.em, createLogger('silent'), { verifyTimeoutMs: 6000, notifyTimeoutMs: 15_000 });
  // Only the Ente that never answers meets this one: a busy machine can take 500 ms over a real answer.
  impatient = new PagamentiStation(t.hub.orm.em, createLogger('silent'), { verifyTimeoutMs: 500, notifyTimeoutMs: 1000 });
});
afterAll(async () => {
  await ente?.stop();
  await t?.close();
});
beforeEach(() => {
  ente.reset();
  ente.answer = () => ({ status: 404 });
});

async function load(over: Record<string, unknown> = {}) {
  const id = newId();
  const { value } = await new PendenzeService(em(), SYSTEM_PRINCIPAL).save(DEMO.applicazione.idA2A, id, nuovaPendenza(id, over));
  return { idPendenza: id, numeroAvviso: value.numeroAvviso as string, iuv: value.iuvAvviso as string, importoCents: value.importoCents };
}

const pendenzaRow = (iuv: string) => em().findOneOrFail(Pendenza, { dominio: DEMO.dominio, iuv }, { populate: ['voci'] });

/** The demo applicazione with its Ente connector at the double (or none). */
async function connector(versioneApi: 'REST v1' | 'REST v2' | null) {
  await new UtenzeService(em(), SYSTEM_PRINCIPAL).saveApplicazione(DEMO.applicazione.idA2A, {
    principal: DEMO.applicazione.idA2A,
    codificaAvvisi: { codificaIuv: '34', regExpIuv: '34[0-9]*', generazioneIuvInterna: false },
    domini: ['*'],
    tipiPendenza: ['*'],
    acl: ['Pagamenti', 'Pendenze'].map((servizio) => ({ servizio, autorizzazioni: ['R', 'W'] })),
    apiPagamenti: true,
    apiPendenze: true,
    apiRagioneria: true,
    servizioIntegrazione: versioneApi ? { url: ente.url, versioneApi } : null,
    abilitato: true,
  });
}

const fault = (code: string, description?: string) =>
  expect.objectContaining({ code, ...(description ? { description: expect.stringContaining(description) } : {}) });

describe('checks common to every operation, in GovPay order', () => {
  let numeroAvviso: string;
  beforeAll(async () => {
    numeroAvviso = (await load()).numeroAvviso;
  });
  const verify = (ids: Partial<StationIds>, caller = CALLER, fiscalCode?: string) =>
    station.verify(caller, { ...IDS, ...ids, qrCode: qr(numeroAvviso, fiscalCode ?? ids.idPA ?? DEMO.dominio) });

  it('refuses a wrong broker first, whatever else is wrong', async () => {
    await expect(verify({ idBrokerPA: '99999999999', idStation: 'X_01', idPA: '00000000000' })).rejects.toEqual(
      fault('PAA_ID_INTERMEDIARIO_ERRATO', "L'intermediario 99999999999 non e' censito."),
    );
    await expect(verify({}, { idIntermediario: '22222222222' })).rejects.toEqual(
      fault('PAA_ID_INTERMEDIARIO_ERRATO', "non e' quello autenticato per la chiamata (22222222222)"),
    );
  });

  it('then the station, then the dominio', async () => {
    await expect(verify({ idStation: '11111111113_09', idPA: '00000000000' })).rejects.toEqual(
      fault('PAA_STAZIONE_INT_ERRATA', "La stazione 11111111113_09 non e' censita."),
    );
    await expect(verify({ idPA: '00000000000' })).rejects.toEqual(fault('PAA_ID_DOMINIO_ERRATO', "Il dominio 00000000000 non e' censito."));
    await expect(verify({}, CALLER, '99999999999')).rejects.toEqual(
      fault('PAA_ID_DOMINIO_ERRATO', "Il codice fiscale dell'ente (99999999999) e' diverso da idPA (12345678901)."),
    );
  });

  it('refuses a station of another broker, a disabled one, and a dominio the station does not serve', async () => {
    const intermediari = new IntermediariService(em(), SYSTEM_PRINCIPAL);
    await intermediari.save('22222222222', {
      denominazione: 'Altro',
      principalPagoPa: 'altro',
      servizioPagoPa: { urlRPT: 'http://localhost:1/nodo' },
      abilitato: true,
    });
    await intermediari.saveStazione('22222222222', '22222222222_01', { abilitato: true, versione: 'V2' });
    await intermediari.saveStazione(DEMO.intermediario, '11111111113_02', { abilitato: true, versione: 'V2' });
    await expect(verify({ idStation: '22222222222_01' })).rejects.toEqual(
      fault('PAA_STAZIONE_INT_ERRATA', "La stazione 22222222222_01 non appartiene all'intermediario 11111111113."),
    );
    await expect(verify({ idStation: '11111111113_02' })).rejects.toEqual(
      fault('PAA_ID_DOMINIO_ERRATO', "Il dominio 12345678901 non e' servito dalla stazione 11111111113_02."),
    );
    await intermediari.saveStazione(DEMO.intermediario, DEMO.stazione, { abilitato: false, versione: 'V2' });
    try {
      await expect(verify({})).rejects.toEqual(fault('PAA_STAZIONE_INT_ERRATA', "La stazione 11111111113_01 e' disabilitata."));
    } finally {
      await intermediari.saveStazione(DEMO.intermediario, DEMO.stazione, { abilitato: true, versione: 'V2' });
    }
    await expect(verify({})).resolves.toMatchObject({ amountCents: 10099 });
  });
});

describe('paVerifyPaymentNotice', () => {
  it('answers the pendenza: amount, EQ, dataValidita, causale, ente, no postal account', async () => {
    const p = await load();
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(p.numeroAvviso) })).resolves.toEqual({
      amountCents: 10099,
      options: 'EQ',
      dueDate: '2900-12-31',
      allCCP: false,
      paymentDescription: `Pagamento dovuto n.${p.idPendenza}`,
      fiscalCodePA: DEMO.dominio,
      companyName: 'Ente Creditore Test',
      officeName: undefined,
    });
  });

  it('names the unità operativa and says allCCP when every voce goes to a postal account', async () => {
    const p = await load({
      idUnitaOperativa: DEMO.unitaOperativa,
      idTipoPendenza: 'BOLLOT',
      voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'Bollettino', codEntrata: 'BOLLOT' }],
    });
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(p.numeroAvviso) })).resolves.toMatchObject({
      allCCP: true,
      officeName: 'Ufficio Tributi',
    });
  });

  it('refuses an annullata, a scaduta and an unknown notice, and changes nothing', async () => {
    const annullata = await load();
    await new PendenzeService(em(), SYSTEM_PRINCIPAL).patch(DEMO.applicazione.idA2A, annullata.idPendenza, [
      { op: 'REPLACE', path: '/stato', value: 'ANNULLATA' },
    ]);
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(annullata.numeroAvviso) })).rejects.toEqual(fault('PAA_PAGAMENTO_ANNULLATO'));

    const scaduta = await load({ dataValidita: null, dataScadenza: '2020-01-31' });
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(scaduta.numeroAvviso) })).rejects.toEqual(
      fault('PAA_PAGAMENTO_SCADUTO', 'scaduta il 2020-01-31'),
    );

    await connector(null);
    const unknown = numeroAvvisoFor('0', '3499999999999', { applicationCode: '01' }).numeroAvviso;
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(unknown) })).rejects.toEqual(fault('PAA_PAGAMENTO_SCONOSCIUTO'));
    expect(await em().count(Pendenza, { numeroAvviso: unknown })).toBe(0);
  });
});

describe('paGetPayment', () => {
  it('gives one transfer per voce with IBAN, causale /RFB/ and the entrata category, and leaves the pendenza as it was', async () => {
    const p = await load();
    const before = await pendenzaRow(p.iuv);
    const v1 = await station.getPayment(CALLER, { ...IDS, qrCode: qr(p.numeroAvviso), amountCents: 10099 }, 'V1');
    expect(v1).toEqual({
      creditorReferenceId: p.iuv,
      paymentAmountCents: 10099,
      dueDate: '2900-12-31',
      description: `Pagamento dovuto n.${p.idPendenza}`,
      companyName: 'Ente Creditore Test',
      officeName: undefined,
      debtor: {
        uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA30A01H501I' },
        fullName: 'Mario Rossi',
        email: 'mario.rossi@testmail.it',
      },
      transfers: [
        {
          idTransfer: 1,
          transferAmountCents: 10099,
          fiscalCodePA: DEMO.dominio,
          iban: DEMO.iban,
          remittanceInformation: `/RFB/${p.iuv}/100.99/TXT/Diritti e segreteria`,
          transferCategory: '9/0101100IM/',
        },
      ],
    });
    const v2 = await station.getPayment(CALLER, { ...IDS, qrCode: qr(p.numeroAvviso) }, 'V2');
    expect(v2.transfers[0].companyName).toBe('Ente Creditore Test');
    expect(ctPaymentPAJson(v2)).toMatchObject({
      creditorReferenceId: p.iuv,
      paymentAmount: '100.99',
      debtor: { 'e-mail': 'mario.rossi@testmail.it', fullName: 'Mario Rossi' },
      transferList: { transfer: [{ idTransfer: 1, transferAmount: '100.99', IBAN: DEMO.iban, transferCategory: '9/0101100IM/' }] },
    });
    const after = await pendenzaRow(p.iuv);
    expect({ stato: after.stato, updatedAt: after.updatedAt, voci: after.voci.getItems().map((v) => v.stato) }).toEqual({
      stato: before.stato,
      updatedAt: before.updatedAt,
      voci: ['NON_ESEGUITO'],
    });
  });

  it('multi-voce: transfers in indice order summing to the amount, the postal account for POSTAL when the entrata has one', async () => {
    await new DominiService(em(), SYSTEM_PRINCIPAL).saveEntrata(DEMO.dominio, 'SEGRETERIA', {
      ibanAccredito: DEMO.iban,
      ibanAppoggio: DEMO.ibanPostale,
      abilitato: true,
    });
    try {
      const p = await load({
        importo: 120.5,
        voci: [
          { idVocePendenza: 'a', importo: 100.25, descrizione: 'Diritti', codEntrata: 'SEGRETERIA' },
          {
            idVocePendenza: 'b',
            importo: 20.25,
            descrizione: 'Spese',
            ibanAccredito: DEMO.iban,
            tipoContabilita: 'CAPITOLO',
            codiceContabilita: '1234',
          },
        ],
      });
      const req = { ...IDS, qrCode: qr(p.numeroAvviso) };
      const postal = await station.getPayment(CALLER, { ...req, transferType: 'POSTAL' }, 'V2');
      expect(postal.transfers.map((x) => [x.idTransfer, x.transferAmountCents, x.iban, x.transferCategory])).toEqual([
        [1, 10025, DEMO.ibanPostale, '9/0101100IM/'],
        [2, 2025, DEMO.iban, '0/1234'],
      ]);
      expect(postal.transfers.reduce((s, x) => s + x.transferAmountCents, 0)).toBe(postal.paymentAmountCents);
      const pagopa = await station.getPayment(CALLER, { ...req, transferType: 'PAGOPA' }, 'V2');
      expect(pagopa.transfers[0].iban).toBe(DEMO.iban);
      await expect(station.verify(CALLER, req)).resolves.toMatchObject({ amountCents: 12050, allCCP: false });
    } finally {
      await new DominiService(em(), SYSTEM_PRINCIPAL).saveEntrata(DEMO.dominio, 'SEGRETERIA', {
        ibanAccredito: DEMO.iban,
        abilitato: true,
      });
    }
  });

  it('a marca da bollo: richiestaMarcaDaBollo in V2, PAA_SEMANTICA in V1 (GovPay text)', async () => {
    const p = await load({
      importo: 116.99,
      voci: [
        { idVocePendenza: '1', importo: 100.99, descrizione: 'Diritti', codEntrata: 'SEGRETERIA' },
        {
          idVocePendenza: '2',
          importo: 16,
          descrizione: 'Bollo',
          tipoBollo: '01',
          hashDocumento: 'cXVlc3RvIOggdW4gaGFzaA==',
          provinciaResidenza: 'RM',
        },
      ],
    });
    const req = { ...IDS, qrCode: qr(p.numeroAvviso) };
    const v2 = await station.getPayment(CALLER, req, 'V2');
    expect(v2.transfers[1]).toEqual({
      idTransfer: 2,
      transferAmountCents: 1600,
      fiscalCodePA: DEMO.dominio,
      companyName: 'Ente Creditore Test',
      richiestaMarcaDaBollo: { hashDocumento: 'cXVlc3RvIOggdW4gaGFzaA==', tipoBollo: '01', provinciaResidenza: 'RM' },
      remittanceInformation: `/RFB/${p.iuv}/16.00/TXT/Bollo`,
      transferCategory: CATEGORIA_MARCA_DA_BOLLO,
      metadata: undefined,
    });
    await expect(station.getPayment(CALLER, req, 'V1')).rejects.toEqual(
      fault('PAA_SEMANTICA', "Il versamento contiene piu' di un singolo versamento, non ammesso per pagamenti ad iniziativa psp."),
    );
  });

  it('cuts a long causale at 140 characters', async () => {
    const p = await load({ voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'è'.repeat(140), codEntrata: 'SEGRETERIA' }] });
    const data = await station.getPayment(CALLER, { ...IDS, qrCode: qr(p.numeroAvviso) }, 'V2');
    expect(Array.from(data.transfers[0].remittanceInformation)).toHaveLength(140);
    expect(data.transfers[0].remittanceInformation.startsWith(`/RFB/${p.iuv}/100.99/TXT/èèè`)).toBe(true);
  });
});

describe("the Ente's verify (S12)", () => {
  const unknownNotice = () => numeroAvvisoFor('0', `34${String(Date.now()).slice(-8)}${++seq % 10}00`, { applicationCode: '01' });
  const pendenzaEnte = (n: { numeroAvviso: string }, over: Record<string, unknown> = {}) => ({
    ...nuovaPendenza('x'),
    idA2A: DEMO.applicazione.idA2A,
    idPendenza: newId(),
    numeroAvviso: n.numeroAvviso,
    ...over,
  });

  it('REST v2: asks GET /avvisi/{idDominio}/{numeroAvviso}, saves the answer and verifies it', async () => {
    await connector('REST v2');
    const n = unknownNotice();
    const body = pendenzaEnte(n);
    ente.answer = () => ({ status: 200, body: { stato: 'NON_ESEGUITA', pendenza: body } });
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(n.numeroAvviso) })).resolves.toMatchObject({ amountCents: 10099 });
    expect(ente.calls.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /avvisi/${DEMO.dominio}/${n.numeroAvviso}`]);
    const saved = await pendenzaRow(n.iuv);
    expect(saved).toMatchObject({ idPendenza: body.idPendenza, stato: 'NON_ESEGUITA', importoCents: 10099 });
    // Now held: the next activation does not ask again.
    await station.getPayment(CALLER, { ...IDS, qrCode: qr(n.numeroAvviso) }, 'V2');
    expect(ente.calls).toHaveLength(1);
  });

  it('REST v1: asks GET /avvisi/{idDominio}/{iuv} and reads the flat pendenzaVerificata', async () => {
    await connector('REST v1');
    const n = unknownNotice();
    const { voci, ...rest } = pendenzaEnte(n) as Record<string, unknown> & { voci: unknown[] };
    ente.answer = () => ({ status: 201, body: { ...rest, stato: 'NON_ESEGUITA', datiAllegati: 'testo', voci } });
    await expect(station.getPayment(CALLER, { ...IDS, qrCode: qr(n.numeroAvviso) }, 'V2')).resolves.toMatchObject({
      creditorReferenceId: n.iuv,
    });
    expect(ente.calls.map((r) => r.path)).toEqual([`/avvisi/${DEMO.dominio}/${n.iuv}`]);
  });

  it('asks again when the held pendenza’s dataValidita has passed, and takes the new amount', async () => {
    await connector('REST v2');
    const p = await load({ dataValidita: '2020-01-01' });
    ente.answer = () => ({
      status: 200,
      body: {
        stato: 'NON_ESEGUITA',
        pendenza: {
          ...nuovaPendenza(p.idPendenza),
          idA2A: DEMO.applicazione.idA2A,
          idPendenza: p.idPendenza,
          numeroAvviso: p.numeroAvviso,
          importo: 110.5,
          voci: [{ idVocePendenza: '1', importo: 110.5, descrizione: 'Con interessi', codEntrata: 'SEGRETERIA' }],
        },
      },
    });
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(p.numeroAvviso) })).resolves.toMatchObject({ amountCents: 11050 });
    expect(ente.calls).toHaveLength(1);
  });

  it('a held pendenza past its dataValidita whose Ente has no connector is scaduta', async () => {
    await connector(null);
    const p = await load({ dataValidita: '2020-01-01' });
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(p.numeroAvviso) })).rejects.toEqual(
      fault('PAA_PAGAMENTO_SCADUTO', 'validi fino al 2020-01-01'),
    );
  });

  it('a multivoce pendenza with a marca da bollo cannot be activated with paGetPayment (V1)', async () => {
    await connector('REST v2');
    const n = unknownNotice();
    ente.answer = () => ({
      status: 200,
      body: {
        stato: 'NON_ESEGUITA',
        pendenza: pendenzaEnte(n, {
          importo: 116.99,
          voci: [
            { idVocePendenza: '1', importo: 100.99, descrizione: 'Diritti', codEntrata: 'SEGRETERIA' },
            {
              idVocePendenza: '2',
              importo: 16,
              descrizione: 'Bollo',
              tipoBollo: '01',
              hashDocumento: 'aGFzaA==',
              provinciaResidenza: 'RM',
            },
          ],
        }),
      },
    });
    await expect(station.getPayment(CALLER, { ...IDS, qrCode: qr(n.numeroAvviso) }, 'V1')).rejects.toEqual(
      fault('PAA_SEMANTICA', "Il versamento contiene piu' di un singolo versamento, non ammesso per pagamenti ad iniziativa psp."),
    );
  });

  it.each([
    [
      'NumeroAvviso',
      (n: { numeroAvviso: string }) => ({ numeroAvviso: numeroAvvisoFor('0', '3400000000999', { applicationCode: '01' }).numeroAvviso, n }),
    ],
    ['IdDominio', () => ({ idDominio: '99999999999' })],
    ['importo', () => ({ importo: 50, voci: [{ idVocePendenza: '1', importo: 50, descrizione: 'x', codEntrata: 'SEGRETERIA' }] })],
  ])('an answer with another %s is a PAA_SYSTEM_ERROR and nothing is saved', async (field, over) => {
    await connector('REST v2');
    const n = unknownNotice();
    const { n: _n, ...changes } = over(n) as Record<string, unknown>;
    ente.answer = () => ({ status: 200, body: { stato: 'NON_ESEGUITA', pendenza: pendenzaEnte(n, changes) } });
    await expect(station.getPayment(CALLER, { ...IDS, qrCode: qr(n.numeroAvviso), amountCents: 10099 }, 'V2')).rejects.toEqual(
      fault('PAA_SYSTEM_ERROR', field),
    );
    expect(await em().count(Pendenza, { dominio: DEMO.dominio, iuv: n.iuv })).toBe(0);
  });

  it.each([
    ['a 500', 'PAA_SYSTEM_ERROR', 'HTTP 500', () => ({ status: 500, body: { error: 'boom' } })],
    ['malformed JSON', 'PAA_SYSTEM_ERROR', 'contenuto non valido', () => ({ status: 200, body: '{not json' })],
    ['too slowly', 'PAA_SYSTEM_ERROR', 'no answer within 500 ms', (): EnteAnswer => 'hang'],
    [
      'SCONOSCIUTA',
      'PAA_PAGAMENTO_SCONOSCIUTO',
      'mai emessa',
      () => ({ status: 200, body: { stato: 'SCONOSCIUTA', descrizioneStato: 'mai emessa' } }),
    ],
    ['404', 'PAA_PAGAMENTO_SCONOSCIUTO', 'non conosce', () => ({ status: 404 })],
    ['ANNULLATA', 'PAA_PAGAMENTO_ANNULLATO', 'ANNULLATA', () => ({ status: 200, body: { stato: 'ANNULLATA' } })],
    ['SCADUTA', 'PAA_PAGAMENTO_SCADUTO', 'SCADUTA', () => ({ status: 200, body: { stato: 'SCADUTA' } })],
  ])('the Ente answering %s gives %s', async (_what, code, description, reply) => {
    await connector('REST v2');
    const n = unknownNotice();
    ente.answer = reply;
    const asking = reply() === 'hang' ? impatient : station;
    await expect(asking.verify(CALLER, { ...IDS, qrCode: qr(n.numeroAvviso) })).rejects.toEqual(fault(code, description));
    expect(await em().count(Pendenza, { dominio: DEMO.dominio, iuv: n.iuv })).toBe(0);
  });

  it('the Ente down is a quick PAA_SYSTEM_ERROR', async () => {
    const down = await new EnteDouble().start();
    await down.stop();
    await new UtenzeService(em(), SYSTEM_PRINCIPAL).saveApplicazione(DEMO.applicazione.idA2A, {
      principal: DEMO.applicazione.idA2A,
      codificaAvvisi: { codificaIuv: '34', regExpIuv: '34[0-9]*', generazioneIuvInterna: false },
      domini: ['*'],
      tipiPendenza: ['*'],
      acl: [{ servizio: 'Pendenze', autorizzazioni: ['R', 'W'] }],
      servizioIntegrazione: { url: down.url, versioneApi: 'REST v2' },
      abilitato: true,
    });
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(unknownNotice().numeroAvviso) })).rejects.toEqual(
      fault('PAA_SYSTEM_ERROR', 'non raggiungibile'),
    );
  });

  it('an IUV no applicazione issued is unknown without asking anyone', async () => {
    await connector('REST v2');
    const n = numeroAvvisoFor('0', '9900000000001', { applicationCode: '01' });
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(n.numeroAvviso) })).rejects.toEqual(fault('PAA_PAGAMENTO_SCONOSCIUTO'));
    expect(ente.calls).toHaveLength(0);
  });
});

describe('paSendRT', () => {
  const rpps = (iuv: string) => em().find(Rpp, { dominio: DEMO.dominio, iuv }, { orderBy: { id: 'ASC' } });
  const jobs = (iuv: string) => em().find(OutboxJob, { chiave: { $like: `%:${DEMO.dominio}:${iuv}:%` } }, { orderBy: { chiave: 'ASC' } });

  beforeAll(() => connector('REST v2'));

  it('stores the receipt, marks the pendenza ESEGUITA and its voci Eseguito, and enqueues notification and events', async () => {
    const p = await load();
    const signalled = new Promise<void>((resolve) => outboxSignal(t.hub.orm.em).once('enqueued', () => resolve()));
    await station.sendRT(CALLER, sendRTRequest(p, 'rcpt-1-' + p.iuv));
    await signalled;
    const row = await pendenzaRow(p.iuv);
    expect(row.stato).toBe('ESEGUITA');
    expect(row.dataPagamento).toBe(romeDate(new Date('2026-12-01T22:30:00Z')));
    expect(row.voci.getItems().map((v) => v.stato)).toEqual(['ESEGUITO']);
    const [rpp] = await rpps(p.iuv);
    expect(rpp).toMatchObject({
      ccp: `rcpt-1-${p.iuv}`,
      stato: 'RT_ACCETTATA_PA',
      esito: 'ESEGUITO',
      importoCents: 10099,
      idPsp: 'PSPSIM01',
      ragioneSocialePsp: 'PSP Simulato',
      idCanale: 'PSPSIM01_01',
      versione: 'V2',
      standIn: false,
      duplicato: false,
      ricevuta: expect.objectContaining({ receiptId: `rcpt-1-${p.iuv}` }),
    });
    expect(rpp.dataPagamento.toISOString()).toBe('2026-12-01T22:30:00.000Z');
    expect(rpp.richiesta).toMatchObject({
      creditorReferenceId: p.iuv,
      paymentAmount: '100.99',
      transferList: { transfer: [{ IBAN: DEMO.iban }] },
    });
    expect(rpp.impronta).toMatch(/^[0-9a-f]{64}$/);
    const key = `${DEMO.dominio}:${p.iuv}:rcpt-1-${p.iuv}`;
    expect((await jobs(p.iuv)).map((j) => [j.tipo, j.chiave, j.payload.tipo ?? j.payload.ccp])).toEqual([
      ['EVENTO', `evento:pendenzaAggiornata:${key}`, 'pendenzaAggiornata'],
      ['EVENTO', `evento:ricevutaRegistrata:${key}`, 'ricevutaRegistrata'],
      ['NOTIFICA_RICEVUTA', `notifica:${key}`, `rcpt-1-${p.iuv}`],
    ]);
    // Paid: verify and activation now answer DUPLICATO with GovPay's description.
    await expect(station.verify(CALLER, { ...IDS, qrCode: qr(p.numeroAvviso) })).rejects.toEqual(
      fault('PAA_PAGAMENTO_DUPLICATO', `Il pagamento risulta già effettuato in data 01/12/2026 [Iur:rcpt-1-${p.iuv}]`),
    );
  });

  it('the same receipt again is acknowledged and changes nothing; other content under the same id is refused', async () => {
    const p = await load();
    const req = sendRTRequest(p, 'rcpt-2');
    await station.sendRT(CALLER, req);
    const first = await rpps(p.iuv);
    await station.sendRT(CALLER, sendRTRequest(p, 'rcpt-2'));
    await expect(station.sendRT(CALLER, sendRTRequest(p, 'rcpt-2', { PSPCompanyName: 'Altro PSP' }))).rejects.toEqual(
      fault('PAA_SEMANTICA', 'La ricevuta rcpt-2 dello IUV'),
    );
    expect(await rpps(p.iuv)).toEqual(first);
    expect(await jobs(p.iuv)).toHaveLength(3);
  });

  it('a second, different receipt of a paid pendenza is kept as a double payment', async () => {
    const p = await load();
    await station.sendRT(CALLER, sendRTRequest(p, 'rcpt-3a'));
    await station.sendRT(CALLER, sendRTRequest(p, 'rcpt-3b'));
    expect((await rpps(p.iuv)).map((r) => [r.ccp, r.duplicato])).toEqual([
      ['rcpt-3a', false],
      ['rcpt-3b', true],
    ]);
    // Notified and announced, but the pendenza did not change again.
    expect(
      (await jobs(p.iuv)).filter((j) => j.chiave.endsWith('rcpt-3b')).map((j) => j.chiave.split(':')[0] + ':' + (j.payload.tipo ?? '')),
    ).toEqual(['evento:ricevutaRegistrata', 'notifica:']);
  });

  it('keeps a KO receipt as a failed attempt and leaves the pendenza unpaid', async () => {
    const p = await load();
    await station.sendRT(CALLER, sendRTRequest(p, 'rcpt-ko', { outcome: 'KO' }));
    expect((await rpps(p.iuv)).map((r) => [r.esito, r.duplicato])).toEqual([['NON_ESEGUITO', false]]);
    expect((await pendenzaRow(p.iuv)).stato).toBe('NON_ESEGUITA');
    expect((await jobs(p.iuv)).map((j) => j.chiave.split(':')[0])).toEqual(['evento', 'notifica']);
  });

  it('accepts a stand-in receipt and flags it', async () => {
    const p = await load();
    await station.sendRT(CALLER, sendRTRequest(p, 'rcpt-4', { standIn: true }));
    expect((await rpps(p.iuv)).map((r) => r.standIn)).toEqual([true]);
    expect((await pendenzaRow(p.iuv)).stato).toBe('ESEGUITA');
  });

  it('refuses a receipt whose amount or notice differs from the pendenza, and stores nothing', async () => {
    const p = await load();
    await expect(station.sendRT(CALLER, sendRTRequest(p, 'rcpt-5', { paymentAmountCents: 10000 }))).rejects.toEqual(
      fault('PAA_SEMANTICA', "L'importo della ricevuta (100.00) e' diverso da quello della pendenza (100.99)."),
    );
    await expect(station.sendRT(CALLER, sendRTRequest(p, 'rcpt-5', { noticeNumber: '001999999999999999' }))).rejects.toEqual(
      fault('PAA_SEMANTICA', 'numero avviso'),
    );
    await expect(station.sendRT(CALLER, sendRTRequest(p, 'rcpt-5', { fiscalCode: '99999999999' }))).rejects.toEqual(
      fault('PAA_ID_DOMINIO_ERRATO'),
    );
    expect(await rpps(p.iuv)).toEqual([]);
    expect(await jobs(p.iuv)).toEqual([]);
    const row = await pendenzaRow(p.iuv);
    expect([row.stato, row.dataPagamento, row.voci.getItems()[0].stato]).toEqual(['NON_ESEGUITA', null, 'NON_ESEGUITO']);
  });

  it('50 concurrent identical receipts: one rpp, every delivery acknowledged', async () => {
    const p = await load();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => station.sendRT(CALLER, sendRTRequest(p, 'rcpt-6'))));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await rpps(p.iuv)).toHaveLength(1);
    expect(await jobs(p.iuv)).toHaveLength(3);
  });

  it('two different receipts at once: one payment, one double payment', async () => {
    const p = await load();
    await Promise.all([station.sendRT(CALLER, sendRTRequest(p, 'rcpt-7a')), station.sendRT(CALLER, sendRTRequest(p, 'rcpt-7b'))]);
    expect((await rpps(p.iuv)).map((r) => r.duplicato).sort()).toEqual([false, true]);
    expect((await jobs(p.iuv)).filter((j) => j.chiave.startsWith('evento:pendenzaAggiornata'))).toHaveLength(1);
  });

  it('keeps a receipt of a position the hub does not hold, announced but notified to no one', async () => {
    const n = numeroAvvisoFor('0', '3400000007777', { applicationCode: '01' });
    await station.sendRT(CALLER, sendRTRequest({ ...n, importoCents: 5000 }, 'rcpt-8'));
    const [rpp] = await rpps(n.iuv);
    expect(rpp).toMatchObject({ ccp: 'rcpt-8', pendenza: null, importoCents: 5000, duplicato: false, richiesta: {} });
    expect((await jobs(n.iuv)).map((j) => [j.tipo, j.payload.idA2A])).toEqual([['EVENTO', null]]);
  });

  it('20 concurrent identical receipts of a position the hub does not hold: one rpp, all acknowledged', async () => {
    const n = numeroAvvisoFor('0', '3400000008888', { applicationCode: '01' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => station.sendRT(CALLER, sendRTRequest({ ...n, importoCents: 5000 }, 'rcpt-9'))),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await rpps(n.iuv)).toHaveLength(1);
  });
});
