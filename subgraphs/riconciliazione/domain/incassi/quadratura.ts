import type { EntityManager } from '@mikro-orm/core';
import { Pendenza, Riscossione, Rpp, UnitaOperativa, type TipoRiscossione } from '../../../../schema/entities';
import { errors } from '../../../../core/errors';
import { requireRight, type Principal } from '../../../../core/principal';

export type GruppoQuadratura = 'DOMINIO' | 'UNITA_OPERATIVA' | 'TIPO_PENDENZA' | 'DIVISIONE' | 'DIREZIONE' | 'TASSONOMIA' | 'APPLICAZIONE';

export interface QuadraturaFilter {
  idDominio?: string[] | null;
  idUnita?: string[] | null;
  idTipoPendenza?: string[] | null;
  idA2A?: string[] | null;
  direzione?: string[] | null;
  divisione?: string[] | null;
  tassonomia?: string[] | null;
  tipo?: TipoRiscossione[] | null;
  dataDa?: Date | null;
  dataA?: Date | null;
}

/** One group's totals; the grouping fields not asked for stay undefined. */
export interface QuadraturaView {
  numeroPagamenti: number;
  importoCents: number;
  idDominio?: string | null;
  idUnita?: string | null;
  idTipoPendenza?: string | null;
  divisione?: string | null;
  direzione?: string | null;
  tassonomia?: string | null;
  idA2A?: string | null;
}

type Campo = Exclude<keyof QuadraturaView, 'numeroPagamenti' | 'importoCents'>;

/** Each group: the view's field and its column (r riscossioni, p the pendenza paid, u its unità operativa). */
const GRUPPI: Record<GruppoQuadratura, { campo: Campo; alias: 'r' | 'p' | 'u'; entity: Function; prop: string }> = {
  DOMINIO: { campo: 'idDominio', alias: 'r', entity: Riscossione, prop: 'dominio' },
  UNITA_OPERATIVA: { campo: 'idUnita', alias: 'u', entity: UnitaOperativa, prop: 'idUnita' },
  TIPO_PENDENZA: { campo: 'idTipoPendenza', alias: 'p', entity: Pendenza, prop: 'tipoPendenza' },
  DIVISIONE: { campo: 'divisione', alias: 'p', entity: Pendenza, prop: 'divisione' },
  DIREZIONE: { campo: 'direzione', alias: 'p', entity: Pendenza, prop: 'direzione' },
  TASSONOMIA: { campo: 'tassonomia', alias: 'p', entity: Pendenza, prop: 'tassonomia' },
  APPLICAZIONE: { campo: 'idA2A', alias: 'p', entity: Pendenza, prop: 'applicazione' },
};

const FILTRI: Array<[keyof QuadraturaFilter, GruppoQuadratura]> = [
  ['idDominio', 'DOMINIO'],
  ['idUnita', 'UNITA_OPERATIVA'],
  ['idTipoPendenza', 'TIPO_PENDENZA'],
  ['idA2A', 'APPLICAZIONE'],
  ['direzione', 'DIREZIONE'],
  ['divisione', 'DIVISIONE'],
  ['tassonomia', 'TASSONOMIA'],
];

/**
 * GovPay's quadratura of riscossioni (Backoffice GET /quadrature/riscossioni): count and total of
 * the riscossioni grouped by the pendenza's attributes, computed by the database (one GROUP BY
 * over riscossioni joined through their receipt to the pendenza paid), within the caller's domini.
 */
export async function quadraturaRiscossioni(
  em: EntityManager,
  actor: Principal,
  filter: QuadraturaFilter,
  gruppi: GruppoQuadratura[],
  limit: number,
  offset: number,
): Promise<QuadraturaView[]> {
  requireRight(actor, 'Rendicontazioni e Incassi', 'R');
  if (!gruppi.length) throw errors.syntax('Indicare almeno un gruppo.');
  const meta = em.getMetadata();
  const platform = em.getPlatform();
  const q = (s: string) => platform.quoteIdentifier(s);
  const table = (e: Function) => q(meta.get(e.name).tableName);
  const col = (e: Function, prop: string) => q(meta.get(e.name).properties[prop as never].fieldNames[0]);
  const colOf = (g: GruppoQuadratura) => `${GRUPPI[g].alias}.${col(GRUPPI[g].entity, GRUPPI[g].prop)}`;

  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (expr: string, values: readonly unknown[]) => {
    where.push(values.length ? `${expr} in (${values.map(() => '?').join(', ')})` : '1 = 0');
    params.push(...values);
  };
  if (actor.domini !== '*') inList(colOf('DOMINIO'), actor.domini);
  for (const [field, gruppo] of FILTRI) {
    const values = filter[field] as string[] | null | undefined;
    if (values?.length) inList(colOf(gruppo), values);
  }
  if (filter.tipo?.length) inList(`r.${col(Riscossione, 'tipo')}`, filter.tipo);
  if (filter.dataDa) {
    where.push(`r.${col(Riscossione, 'data')} >= ?`);
    params.push(platform.processDateProperty(filter.dataDa));
  }
  if (filter.dataA) {
    where.push(`r.${col(Riscossione, 'data')} <= ?`);
    params.push(platform.processDateProperty(filter.dataA));
  }
  const unici = [...new Set(gruppi)];
  const select = unici.map((g, i) => `${colOf(g)} as g${i}`);
  const sql =
    `select count(*) as n, sum(r.${col(Riscossione, 'importoCents')}) as importo${select.length ? ', ' : ''}${select.join(', ')}` +
    ` from ${table(Riscossione)} r` +
    ` left join ${table(Rpp)} rp on rp.${col(Rpp, 'id')} = r.${col(Riscossione, 'rpp')}` +
    ` left join ${table(Pendenza)} p on p.${col(Pendenza, 'id')} = rp.${col(Rpp, 'pendenza')}` +
    ` left join ${table(UnitaOperativa)} u on u.${col(UnitaOperativa, 'id')} = p.${col(Pendenza, 'unitaOperativa')}` +
    (where.length ? ` where ${where.join(' and ')}` : '') +
    ` group by ${unici.map(colOf).join(', ')}` +
    ` order by ${unici.map((_, i) => `g${i}`).join(', ')}` +
    ` limit ? offset ?`;
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(sql, [...params, limit, offset], 'all');
  return rows.map((row: Record<string, unknown>) => {
    const v: QuadraturaView = { numeroPagamenti: Number(row.n), importoCents: Number(row.importo ?? 0) };
    unici.forEach((g, i) => {
      v[GRUPPI[g].campo] = row[`g${i}`] === null || row[`g${i}`] === undefined ? null : String(row[`g${i}`]);
    });
    return v;
  });
}
