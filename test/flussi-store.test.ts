import type { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { FlussoRendicontazione, OutboxJob, Rendicontazione } from '../schema/entities';
import { openDatabase } from '../schema/orm';
import { registraFlusso } from '../subgraphs/riconciliazione/services';
import { dati, DOMINIO, flusso, pendenzaPagata, riga } from './helpers/flussi';
import { startHub, type TestHub } from './helpers/hub';
import { loadPendenza } from './helpers/pagamenti';
import { closeSimulators } from './helpers/simulator';

/**
 * Storing reporting flows (registraFlusso, as acquisition calls it) against receipts paid through
 * the real station, then reading them through the gateway: every line matched or flagged with
 * GovPay's anomaly codes, the flow's own checks, and the receipt a line settles resolved by the
 * pagamenti subgraph (federation).
 */
let t: TestHub;
const em = () => t.hub.orm.em.fork();

const FLUSSO_FIELDS = `id idFlusso dataFlusso revisione obsoleto sorgente idPsp bicRiversamento idDominio trn dataRegolamento
  numeroPagamenti importoTotale stato segnalazioni { codice descrizione dettaglio } dataAcquisizione dominio { idDominio }`;
const RIGA_FIELDS =
  'id idDominio iuv iur indice importo esito codiceEsito data stato segnalazioni { codice descrizione dettaglio } rpp { ccp importo }';

beforeAll(async () => {
  t = await startHub();
});
afterAll(async () => {
  await closeSimulators();
  await t.close();
});

describe('a flow whose every line matches its receipt', () => {
  let stored: { id: number };
  let paid: Array<{ iuv: string; ccp: string }>;
  let idFlusso: string;

  beforeAll(async () => {
    paid = [await pendenzaPagata(t), await pendenzaPagata(t)];
    const f = flusso(paid.map((p) => riga(p.iuv, p.ccp)));
    idFlusso = f.idFlusso;
    stored = await registraFlusso(em(), f);
  });

  it('is stored ACQUISITO, its lines OK and linked to the receipts, readable through the gateway', async () => {
    expect(stored).toMatchObject({ esito: 'NUOVO', anomalie: 0 });
    const d = await dati(
      t,
      `query ($idFlusso: String!) { flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso) { ${FLUSSO_FIELDS} rendicontazioni { totalCount nodes { ${RIGA_FIELDS} } } } }`,
      { idFlusso },
    );
    const f = d.flussoRendicontazioneByIdFlusso;
    expect(f).toMatchObject({
      idFlusso,
      revisione: 1,
      obsoleto: false,
      sorgente: 'NODO',
      idPsp: 'SIMPSP01',
      idDominio: DOMINIO,
      dataRegolamento: '2026-12-02',
      numeroPagamenti: 2,
      importoTotale: '201.98',
      stato: 'ACQUISITO',
      segnalazioni: [],
      dominio: { idDominio: DOMINIO },
    });
    expect(f.rendicontazioni.totalCount).toBe(2);
    expect(f.rendicontazioni.nodes).toEqual(
      paid.map((p) =>
        expect.objectContaining({
          iuv: p.iuv,
          iur: p.ccp,
          indice: 1,
          importo: '100.99',
          esito: 'ESEGUITO',
          codiceEsito: 0,
          data: '2026-12-01',
          stato: 'OK',
          segnalazioni: [],
          rpp: { ccp: p.ccp, importo: '100.99' },
        }),
      ),
    );
  });

  it('announces itself through the outbox, once', async () => {
    const jobs = await em().find(OutboxJob, { chiave: `evento:flussoRendicontazioneAcquisito:${stored.id}` });
    expect(jobs).toHaveLength(1);
    expect(jobs[0].payload).toMatchObject({ v: 1, tipo: 'flussoRendicontazioneAcquisito', idDominio: DOMINIO });
  });

  it('stored again (the same revision) is a DUPLICATO that writes nothing', async () => {
    const before = {
      flussi: await em().count(FlussoRendicontazione, {}),
      righe: await em().count(Rendicontazione, {}),
      jobs: await em().count(OutboxJob, {}),
    };
    const again = await registraFlusso(
      em(),
      flusso(
        paid.map((p) => riga(p.iuv, p.ccp)),
        { idFlusso },
      ),
    );
    expect(again).toEqual({ esito: 'DUPLICATO', id: stored.id, anomalie: 0 });
    expect({
      flussi: await em().count(FlussoRendicontazione, {}),
      righe: await em().count(Rendicontazione, {}),
      jobs: await em().count(OutboxJob, {}),
    }).toEqual(before);
  });
});

describe('anomalies', () => {
  it("flags every kind of line with GovPay's code and keeps the flow, ANOMALO", async () => {
    const [ok, diverso, revocato] = [await pendenzaPagata(t), await pendenzaPagata(t), await pendenzaPagata(t)];
    const nonPagata = await loadPendenza(t);
    const senzaRpt = await loadPendenza(t);
    const f = flusso([
      riga(ok.iuv, ok.ccp),
      riga(diverso.iuv, diverso.ccp, { importoCents: 10098 }),
      riga(revocato.iuv, revocato.ccp, { esito: 3 }),
      riga('999999999999999', 'IUR-SCONOSCIUTO'),
      riga('RF23ALTROINTERMEDIARIO', 'IUR-ALTRO'),
      riga(nonPagata.iuv, 'IUR-NON-PAGATA'),
      riga(senzaRpt.iuv, 'IUR-SENZA-RPT', { esito: 9 }),
      riga('999999999999998', 'IUR-SENZA-RPT-2', { esito: 8 }),
      riga(ok.iuv, ok.ccp),
    ]);
    const stored = await registraFlusso(em(), f);
    expect(stored.esito).toBe('NUOVO');
    const d = await dati(
      t,
      `query ($idFlusso: String!) { flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso) { stato segnalazioni { codice } rendicontazioni { nodes { ${RIGA_FIELDS} } } } }`,
      { idFlusso: f.idFlusso },
    );
    const r = d.flussoRendicontazioneByIdFlusso;
    expect(r.stato).toBe('ANOMALO');
    expect(r.segnalazioni).toEqual([]);
    const righe = r.rendicontazioni.nodes.map((n: any) => ({
      stato: n.stato,
      codici: n.segnalazioni.map((s: any) => s.codice),
      rpp: n.rpp?.ccp ?? null,
    }));
    expect(righe).toEqual([
      { stato: 'OK', codici: [], rpp: ok.ccp },
      { stato: 'ANOMALA', codici: ['007104'], rpp: diverso.ccp },
      { stato: 'ANOMALA', codici: ['007112'], rpp: revocato.ccp },
      { stato: 'ANOMALA', codici: ['007101'], rpp: null },
      { stato: 'ALTRO_INTERMEDIARIO', codici: [], rpp: null },
      { stato: 'ANOMALA', codici: ['007101'], rpp: null },
      { stato: 'OK', codici: [], rpp: null },
      { stato: 'ANOMALA', codici: ['007111'], rpp: null },
      { stato: 'ANOMALA', codici: ['007115'], rpp: ok.ccp },
    ]);
    const nodes = r.rendicontazioni.nodes;
    expect(nodes[1].segnalazioni[0].descrizione).toBe("L'importo rendicontato [100.98] non corrisponde a quanto pagato [100.99]");
    expect(nodes[3].segnalazioni[0]).toEqual({
      codice: '007101',
      descrizione: 'Il pagamento riferito dalla rendicontazione non risulta presente in base dati.',
      dettaglio: 'Nessuna pendenza con IUV 999999999999999.',
    });
    expect(nodes[5].segnalazioni[0].dettaglio).toBe(`La pendenza con IUV ${nonPagata.iuv} non ha ricevute di pagamento.`);
    expect(stored.anomalie).toBe(6);
  });

  it('flags a flow whose declared total or count differs from its lines (007106, 007107)', async () => {
    const p = await pendenzaPagata(t);
    const f = flusso([riga(p.iuv, p.ccp)], { importoTotaleCents: 10100, numeroPagamenti: 2 });
    await registraFlusso(em(), f);
    const d = await dati(
      t,
      `query ($idFlusso: String!) { flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso) { stato segnalazioni { codice descrizione } } }`,
      {
        idFlusso: f.idFlusso,
      },
    );
    expect(d.flussoRendicontazioneByIdFlusso).toEqual({
      stato: 'ANOMALO',
      segnalazioni: [
        {
          codice: '007106',
          descrizione: 'La somma degli importi rendicontati [100.99] non corrisponde al totale indicato nella testata del flusso [101.00]',
        },
        {
          codice: '007107',
          descrizione: 'Il numero di pagamenti rendicontati [1] non corrisponde al totale indicato nella testata del flusso [2]',
        },
      ],
    });
  });
});

describe('revisions', () => {
  const REVISIONI = `query ($idFlusso: String!, $revisione: Int) {
    flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso, revisione: $revisione) { id revisione obsoleto dataFlusso importoTotale revisioni { revisione obsoleto dataFlusso } }
  }`;

  it('a later dataOraFlusso is a new revision that makes the earlier obsolete, history kept; an earlier one arriving late is history at once', async () => {
    const [a, b] = [await pendenzaPagata(t), await pendenzaPagata(t)];
    const first = flusso([riga(a.iuv, a.ccp)], { dataOraFlusso: new Date('2026-12-02T08:00:00.000Z') });
    const { idFlusso } = first;
    expect((await registraFlusso(em(), first)).esito).toBe('NUOVO');
    const second = flusso([riga(a.iuv, a.ccp), riga(b.iuv, b.ccp)], { idFlusso, dataOraFlusso: new Date('2026-12-03T08:00:00.000Z') });
    expect((await registraFlusso(em(), second)).esito).toBe('NUOVO');

    let d = await dati(t, REVISIONI, { idFlusso });
    expect(d.flussoRendicontazioneByIdFlusso).toMatchObject({ revisione: 2, obsoleto: false, importoTotale: '201.98' });
    expect(d.flussoRendicontazioneByIdFlusso.revisioni).toEqual([
      { revisione: 2, obsoleto: false, dataFlusso: '2026-12-03T08:00:00.000Z' },
      { revisione: 1, obsoleto: true, dataFlusso: '2026-12-02T08:00:00.000Z' },
    ]);
    d = await dati(t, REVISIONI, { idFlusso, revisione: 1 });
    expect(d.flussoRendicontazioneByIdFlusso).toMatchObject({ revisione: 1, obsoleto: true, importoTotale: '100.99' });

    const late = flusso([riga(a.iuv, a.ccp)], { idFlusso, dataOraFlusso: new Date('2026-12-01T08:00:00.000Z') });
    expect((await registraFlusso(em(), late)).esito).toBe('NUOVO');
    d = await dati(t, REVISIONI, { idFlusso });
    expect(d.flussoRendicontazioneByIdFlusso.revisione).toBe(2);
    expect(d.flussoRendicontazioneByIdFlusso.revisioni.map((r: any) => [r.revisione, r.obsoleto])).toEqual([
      [2, false],
      [1, true],
      [3, true],
    ]);
  });

  it("takes FdR's own revision number when it gives one", async () => {
    const a = await pendenzaPagata(t);
    const f = flusso([riga(a.iuv, a.ccp)], { sorgente: 'FDR', revisione: 7 });
    await registraFlusso(em(), f);
    const d = await dati(
      t,
      `query ($idFlusso: String!) { flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso) { revisione sorgente xml } }`,
      {
        idFlusso: f.idFlusso,
      },
    );
    expect(d.flussoRendicontazioneByIdFlusso).toEqual({ revisione: 7, sorgente: 'FDR', xml: null });
  });

  it("keeps the Nodo's XML as acquired", async () => {
    const a = await pendenzaPagata(t);
    const xml =
      '<FlussoRiversamento xmlns="http://www.digitpa.gov.it/schemas/2011/Pagamenti/"><versioneOggetto>1.0</versioneOggetto></FlussoRiversamento>';
    const f = flusso([riga(a.iuv, a.ccp)], { xml });
    const { id } = await registraFlusso(em(), f);
    const d = await dati(t, `query ($idFlusso: String!) { flussoRendicontazioneByIdFlusso(idFlusso: $idFlusso) { id xml } }`, {
      idFlusso: f.idFlusso,
    });
    expect(d.flussoRendicontazioneByIdFlusso.xml).toBe(xml);
    const byId = await dati(t, `query ($id: ID!) { flussoRendicontazione(id: $id) { idFlusso } }`, {
      id: d.flussoRendicontazioneByIdFlusso.id,
    });
    expect(byId.flussoRendicontazione.idFlusso).toBe(f.idFlusso);
    expect(Buffer.from(d.flussoRendicontazioneByIdFlusso.id, 'base64url').toString()).toBe(`FlussoRendicontazione:${id}`);
  });
});

describe('two instances storing at once', () => {
  /**
   * A second instance's connections to the same database (its own pool, as another process has) on
   * MariaDB, where instances share a server; on SQLite, the embedded single-instance database, the
   * hub's own (acquisition runs under a lease, one instance at a time, whatever the database).
   */
  let other: MikroORM;
  beforeAll(async () => {
    const db = t.hub.config.database;
    other =
      db.dialect === 'sqlite' ? t.hub.orm : await openDatabase(loadConfig({ DATABASE_URL: db.url }).database, createLogger('silent'), 2);
  });
  afterAll(async () => {
    if (other !== t.hub.orm) await other.close(true);
  });

  it('the same revision: one row, the others a DUPLICATO, no error', async () => {
    const a = await pendenzaPagata(t);
    const f = flusso([riga(a.iuv, a.ccp)]);
    const results = await Promise.all([registraFlusso(em(), f), registraFlusso(other.em.fork(), f), registraFlusso(other.em.fork(), f)]);
    expect(results.map((r) => r.esito).sort()).toEqual(['DUPLICATO', 'DUPLICATO', 'NUOVO']);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await em().count(FlussoRendicontazione, { idFlusso: f.idFlusso })).toBe(1);
    expect(await em().count(Rendicontazione, { flusso: results[0].id })).toBe(1);
    expect(await em().count(OutboxJob, { chiave: `evento:flussoRendicontazioneAcquisito:${results[0].id}` })).toBe(1);
  });

  it('two revisions of one flow: both kept, numbered one after the other, only the later current', async () => {
    const a = await pendenzaPagata(t);
    const early = flusso([riga(a.iuv, a.ccp)], { dataOraFlusso: new Date('2026-12-02T08:00:00.000Z') });
    const later = { ...early, dataOraFlusso: new Date('2026-12-02T09:00:00.000Z') };
    await Promise.all([registraFlusso(em(), early), registraFlusso(other.em.fork(), later)]);
    const rows = await em().find(FlussoRendicontazione, { idFlusso: early.idFlusso }, { orderBy: { dataOraFlusso: 'ASC' } });
    expect(rows.map((r) => r.obsoleto)).toEqual([true, false]);
    expect(rows.map((r) => r.revisione).sort()).toEqual([1, 2]);
  });
});

describe('a flow the hub cannot take', () => {
  it('of a dominio the hub does not have: refused, nothing written', async () => {
    const before = [await em().count(FlussoRendicontazione, {}), await em().count(Rendicontazione, {}), await em().count(OutboxJob, {})];
    await expect(registraFlusso(em(), flusso([riga('999999999999997', 'IUR-X')], { idDominio: '99999999999' }))).rejects.toMatchObject({
      status: 404,
      message: 'Dominio 99999999999 inesistente.',
    });
    expect([await em().count(FlussoRendicontazione, {}), await em().count(Rendicontazione, {}), await em().count(OutboxJob, {})]).toEqual(
      before,
    );
  });
});
