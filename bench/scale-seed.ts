import { createHash } from 'node:crypto';
import { RowInserter, type Row } from '../core/row-inserter';
import { romeDate } from '../core/rome-time';
import { Pendenza, Riscossione, Rpp, VocePendenza } from '../schema/entities';
import type { Orm } from '../schema/orm';
import { RPP_COLUMNS } from '../subgraphs/pagamenti/services';

/**
 * The rows of a hub that has worked for a while, written straight to the database with the
 * compiled multi-row INSERTs the hub itself uses (RowInserter: the entities' columns, the ORM's
 * conversions), in transactions of BATCH pendenze. Row n is the same whatever the run's size, so
 * the rows of the almost empty database a run measures first are among those of the full one:
 *  - pendenza n: loaded n minutes after `start`, one voce, a debtor for every `debtorShare` rows,
 *    the three demo tipi in turn, one in `annullataEvery` cancelled, due three years after loading
 *    or, one in four, six months after (the older of those are overdue: GovPay's SCADUTA);
 *  - every `paidEvery`-th pendenza (while receipts are wanted) is paid a day after loading: ESEGUITA,
 *    its voce ESEGUITO, its receipt (rpp ESEGUITO, V2) and its riscossione.
 */
export const SEED = {
  idDominio: '12345678901',
  idA2A: 'IDA2A01',
  tipi: ['SEGRETERIA', 'LIBERO', 'BOLLOT'],
  /** Two years before the run (rounded to the day), so the newest of a million rows are recent. */
  start: new Date(Math.floor((Date.now() - 2 * 365 * 86_400_000) / 86_400_000) * 86_400_000),
  minuteMs: 60_000,
  debtorShare: 5,
  annullataEvery: 20,
  paidEvery: 5,
  /** Seeded numbers use IUV progressives from here up: the hub's own sequence starts at 1. */
  firstProgressive: 50_000_000_000,
  /** Row n gets id idBase + n + 1 in every table: the few rows the bench writes through the hub stay below. */
  idBase: 10_000,
};

const BATCH = 5000;

/** When pendenza n was loaded. */
export const caricata = (n: number): Date => new Date(SEED.start.getTime() + n * SEED.minuteMs);

/** The codice fiscale-like id of the debtor of pendenza n. */
export const debitoreOf = (n: number): string => `DBT${String(Math.floor(n / SEED.debtorShare)).padStart(13, '0')}`;

/**
 * Notice number and IUV of pendenza n as the demo dominio numbers them (aux digit 0, the station's
 * application code, the applicazione's IUV prefix, then the mod-93 check digits): `sample` is a
 * number the hub generated, whose first five digits are reused.
 */
export function numeroOf(sample: string, n: number): { numeroAvviso: string; iuv: string } {
  const body = `${sample.slice(0, 5)}${String(SEED.firstProgressive + n).padStart(11, '0')}`;
  const numeroAvviso = `${body}${(BigInt(body) % 93n).toString().padStart(2, '0')}`;
  return { numeroAvviso, iuv: numeroAvviso.slice(3) };
}

const isPaid = (n: number, ricevute: number) => n % SEED.paidEvery === 1 && Math.floor(n / SEED.paidEvery) < ricevute;

const PENDENZA_COLUMNS = [
  'id',
  'applicazione',
  'idPendenza',
  'dominio',
  'tipoPendenza',
  'numeroAvviso',
  'iuv',
  'stato',
  'anomalo',
  'ack',
  'causale',
  'importoCents',
  'soggettoPagatore',
  'idDebitore',
  'dataCaricamento',
  'dataScadenza',
  'dataPagamento',
  'annoRiferimento',
  'uuid',
  'createdAt',
  'updatedAt',
] as const;
const VOCE_COLUMNS = [
  'id',
  'pendenza',
  'indice',
  'idVocePendenza',
  'importoCents',
  'descrizione',
  'stato',
  'tipo',
  'codEntrata',
  'createdAt',
  'updatedAt',
] as const;
/** The columns of a riscossione's row, as the benches write them straight to the database (ids aside). */
export const RISCOSSIONE_COLUMNS = [
  'dominio',
  'iuv',
  'iur',
  'indice',
  'importoCents',
  'tipo',
  'stato',
  'data',
  'rpp',
  'createdAt',
  'updatedAt',
] as const;

export interface SeedProgress {
  (done: number, total: number): void;
}

/**
 * Writes pendenze `from`..`to` − 1 (ids from+1 on), those of them that are paid with their receipts
 * while fewer than `ricevute` receipts exist in all. Returns the receipts written.
 */
export async function seedRange(
  orm: Orm,
  sample: string,
  from: number,
  to: number,
  ricevute: number,
  progress?: SeedProgress,
): Promise<number> {
  const em = orm.em.fork();
  const inserts = {
    pendenze: new RowInserter(em, Pendenza, PENDENZA_COLUMNS),
    voci: new RowInserter(em, VocePendenza, VOCE_COLUMNS),
    rpp: new RowInserter(em, Rpp, ['id', ...RPP_COLUMNS]),
    riscossioni: new RowInserter(em, Riscossione, ['id', ...RISCOSSIONE_COLUMNS]),
  };
  let receipts = 0;
  for (let lo = from; lo < to; lo += BATCH) {
    const hi = Math.min(to, lo + BATCH);
    const pendenze: Row<Pendenza>[] = [];
    const voci: Row<VocePendenza>[] = [];
    const rpp: Row<Rpp>[] = [];
    const riscossioni: Row<Riscossione>[] = [];
    for (let n = lo; n < hi; n++) {
      const row = rowsOf(sample, n, isPaid(n, ricevute));
      pendenze.push(row.pendenza);
      voci.push(row.voce);
      if (row.rpp) rpp.push(row.rpp);
      if (row.riscossione) riscossioni.push(row.riscossione);
    }
    await em.getConnection().transactional(async (ctx) => {
      await inserts.pendenze.insert(em, pendenze, ctx);
      await inserts.voci.insert(em, voci, ctx);
      if (rpp.length) await inserts.rpp.insert(em, rpp, ctx);
      if (riscossioni.length) await inserts.riscossioni.insert(em, riscossioni, ctx);
    });
    receipts += rpp.length;
    progress?.(hi - from, to - from);
  }
  return receipts;
}

function rowsOf(sample: string, n: number, paid: boolean) {
  const id = SEED.idBase + n + 1;
  const at = caricata(n);
  const { numeroAvviso, iuv } = numeroOf(sample, n);
  const tipo = SEED.tipi[n % SEED.tipi.length];
  const importoCents = 1000 + (n % 97) * 150;
  const idDebitore = debitoreOf(n);
  const scadenza = new Date(at.getTime() + (n % 4 === 0 ? 180 : 3 * 365) * 86_400_000);
  const pagata = new Date(at.getTime() + 86_400_000);
  const stato = paid ? 'ESEGUITA' : n % SEED.annullataEvery === 7 ? 'ANNULLATA' : 'NON_ESEGUITA';
  const pendenza: Row<Pendenza> = {
    id,
    applicazione: SEED.idA2A,
    idPendenza: `SCALE-${n}`,
    dominio: SEED.idDominio,
    tipoPendenza: tipo,
    numeroAvviso,
    iuv,
    stato,
    anomalo: false,
    ack: false,
    causale: `Pagamento n. ${n} (${tipo})`,
    importoCents,
    soggettoPagatore: {
      tipo: 'F',
      identificativo: idDebitore,
      anagrafica: `Debitore ${Math.floor(n / SEED.debtorShare)}`,
      email: 'debitore@example.org',
    },
    idDebitore,
    dataCaricamento: at,
    dataScadenza: romeDate(scadenza),
    dataPagamento: paid ? romeDate(pagata) : null,
    annoRiferimento: Number(romeDate(at).slice(0, 4)),
    uuid: uuidOf(n),
    createdAt: at,
    updatedAt: paid ? pagata : at,
  };
  const voce: Row<VocePendenza> = {
    id,
    pendenza: id,
    indice: 1,
    idVocePendenza: '1',
    importoCents,
    descrizione: `Voce della pendenza ${n}`,
    stato: paid ? 'ESEGUITO' : 'NON_ESEGUITO',
    tipo: 'ENTRATA',
    codEntrata: tipo,
    createdAt: at,
    updatedAt: paid ? pagata : at,
  };
  if (!paid) return { pendenza, voce };
  const ccp = createHash('md5').update(`scale-${n}`).digest('hex');
  const euro = (importoCents / 100).toFixed(2);
  const rpp: Row<Rpp> = {
    id,
    dominio: SEED.idDominio,
    iuv,
    ccp,
    pendenza: id,
    stato: 'RT_ACCETTATA_PA',
    esito: 'ESEGUITO',
    importoCents,
    dataPagamento: pagata,
    idPsp: 'ABI03069',
    ragioneSocialePsp: 'Banca di prova',
    idCanale: 'ABI03069_01',
    versione: 'V2',
    standIn: false,
    duplicato: false,
    richiesta: { creditorReferenceId: iuv, paymentAmount: euro, description: pendenza.causale, companyName: 'Ente Creditore Test' },
    ricevuta: {
      receiptId: ccp,
      noticeNumber: numeroAvviso,
      fiscalCode: SEED.idDominio,
      outcome: 'OK',
      creditorReferenceId: iuv,
      paymentAmount: euro,
      description: pendenza.causale,
      companyName: 'Ente Creditore Test',
      idPSP: 'ABI03069',
      pspCompanyName: 'Banca di prova',
      idChannel: 'ABI03069_01',
      debtor: {
        uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: idDebitore },
        fullName: `Debitore ${Math.floor(n / SEED.debtorShare)}`,
      },
      transferList: {
        transfer: [
          {
            idTransfer: 1,
            transferAmount: euro,
            fiscalCodePA: SEED.idDominio,
            IBAN: 'IT02L1234512345123451111111',
            remittanceInformation: `/RFB/${iuv}/${euro}`,
          },
        ],
      },
      paymentDateTime: pagata.toISOString(),
    },
    ricevutaXml: `<receipt><receiptId>${ccp}</receiptId><noticeNumber>${numeroAvviso}</noticeNumber><fiscalCode>${SEED.idDominio}</fiscalCode><outcome>OK</outcome><creditorReferenceId>${iuv}</creditorReferenceId><paymentAmount>${euro}</paymentAmount></receipt>`,
    impronta: createHash('sha256').update(ccp).digest('hex'),
    createdAt: pagata,
    updatedAt: pagata,
  };
  const riscossione: Row<Riscossione> = {
    id,
    dominio: SEED.idDominio,
    iuv,
    iur: ccp,
    indice: 1,
    importoCents,
    tipo: 'ENTRATA',
    stato: 'RISCOSSA',
    data: pagata,
    rpp: id,
    createdAt: pagata,
    updatedAt: pagata,
  };
  return { pendenza, voce, rpp, riscossione };
}

/** A UUID-shaped value unique to pendenza n (random ones would only slow the seeding). */
function uuidOf(n: number): string {
  const h = createHash('md5').update(`uuid-${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
