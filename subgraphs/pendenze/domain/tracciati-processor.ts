import { UniqueConstraintViolationException, type EntityManager, type Transaction } from '@mikro-orm/core';
import {
  OperazioneTracciato,
  ParteTracciato,
  TracciatoPendenze,
  type EsitoOperazione,
  type StatoOperazione,
  type TipoOperazione,
} from '../../../schema/entities';
import { DomainError, errors, type FaultBean } from '../../../core/errors';
import type { Logger } from '../../../core/logger';
import { centsToEuro } from '../../../core/money';
import type { Principal } from '../../../core/principal';
import { RowInserter } from '../../../core/row-inserter';
import { ids } from './inputs';
import { transaction } from '../../../core/transaction';
import { enqueue, signalCommitted } from '../../../schema/outbox';
import { eventiPendenze } from './eventi';
import { releaseNumeriAvviso, takeNumeriAvviso, type GeneratedNumero, type NumberingPlan } from './numero-avviso';
import { newPendenza, pendenzaInserts, type NewPendenza } from './pendenza-rows';
import { PendenzeService, type PreparedPendenza } from './pendenze';
import { referenceCache } from './references';

/** Rows processed per transaction: large enough for multi-row INSERTs, small enough to show progress. */
const CHUNK = 500;

/** Another instance took the tracciato over (our lease expired): stop without writing. */
export class LeaseLost extends Error {}

interface Esito {
  numero: number;
  tipo: TipoOperazione;
  richiesta: unknown;
  idA2A?: string;
  idPendenza?: string;
  stato: StatoOperazione;
  esito: EsitoOperazione;
  descrizioneEsito: string;
  numeroAvviso?: string;
  dati?: Record<string, unknown>;
}

/** A row of the chunk being processed, with what is known of it so far. */
interface Riga {
  numero: number;
  richiesta: unknown;
  tipo: TipoOperazione;
  idA2A?: string;
  idPendenza?: string;
  prepared?: PreparedPendenza;
  esito?: Esito;
}

const OK = 'Operazione completata con successo';

/**
 * Processes one tracciato that this instance holds the lease of, from its cursor to the end, a
 * chunk at a time. New pendenze of a chunk are written with multi-row INSERTs in the same
 * transaction as their outcomes and the moved cursor, so a crash never loses or repeats them;
 * rows that update, cancel or carry files go through the one-by-one path of the API.
 */
export class TracciatoProcessor {
  private parte?: { prima: number; righe: unknown[] };

  constructor(
    private readonly root: EntityManager,
    private readonly log: Logger,
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  /** Runs to the end, or until `stopping()` says the instance is shutting down (the lease is then handed back). */
  async run(id: number, stopping: () => boolean = () => false): Promise<void> {
    for (;;) {
      const em = this.root.fork();
      const t = await em.findOneOrFail(TracciatoPendenze, { id });
      if (t.leaseOwner !== this.owner) throw new LeaseLost(`tracciato ${id} taken over by ${t.leaseOwner ?? 'nobody'}`);
      if (t.prossimaOperazione > t.operazioniTotali) {
        await this.finish(em, t);
        return;
      }
      if (stopping()) {
        // Expired at once, so that the next instance to look (or this one restarted) resumes it.
        await em.nativeUpdate(TracciatoPendenze, { id, leaseOwner: this.owner }, { leaseScadenza: new Date(), updatedAt: new Date() });
        return;
      }
      await this.chunk(em, t);
    }
  }

  private async chunk(em: EntityManager, t: TracciatoPendenze): Promise<void> {
    await referenceCache(em).refresh(em);
    const righe = await this.righe(em, t);
    // The uploader's rights as they are now, not at upload: a revoked scope fails the rows left, a disabled uploader all of them.
    const principal = await referenceCache(em)
      .rights(em, t.caricatoDa as unknown as Principal)
      .catch((e: unknown) => {
        if (!(e instanceof DomainError)) throw e;
        for (const r of righe) r.esito ??= failed(r, e, this.log);
        return t.caricatoDa as unknown as Principal;
      });
    // Rows announce their changes in the bulk lane: a tracciato of thousands must not flood subscribers.
    const service = new PendenzeService(em, principal, 'in-blocco');
    for (const r of righe) if (r.tipo === 'ADD' && !r.esito) await this.prepare(service, r, t.idTipoPendenza);

    const prepared = righe.filter((r) => r.prepared) as Array<Riga & { idA2A: string; idPendenza: string }>;
    const existing = await idsByKey(em, prepared);
    const fast = new Set<Riga>(prepared.filter((r) => !r.prepared?.supplied && !r.prepared?.input.allegati?.length && !existing.has(key(r))));
    for (const r of righe) if (!r.esito && !fast.has(r)) r.esito = await this.oneByOne(service, r, t.dominio.idDominio);

    const numbered = await this.number(em, fast);
    try {
      await this.commit(em, t, righe, numbered);
    } catch (e) {
      this.release(em, numbered);
      if (!(e instanceof UniqueConstraintViolationException)) throw e;
      // A concurrent load took one of the keys or numbers: those rows go one by one.
      for (const r of fast) r.esito = await this.oneByOne(service, r, t.dominio.idDominio);
      await this.commit(em, t, righe, []);
    }
    const done = righe[righe.length - 1].numero;
    this.log.info(
      { tracciato: t.id, done, total: t.operazioniTotali, ok: t.operazioniEseguite, failed: t.operazioniFallite },
      `tracciato ${t.id}: ${done}/${t.operazioniTotali} rows`,
    );
  }

  /** The chunk's rows from the cursor: within one part, and cut before a key seen earlier in it. */
  private async righe(em: EntityManager, t: TracciatoPendenze): Promise<Riga[]> {
    const cursor = t.prossimaOperazione;
    if (!this.parte || cursor < this.parte.prima || cursor >= this.parte.prima + this.parte.righe.length) {
      const p = await em.findOneOrFail(
        ParteTracciato,
        { tracciato: t.id, primaOperazione: { $lte: cursor } },
        { orderBy: { primaOperazione: 'DESC' }, populate: ['contenuto'] },
      );
      this.parte = { prima: p.primaOperazione, righe: JSON.parse(p.contenuto) as unknown[] };
    }
    const { prima, righe } = this.parte;
    const out: Riga[] = [];
    const seen = new Set<string>();
    for (let i = cursor - prima; i < righe.length && out.length < CHUNK; i++) {
      const r = riga(cursor + out.length, righe[i], t.inserimenti);
      if (r.idPendenza !== undefined) {
        // Rows of one chunk run in no set order, so a key repeated starts the next chunk instead.
        if (seen.has(key(r))) break;
        seen.add(key(r));
      }
      out.push(r);
    }
    return out;
  }

  private async prepare(service: PendenzeService, r: Riga, idTipoPendenza: string | null | undefined): Promise<void> {
    // The tipo pendenza named in the upload's path applies to the rows that name none.
    const row = r.richiesta as Record<string, unknown>;
    const input = idTipoPendenza && row.idTipoPendenza === undefined ? { ...row, idTipoPendenza } : row;
    try {
      r.prepared = await service.prepare(r.idA2A as string, r.idPendenza as string, input);
    } catch (e) {
      r.esito = failed(r, e, this.log);
    }
  }

  /** A row through the API's own path: an update, an annullamento, a pendenza with files or its own number. */
  private async oneByOne(service: PendenzeService, r: Riga, idDominio: string): Promise<Esito> {
    try {
      if (r.tipo === 'DEL') {
        const motivo = (r.richiesta as { motivoAnnullamento?: unknown }).motivoAnnullamento;
        const p = await service.patch(r.idA2A as string, r.idPendenza as string, [
          { op: 'REPLACE', path: '/stato', value: 'ANNULLATA' },
          { op: 'REPLACE', path: '/descrizioneStato', value: motivo },
        ]);
        return done(r, 'DEL_OK', p, 'Annullato');
      }
      const { value } = await service.write(r.prepared as PreparedPendenza);
      return done(r, 'ADD_OK', { ...value, idDominio });
    } catch (e) {
      return failed(r, e, this.log);
    }
  }

  /** Numbers for the new pendenze, taken in one block per numbering plan. */
  private async number(em: EntityManager, fast: Iterable<Riga>): Promise<Array<{ r: Riga; plan: NumberingPlan; numero: GeneratedNumero }>> {
    const byPlan = new Map<string, Riga[]>();
    for (const r of fast) {
      const plan = r.prepared?.plan as NumberingPlan;
      const k = `${plan.dominio.idDominio}|${plan.prefisso}`;
      byPlan.set(k, [...(byPlan.get(k) ?? []), r]);
    }
    const out: Array<{ r: Riga; plan: NumberingPlan; numero: GeneratedNumero }> = [];
    for (const group of byPlan.values()) {
      const plan = group[0].prepared?.plan as NumberingPlan;
      const numeri = await takeNumeriAvviso(em, plan, group.length);
      group.forEach((r, i) => out.push({ r, plan, numero: numeri[i] }));
    }
    return out;
  }

  private release(em: EntityManager, numbered: Array<{ plan: NumberingPlan; numero: GeneratedNumero }>): void {
    for (const { plan, numero } of numbered) releaseNumeriAvviso(em, plan, [numero]);
  }

  /**
   * One transaction: the chunk's new pendenze, every row's outcome, the tracciato's counters and
   * cursor, and one job announcing the new pendenze (the rows written one by one announced theirs).
   */
  private async commit(em: EntityManager, t: TracciatoPendenze, righe: Riga[], numbered: Array<{ r: Riga; numero: GeneratedNumero }>): Promise<void> {
    const rows = numbered.map(({ r, numero }) => ({ r, p: newPendenza(r.prepared as PreparedPendenza, numero) }));
    for (const { r, p } of rows) r.esito = done(r, 'ADD_OK', { ...p.fields, idDominio: p.keys.dominio, importo: centsToEuro(p.fields.importoCents) });
    const esiti = righe.map((r) => r.esito as Esito);
    const ok = esiti.filter((e) => e.stato === 'ESEGUITO').length;
    await transaction(em, async (tx) => {
      const ctx = tx.getTransactionContext() as Transaction;
      if (rows.length) {
        await insertNew(tx, rows.map((x) => x.p), ctx);
        const nuove = rows.map(({ p }) => ({
          idDominio: p.keys.dominio,
          idA2A: p.keys.idA2A,
          idPendenza: p.fields.idPendenza,
          idTipoPendenza: p.keys.tipoPendenza,
          stato: p.fields.stato,
        }));
        await enqueue(tx, [eventiPendenze(nuove, `eventi:tracciato:${t.id}:${righe[0].numero}`)], ctx);
      }
      await new RowInserter(tx, OperazioneTracciato, ESITO_COLUMNS).insert(tx, esiti.map((e) => ({ ...e, tracciato: t.id })), ctx);
      const moved = await tx.nativeUpdate(
        TracciatoPendenze,
        { id: t.id, leaseOwner: this.owner },
        {
          prossimaOperazione: righe[righe.length - 1].numero + 1,
          operazioniEseguite: t.operazioniEseguite + ok,
          operazioniFallite: t.operazioniFallite + esiti.length - ok,
          leaseScadenza: new Date(Date.now() + this.leaseMs),
          updatedAt: new Date(),
        },
      );
      if (moved !== 1) throw new LeaseLost(`tracciato ${t.id}: lease lost`);
    });
    t.operazioniEseguite += ok;
    t.operazioniFallite += esiti.length - ok;
    if (rows.length) signalCommitted(em, ['EVENTI']);
  }

  private async finish(em: EntityManager, t: TracciatoPendenze): Promise<void> {
    await em.nativeUpdate(
      TracciatoPendenze,
      { id: t.id, leaseOwner: this.owner },
      {
        stato: t.operazioniFallite ? 'ESEGUITO_CON_ERRORI' : 'ESEGUITO',
        descrizioneStato: t.operazioniFallite ? `${t.operazioniFallite} operazioni su ${t.operazioniTotali} non riuscite` : null,
        dataCompletamento: new Date(),
        leaseOwner: null,
        leaseScadenza: null,
        updatedAt: new Date(),
      },
    );
    this.log.info({ tracciato: t.id, ok: t.operazioniEseguite, failed: t.operazioniFallite }, `tracciato ${t.id} processed`);
  }
}

const ESITO_COLUMNS = ['tracciato', 'numero', 'tipo', 'richiesta', 'idA2A', 'idPendenza', 'stato', 'esito', 'descrizioneEsito', 'numeroAvviso', 'dati'] as const;

const key = (r: { idA2A?: string; idPendenza?: string }) => `${r.idA2A}\u0000${r.idPendenza}`;

/** Reads a stored row: what it is and whose pendenza it names; a row naming none is NON_VALIDA. */
function riga(numero: number, richiesta: unknown, inserimenti: number): Riga {
  const tipo: TipoOperazione = numero <= inserimenti ? 'ADD' : 'DEL';
  const o = (richiesta && typeof richiesta === 'object' ? richiesta : {}) as { idA2A?: unknown; idPendenza?: unknown };
  // Checked against GovPay's patterns here: an id longer than its column would stop the whole tracciato.
  const valid = ids.idA2A.safeParse(o.idA2A).success && ids.idPendenza.safeParse(o.idPendenza).success;
  const r: Riga = { numero, richiesta, tipo, idA2A: valid ? (o.idA2A as string) : undefined, idPendenza: valid ? (o.idPendenza as string) : undefined };
  if (!valid) {
    const fault = errors.syntax(`L'operazione ${numero} del tracciato non indica idA2A e idPendenza validi della pendenza.`).fault;
    r.tipo = 'NON_VALIDA';
    r.esito = { ...base(r), stato: 'NON_VALIDO', esito: 'NON_VALIDA', descrizioneEsito: fault.dettaglio as string, dati: { ...fault } };
  } else if (tipo === 'DEL' && typeof (richiesta as { motivoAnnullamento?: unknown }).motivoAnnullamento !== 'string') {
    const fault = errors.syntax(`Il campo motivoAnnullamento dell'operazione ${numero} non deve essere vuoto.`).fault;
    r.esito = { ...base(r), stato: 'NON_VALIDO', esito: 'DEL_KO', descrizioneEsito: fault.dettaglio as string, dati: { ...fault } };
  }
  return r;
}

const base = (r: Riga) => ({ numero: r.numero, tipo: r.tipo, richiesta: r.richiesta, idA2A: r.idA2A, idPendenza: r.idPendenza });

/** A row done: the pendenza's avviso as its data, as GovPay reports it. */
function done(
  r: Riga,
  esito: 'ADD_OK' | 'DEL_OK',
  p: {
    idDominio: string;
    importo: number;
    causale: string;
    numeroAvviso?: string | null;
    dataValidita?: string | null;
    dataScadenza?: string | null;
    tassonomiaAvviso?: string | null;
  },
  stato: 'Non pagato' | 'Annullato' = 'Non pagato',
): Esito {
  const avviso = {
    stato,
    importo: p.importo,
    idDominio: p.idDominio,
    numeroAvviso: p.numeroAvviso,
    ...(p.dataValidita ? { dataValidita: p.dataValidita } : {}),
    ...(p.dataScadenza ? { dataScadenza: p.dataScadenza } : {}),
    descrizione: p.causale,
    ...(p.tassonomiaAvviso ? { tassonomiaAvviso: p.tassonomiaAvviso } : {}),
  };
  return { ...base(r), stato: 'ESEGUITO', esito, descrizioneEsito: OK, numeroAvviso: p.numeroAvviso ?? undefined, dati: avviso };
}

/** A row that failed: GovPay's fault as its data; a syntax error makes it NON_VALIDO, anything else SCARTATO. */
function failed(r: Riga, e: unknown, log: Logger): Esito {
  let fault: FaultBean;
  if (e instanceof DomainError) fault = e.fault;
  else {
    log.error({ err: e, numero: r.numero }, 'tracciato row failed unexpectedly');
    fault = errors.internal().fault;
  }
  return {
    ...base(r),
    stato: fault.codice === 'SINTASSI' ? 'NON_VALIDO' : 'SCARTATO',
    esito: r.tipo === 'DEL' ? 'DEL_KO' : 'ADD_KO',
    descrizioneEsito: fault.dettaglio ?? fault.descrizione,
    dati: { ...fault },
  };
}

/** The ids of the pendenze that exist among these keys (idA2A, idPendenza): one query per applicazione. */
async function idsByKey(em: EntityManager, keys: Array<{ idA2A: string; idPendenza: string }>, ctx?: Transaction): Promise<Map<string, number>> {
  const byA2A = new Map<string, string[]>();
  for (const k of keys) byA2A.set(k.idA2A, [...(byA2A.get(k.idA2A) ?? []), k.idPendenza]);
  const ids = new Map<string, number>();
  for (const [idA2A, idPendenze] of byA2A) {
    const rows = await em
      .getConnection()
      .execute<Array<{ id: number; id_pendenza: string }>>(
        `select id, id_pendenza from pendenze where id_a2a = ? and id_pendenza in (${idPendenze.map(() => '?').join(', ')})`,
        [idA2A, ...idPendenze],
        'all',
        ctx,
      );
    for (const row of rows) ids.set(key({ idA2A, idPendenza: row.id_pendenza }), Number(row.id));
  }
  return ids;
}

/** New pendenze in multi-row INSERTs; their ids are read back by key to attach the voci. */
async function insertNew(em: EntityManager, rows: NewPendenza[], ctx: Transaction): Promise<void> {
  const inserts = pendenzaInserts(em);
  await inserts.pendenze.insert(em, rows.map((p) => inserts.pendenzaRow(p)), ctx);
  const keyOf = (p: NewPendenza) => ({ idA2A: p.keys.idA2A, idPendenza: p.fields.idPendenza });
  const ids = await idsByKey(em, rows.map(keyOf), ctx);
  await inserts.insertVoci(em, rows.map((p) => ({ id: ids.get(key(keyOf(p))) as number, p })), ctx);
}

