import type { EntityManager, EntityProperty } from '@mikro-orm/core';
import { OutboxJob, type TipoOutbox } from '../../../schema/entities';
import { perDatabase } from '../../../core/per-database';

/** A job as the worker needs it: what to do, and its count of attempts. */
export interface OutboxRow {
  id: number;
  tipo: TipoOutbox;
  chiave: string;
  payload: Record<string, unknown>;
  tentativi: number;
}

/** Which tipi a claim takes: these, or every tipo but these. */
export type Lane = { tipi: TipoOutbox[] } | { not: TipoOutbox[] };

/** A failed attempt, as recorded on its job. */
export interface Failure {
  tentativi: number;
  prossimoTentativo: Date;
  ultimoErrore: string;
}

type Column =
  | 'id'
  | 'tipo'
  | 'chiave'
  | 'payload'
  | 'stato'
  | 'tentativi'
  | 'prossimoTentativo'
  | 'leaseOwner'
  | 'leaseScadenza'
  | 'ultimoErrore'
  | 'eseguitoIl'
  | 'updatedAt';
const COLUMNS: readonly Column[] = [
  'id',
  'tipo',
  'chiave',
  'payload',
  'stato',
  'tentativi',
  'prossimoTentativo',
  'leaseOwner',
  'leaseScadenza',
  'ultimoErrore',
  'eseguitoIl',
  'updatedAt',
];

/**
 * The outbox worker's statements, compiled once from OutboxJob's metadata: the worker takes,
 * finishes and hands back hundreds of jobs a second, and through the unit of work each of those
 * cost several times the statement itself (hydrating, diffing, a statement per row). They write
 * exactly what the ORM path wrote (test/outbox-rows.test.ts compares them): dates and JSON as
 * MikroORM converts them, every condition of the lease kept.
 */
export class OutboxRows {
  private readonly table: string;
  private readonly col: Record<Column, string>;

  constructor(em: EntityManager) {
    const meta = em.getMetadata().get(OutboxJob.name);
    const platform = em.getPlatform();
    this.table = platform.quoteIdentifier(meta.tableName);
    this.col = Object.fromEntries(
      COLUMNS.map((name) => [name, platform.quoteIdentifier((meta.properties[name] as EntityProperty).fieldNames[0])]),
    ) as Record<Column, string>;
  }

  /**
   * Takes up to `max` due jobs of a lane, in id order, with one UPDATE of all the candidates; the
   * UPDATE repeats the claimable condition, so when instances race for a job exactly one takes
   * it. `token` marks this claim's lease alone: when another instance won some candidates, the
   * rows this claim won are read back by it.
   */
  async claim(em: EntityManager, lane: Lane, token: string, now: Date, leaseUntil: Date, max: number): Promise<OutboxRow[]> {
    const c = this.col;
    const [tipo, tipi] = 'tipi' in lane ? ['in', lane.tipi] : ['not in', lane.not];
    const claimable = `${c.tipo} ${tipo} (${marks(tipi)}) and ${c.stato} = ? and ${c.prossimoTentativo} <= ? and (${c.leaseScadenza} is null or ${c.leaseScadenza} < ?)`;
    const claimableParams = [...tipi, 'DA_ESEGUIRE', this.date(em, now), this.date(em, now)];
    const fields = `${c.id} as id, ${c.tipo} as tipo, ${c.chiave} as chiave, ${c.payload} as payload, ${c.tentativi} as tentativi`;
    const candidates = await this.all(
      em,
      `select ${fields} from ${this.table} where ${claimable} order by ${c.id} limit ${Math.floor(max)}`,
      claimableParams,
    );
    if (!candidates.length) return [];
    const ids = candidates.map((r) => Number(r.id));
    const taken = await this.run(
      em,
      `update ${this.table} set ${c.leaseOwner} = ?, ${c.leaseScadenza} = ?, ${c.updatedAt} = ? where ${c.id} in (${marks(ids)}) and ${claimable}`,
      [token, this.date(em, leaseUntil), this.date(em, now), ...ids, ...claimableParams],
    );
    if (taken === candidates.length) return candidates.map(row);
    if (!taken) return [];
    const won = await this.all(em, `select ${c.id} as id from ${this.table} where ${c.id} in (${marks(ids)}) and ${c.leaseOwner} = ?`, [
      ...ids,
      token,
    ]);
    const wonIds = new Set(won.map((r) => Number(r.id)));
    return candidates.filter((r) => wonIds.has(Number(r.id))).map(row);
  }

  /** Records these jobs done, if `token` still holds their lease: one UPDATE per count of attempts (almost always one). */
  async done(em: EntityManager, jobs: Array<Pick<OutboxRow, 'id' | 'tentativi'>>, token: string, now: Date): Promise<void> {
    const c = this.col;
    for (const [tentativi, ids] of byTentativi(jobs)) {
      await this.run(
        em,
        `update ${this.table} set ${c.stato} = ?, ${c.tentativi} = ?, ${c.eseguitoIl} = ?, ${c.leaseOwner} = null, ${c.leaseScadenza} = null, ${c.updatedAt} = ? where ${c.id} in (${marks(ids)}) and ${c.leaseOwner} = ?`,
        ['ESEGUITO', tentativi + 1, this.date(em, now), this.date(em, now), ...ids, token],
      );
    }
  }

  /** Records a failed attempt of these jobs and frees them for the retry, if `token` still holds their lease. */
  async failed(em: EntityManager, ids: number[], failure: Failure, token: string, now: Date): Promise<void> {
    const c = this.col;
    await this.run(
      em,
      `update ${this.table} set ${c.tentativi} = ?, ${c.prossimoTentativo} = ?, ${c.ultimoErrore} = ?, ${c.leaseOwner} = null, ${c.leaseScadenza} = null, ${c.updatedAt} = ? where ${c.id} in (${marks(ids)}) and ${c.leaseOwner} = ?`,
      [failure.tentativi, this.date(em, failure.prossimoTentativo), failure.ultimoErrore, this.date(em, now), ...ids, token],
    );
  }

  /** Hands jobs back untouched (a stop cut their work short): the next look takes them again. */
  async handBack(em: EntityManager, ids: number[], token: string, now: Date): Promise<void> {
    const c = this.col;
    await this.run(
      em,
      `update ${this.table} set ${c.leaseOwner} = null, ${c.leaseScadenza} = null, ${c.updatedAt} = ? where ${c.id} in (${marks(ids)}) and ${c.leaseOwner} = ?`,
      [this.date(em, now), ...ids, token],
    );
  }

  /** Moves the lease of jobs still being worked on. */
  async extend(em: EntityManager, ids: number[], token: string, leaseUntil: Date): Promise<void> {
    const c = this.col;
    await this.run(em, `update ${this.table} set ${c.leaseScadenza} = ? where ${c.id} in (${marks(ids)}) and ${c.leaseOwner} = ?`, [
      this.date(em, leaseUntil),
      ...ids,
      token,
    ]);
  }

  private date(em: EntityManager, d: Date): unknown {
    return em.getPlatform().processDateProperty(d);
  }

  private async all(em: EntityManager, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    try {
      return await em.getConnection().execute<Record<string, unknown>[]>(sql, params, 'all');
    } catch (e) {
      throw em.getDriver().convertException(e as Error);
    }
  }

  /** Runs a write; returns the rows it changed. */
  private async run(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
    try {
      const res = await em.getConnection().execute<{ affectedRows: number }>(sql, params, 'run');
      return res.affectedRows;
    } catch (e) {
      throw em.getDriver().convertException(e as Error);
    }
  }
}

/** The compiled statements of this database's outbox. */
export const outboxRows = (em: EntityManager): OutboxRows => perDatabase(em, 'outbox.rows', () => new OutboxRows(em));

const marks = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

function row(r: Record<string, unknown>): OutboxRow {
  return {
    id: Number(r.id),
    tipo: r.tipo as TipoOutbox,
    chiave: String(r.chiave),
    // A JSON column reads back as text on SQLite and MariaDB (LONGTEXT), as a document on MySQL.
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : (r.payload as Record<string, unknown>),
    tentativi: Number(r.tentativi),
  };
}

/** The jobs' ids by their count of attempts. */
function byTentativi(jobs: Array<Pick<OutboxRow, 'id' | 'tentativi'>>): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const j of jobs) groups.set(j.tentativi, [...(groups.get(j.tentativi) ?? []), j.id]);
  return groups;
}
