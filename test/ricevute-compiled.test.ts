import type { EntityManager } from '@mikro-orm/core';
import { OutboxJob, Pendenza, Riscossione, Rpp } from '../schema/entities';
import { DEMO } from '../subgraphs/anagrafica/domain/demo';
import { enqueue, type NuovoJob } from '../subgraphs/pagamenti/domain/outbox';
import { ctPaymentPAJson, paymentDataOf } from '../subgraphs/pagamenti/domain/payment-data';
import { loadPagabile } from '../subgraphs/pagamenti/domain/posizioni';
import { improntaOf } from '../subgraphs/pagamenti/domain/ricevute';
import { PagamentiStation } from '../subgraphs/pagamenti/domain/station';
import type { SendRTRequest } from '../subgraphs/pagamenti/domain/station-types';
import { notificaJob } from '../subgraphs/pagamenti/ente/notifica';
import { PAGAMENTO_DI_ANNULLATA } from '../subgraphs/pendenze/domain/pagamento';
import { eventoPendenza } from '../subgraphs/pendenze/domain/eventi';
import { PendenzeService } from '../subgraphs/pendenze/domain/pendenze';
import { referenceCache } from '../subgraphs/pendenze/services';
import { createLogger } from '../core/logger';
import { SYSTEM_PRINCIPAL } from '../core/principal';
import { parseRomeDateTime, romeDate } from '../core/rome-time';
import { nuovaPendenza } from './helpers/fixtures';
import { startHub, type TestHub } from './helpers/hub';
import { sendRTRequest } from './helpers/receipts';

/**
 * The receipt transaction writes with compiled statements on the driver's connection. Here each
 * case is written twice, on two equal pendenze: once by the station, once through MikroORM's
 * entities as the ORM would write the same receipt; every row of every table the receipt touches
 * must come out the same, column by column (identifiers and clock readings aside). Then what the
 * unique key now answers: a receipt delivered again, concurrently, and a failure mid-transaction.
 */
let t: TestHub;
let station: PagamentiStation;
const em = (): EntityManager => t.hub.orm.em.fork();
const CALLER = { idIntermediario: DEMO.intermediario as string };
let seq = 0;

beforeAll(async () => {
  // No worker: the outbox rows are compared as the transaction left them.
  t = await startHub({ OUTBOX_WORKER: 'false' });
  station = new PagamentiStation(t.hub.orm.em, createLogger('silent'), { verifyTimeoutMs: 6000, notifyTimeoutMs: 15_000 });
});
afterAll(async () => {
  await t?.close();
});

interface Loaded {
  id: number;
  idPendenza: string;
  numeroAvviso: string;
  iuv: string;
  importoCents: number;
}

/** Two voci, so that the voci's update and the riscossioni are each more than one row. */
const DUE_VOCI = {
  importo: 150.5,
  voci: [
    { idVocePendenza: '1', importo: 100.25, descrizione: 'Diritti', codEntrata: 'SEGRETERIA' },
    { idVocePendenza: '2', importo: 50.25, descrizione: 'Spese', codEntrata: 'SEGRETERIA' },
  ],
};

async function load(): Promise<Loaded> {
  const idPendenza = `RC${Date.now()}${++seq}`;
  const { value } = await new PendenzeService(em(), SYSTEM_PRINCIPAL).save(
    DEMO.applicazione.idA2A,
    idPendenza,
    nuovaPendenza(idPendenza, DUE_VOCI),
  );
  const row = await em().findOneOrFail(Pendenza, { applicazione: DEMO.applicazione.idA2A, idPendenza }, { fields: ['id'] });
  return {
    id: row.id,
    idPendenza,
    numeroAvviso: value.numeroAvviso as string,
    iuv: value.iuvAvviso as string,
    importoCents: value.importoCents,
  };
}

const cancel = (p: Loaded) => em().nativeUpdate(Pendenza, { id: p.id }, { stato: 'ANNULLATA' });

/** Two transfers, a PSP name that needs escaping, and a payment time in the night the clocks go forward. */
const receiptFor = (p: { numeroAvviso: string; iuv: string; importoCents: number }, receiptId: string): SendRTRequest =>
  sendRTRequest(p, receiptId, {
    transfers: [
      {
        idTransfer: 1,
        transferAmountCents: 10025,
        fiscalCodePA: DEMO.dominio,
        iban: DEMO.iban,
        remittanceInformation: 'a',
        transferCategory: '9/0101100IM/',
      },
      {
        idTransfer: 2,
        transferAmountCents: p.importoCents - 10025,
        fiscalCodePA: DEMO.dominio,
        iban: DEMO.iban,
        remittanceInformation: 'b',
        transferCategory: '9/0101100IM/',
      },
    ],
    PSPCompanyName: "PSP Simulato & C. 'test'",
    paymentDateTime: '2026-03-29T02:30:00',
  });

/** What the station writes for `req`, written with MikroORM's entities and unit of work instead. */
async function throughOrm(p: Loaded | null, req: SendRTRequest, previous: 'none' | 'paid'): Promise<void> {
  const r = req.receipt;
  await em().transactional(async (tx) => {
    const dominio = (await referenceCache(tx).dominio(tx, DEMO.dominio))!;
    const found = p ? await loadPagabile(tx, dominio, { iuv: p.iuv }) : null;
    const pendenza = p ? await tx.findOneOrFail(Pendenza, { id: p.id }, { populate: ['voci'] }) : null;
    const data = parseRomeDateTime(r.paymentDateTime!)!;
    const now = new Date();
    const annullata = pendenza?.stato === 'ANNULLATA';
    const rpp = tx.create(Rpp, {
      dominio: DEMO.dominio,
      iuv: r.creditorReferenceId,
      ccp: r.receiptId,
      pendenza,
      stato: 'RT_ACCETTATA_PA',
      esito: 'ESEGUITO',
      importoCents: r.paymentAmountCents,
      dataPagamento: data,
      idPsp: r.idPSP,
      ragioneSocialePsp: r.PSPCompanyName,
      idCanale: r.idChannel,
      versione: 'V2',
      standIn: false,
      duplicato: previous === 'paid',
      richiesta: found ? ctPaymentPAJson(paymentDataOf(found, 'V2')) : {},
      ricevuta: req.receiptJson,
      ricevutaXml: req.receiptXml,
      impronta: improntaOf(req.receiptJson),
      createdAt: now,
      updatedAt: now,
    });
    r.transfers.forEach((tr, i) =>
      tx.create(Riscossione, {
        dominio: DEMO.dominio,
        iuv: r.creditorReferenceId,
        iur: r.receiptId,
        indice: i + 1,
        importoCents: tr.transferAmountCents,
        tipo: 'ENTRATA',
        stato: 'RISCOSSA',
        data,
        rpp,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const pagata = !!pendenza && previous === 'none';
    if (pagata) {
      pendenza.stato = 'ESEGUITA';
      pendenza.dataPagamento = romeDate(data);
      pendenza.descrizioneStato = annullata ? PAGAMENTO_DI_ANNULLATA : null;
      if (annullata) pendenza.anomalo = true;
      for (const v of pendenza.voci) v.stato = 'ESEGUITO';
    }
    const key = `${DEMO.dominio}:${r.creditorReferenceId}:${r.receiptId}`;
    const ids = p
      ? { idA2A: DEMO.applicazione.idA2A, idPendenza: p.idPendenza, idTipoPendenza: 'SEGRETERIA' }
      : { idA2A: null, idPendenza: null, idTipoPendenza: null };
    const at = new Date().toISOString();
    const jobs: NuovoJob[] = p ? [notificaJob({ idDominio: DEMO.dominio, iuv: r.creditorReferenceId, ccp: r.receiptId })] : [];
    jobs.push({
      tipo: 'EVENTO',
      chiave: `evento:ricevutaRegistrata:${key}`,
      payload: {
        v: 1,
        tipo: 'ricevutaRegistrata',
        idDominio: DEMO.dominio,
        iuv: r.creditorReferenceId,
        idRicevuta: r.receiptId,
        ...ids,
        at,
      },
    });
    if (p && pagata) {
      const changed = {
        idDominio: DEMO.dominio,
        idA2A: DEMO.applicazione.idA2A,
        idPendenza: p.idPendenza,
        idTipoPendenza: 'SEGRETERIA',
        stato: 'ESEGUITA',
      };
      jobs.push(eventoPendenza(changed, 'subito', `evento:pendenzaAggiornata:${key}`));
    }
    for (const job of jobs)
      tx.create(OutboxJob, { ...job, stato: 'DA_ESEGUIRE', tentativi: 0, prossimoTentativo: now, createdAt: now, updatedAt: now });
  });
}

type Row = Record<string, unknown>;
const TIMES = new Set(['created_at', 'updated_at', 'prossimo_tentativo', 'data_caricamento']);
/** Per pendenza, not per receipt. */
const OWN = new Set(['id', 'impronta', 'uuid']);
const CLOCK = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;

/** A clock reading as its kind and form, and whether it reads now (UTC) within a minute. */
function clockShape(v: unknown) {
  const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(`${v.replace(' ', 'T')}Z`) : NaN;
  return { kind: typeof v, form: typeof v === 'string' ? v.replace(/\d/g, '9') : null, now: Math.abs(ms - Date.now()) < 60_000 };
}

/** Every row the receipt of `p`/`ccp` touched, with identifiers replaced by their role. */
async function rowsOf(p: Loaded | null, iuv: string, ccp: string, numeroAvviso = p?.numeroAvviso): Promise<Record<string, Row[]>> {
  const e = em();
  const all = (sql: string, params: unknown[]) => e.getConnection().execute<Row[]>(sql, params, 'all');
  const rpp = await all('select * from rpp where iuv = ? and ccp = ? order by id', [iuv, ccp]);
  const rppIds = new Map(rpp.map((r: Row, i: number) => [Number(r.id), `<rpp${i}>`]));
  const tables: Record<string, Row[]> = {
    rpp,
    riscossioni: await all('select * from riscossioni where iuv = ? and iur = ? order by indice', [iuv, ccp]),
    outbox: await all('select * from outbox where chiave like ? order by chiave', [`%${iuv}:${ccp}`]),
    pendenze: p ? await all('select * from pendenze where id = ?', [p.id]) : [],
    voci_pendenza: p ? await all('select * from voci_pendenza where pendenza_id = ? order by indice', [p.id]) : [],
  };
  const words: Array<[string, string]> = [
    [ccp, '<ccp>'],
    [iuv, '<iuv>'],
    ...(numeroAvviso ? ([[numeroAvviso, '<avviso>']] as Array<[string, string]>) : []),
    ...(p ? ([[p.idPendenza, '<idPendenza>']] as Array<[string, string]>) : []),
  ];
  const text = (s: string) => words.reduce((acc, [w, role]) => acc.split(w).join(role), s).replace(CLOCK, '<at>');
  // JSON columns come back as text (SQLite, MariaDB) or parsed (MySQL).
  const value = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(value);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)]));
    return v;
  };
  for (const [table, rows] of Object.entries(tables)) {
    tables[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([column]) => !OWN.has(column))
          .map(([column, v]) => {
            if (TIMES.has(column)) return [column, clockShape(v)];
            if (column === 'pendenza_id' && p && Number(v) === p.id) return [column, '<pendenza>'];
            if (column === 'rpp_id' && v != null) return [column, rppIds.get(Number(v)) ?? v];
            return [column, value(v)];
          }),
      ),
    );
  }
  return tables;
}

const sendRT = (req: SendRTRequest) => station.sendRT(CALLER, req);
const ccpOf = () => `CCP${Date.now()}${++seq}`;

describe('the station writes what the ORM would, row for row', () => {
  it('a payment: rpp, two riscossioni, the pendenza and its two voci paid, three outbox jobs', async () => {
    const [a, b] = [await load(), await load()];
    const [ra, rb] = [receiptFor(a, ccpOf()), receiptFor(b, ccpOf())];
    await sendRT(ra);
    await throughOrm(b, rb, 'none');
    const [wa, wb] = [await rowsOf(a, a.iuv, ra.receipt.receiptId), await rowsOf(b, b.iuv, rb.receipt.receiptId)];
    expect(wa.rpp).toHaveLength(1);
    expect(wa.riscossioni).toHaveLength(2);
    expect(wa.outbox).toHaveLength(3);
    expect(wa.pendenze[0]).toMatchObject({ stato: 'ESEGUITA' });
    expect(wa.voci_pendenza.map((v) => v.stato)).toEqual(['ESEGUITO', 'ESEGUITO']);
    expect(wa).toEqual(wb);
  });

  it('a second receipt of a paid pendenza: kept as duplicato, the pendenza untouched', async () => {
    const [a, b] = [await load(), await load()];
    await sendRT(receiptFor(a, ccpOf()));
    await throughOrm(b, receiptFor(b, ccpOf()), 'none');
    const [ra, rb] = [receiptFor(a, ccpOf()), receiptFor(b, ccpOf())];
    await sendRT(ra);
    await throughOrm(b, rb, 'paid');
    const [wa, wb] = [await rowsOf(a, a.iuv, ra.receipt.receiptId), await rowsOf(b, b.iuv, rb.receipt.receiptId)];
    expect(wa.rpp[0]).toMatchObject({ duplicato: expect.anything() });
    expect(Number(wa.rpp[0].duplicato)).toBe(1);
    expect(wa.outbox).toHaveLength(2);
    expect(wa).toEqual(wb);
  });

  it('a receipt of a cancelled pendenza: paid and flagged anomalo', async () => {
    const [a, b] = [await load(), await load()];
    await cancel(a);
    await cancel(b);
    const [ra, rb] = [receiptFor(a, ccpOf()), receiptFor(b, ccpOf())];
    await sendRT(ra);
    await throughOrm(b, rb, 'none');
    const [wa, wb] = [await rowsOf(a, a.iuv, ra.receipt.receiptId), await rowsOf(b, b.iuv, rb.receipt.receiptId)];
    expect(Number(wa.pendenze[0].anomalo)).toBe(1);
    expect(wa.pendenze[0].descrizione_stato).toBe(PAGAMENTO_DI_ANNULLATA);
    expect(wa).toEqual(wb);
  });

  it('a receipt of a position the hub does not hold: the rpp and riscossioni, one event', async () => {
    const unknown = (n: number) => ({
      numeroAvviso: `0019900000000${n}`.slice(0, 18),
      iuv: `99${String(n).padStart(4, '0')}${Date.now()}`.slice(0, 15),
      importoCents: 15050,
    });
    const [ua, ub] = [unknown(++seq), unknown(++seq)];
    const [ra, rb] = [receiptFor(ua, ccpOf()), receiptFor(ub, ccpOf())];
    await sendRT(ra);
    await throughOrm(null, rb, 'none');
    const [wa, wb] = [
      await rowsOf(null, ua.iuv, ra.receipt.receiptId, ua.numeroAvviso),
      await rowsOf(null, ub.iuv, rb.receipt.receiptId, ub.numeroAvviso),
    ];
    expect(wa.rpp[0].pendenza_id).toBeNull();
    expect(wa.outbox).toHaveLength(1);
    expect(wa).toEqual(wb);
  });
});

describe('what the unique key answers, and what a failure leaves', () => {
  it('the same receipt again is acknowledged and writes nothing more', async () => {
    const a = await load();
    const req = receiptFor(a, ccpOf());
    await sendRT(req);
    const before = await rowsOf(a, a.iuv, req.receipt.receiptId);
    await expect(sendRT(req)).resolves.toBeUndefined();
    expect(await rowsOf(a, a.iuv, req.receipt.receiptId)).toEqual(before);
    // The same key with other content is refused, and changes nothing either.
    const other = receiptFor(a, req.receipt.receiptId);
    other.receiptJson = { ...other.receiptJson, description: 'altro' };
    await expect(sendRT(other)).rejects.toMatchObject({ code: 'PAA_SEMANTICA' });
    expect(await rowsOf(a, a.iuv, req.receipt.receiptId)).toEqual(before);
  });

  it('concurrent deliveries of one receipt: one rpp, its riscossioni and jobs once, all acknowledged', async () => {
    const a = await load();
    const req = receiptFor(a, ccpOf());
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => sendRT(req)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const w = await rowsOf(a, a.iuv, req.receipt.receiptId);
    expect([w.rpp.length, w.riscossioni.length, w.outbox.length]).toEqual([1, 2, 3]);
    expect(Number(w.rpp[0].duplicato)).toBe(0);
  });

  it('a failure after the receipt, its riscossioni and the payment are written leaves nothing behind', async () => {
    const a = await load();
    const req = receiptFor(a, ccpOf());
    const before = await rowsOf(a, a.iuv, req.receipt.receiptId);
    // The receipt's event is already in the outbox: its INSERT, the transaction's last statement, fails.
    const chiave = `evento:ricevutaRegistrata:${DEMO.dominio}:${a.iuv}:${req.receipt.receiptId}`;
    await enqueue(em(), [{ tipo: 'EVENTO', chiave, payload: { occupata: true } }]);
    await expect(sendRT(req)).rejects.toThrow();
    const after = await rowsOf(a, a.iuv, req.receipt.receiptId);
    expect(after.rpp).toEqual([]);
    expect(after.riscossioni).toEqual([]);
    expect(after.pendenze).toEqual(before.pendenze);
    expect(after.voci_pendenza).toEqual(before.voci_pendenza);
    expect(after.outbox.map((j) => j.chiave)).toEqual([chiave.replace(a.iuv, '<iuv>').replace(req.receipt.receiptId, '<ccp>')]);
  });
});
