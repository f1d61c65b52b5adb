import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../../../../core/principal';
import { dominiVisibili } from './ambito';
import { condizioni, FROM, type RendicontazioniFilter } from './rendicontazioni-query';

/** GovPay's groupings of /quadrature/rendicontazioni. */
export type GruppoQuadratura = 'FLUSSO_RENDICONTAZIONE' | 'DIVISIONE' | 'DIREZIONE';

export interface QuadraturaView {
  numeroPagamenti: number;
  importoCents: number;
  flussoPk: number | null;
  divisione: string | null;
  direzione: string | null;
}

/** Each grouping's column; divisione and direzione are the paid pendenza's, through the line's receipt. */
const COLONNE: Record<GruppoQuadratura, { expr: string; alias: string }> = {
  FLUSSO_RENDICONTAZIONE: { expr: 'r.flusso_id', alias: 'flusso_id' },
  DIVISIONE: { expr: 'p.divisione', alias: 'divisione' },
  DIREZIONE: { expr: 'p.direzione', alias: 'direzione' },
};

/**
 * Totals of the lines the caller may see (of the flows' latest revisions unless the filter says
 * otherwise), grouped in SQL: one row per group, ordered by the groups.
 */
export async function quadraturaRendicontazioni(
  em: EntityManager,
  actor: Principal,
  filter: RendicontazioniFilter,
  gruppi: readonly GruppoQuadratura[],
  limit: number,
  offset: number,
): Promise<QuadraturaView[]> {
  const c = condizioni(em, dominiVisibili(actor, filter.idDominio), filter, !filter.incluseObsolete);
  const cols = [...new Set(gruppi)].map((g) => COLONNE[g]);
  const select = ['count(*) as n', 'coalesce(sum(r.importo_cents), 0) as importo', ...cols.map((g) => `${g.expr} as ${g.alias}`)].join(
    ', ',
  );
  const group = cols.length ? ` group by ${cols.map((g) => g.expr).join(', ')} order by ${cols.map((g) => g.expr).join(', ')}` : '';
  const sql =
    `select ${select} ${FROM} left join rpp x on x.id = r.rpp_id left join pendenze p on p.id = x.pendenza_id` +
    ` where ${c.sql}${group} limit ? offset ?`;
  const rows: Array<Record<string, unknown>> = await em.getConnection().execute(sql, [...c.params, limit, offset], 'all');
  return rows
    .filter((r) => cols.length || Number(r.n) > 0)
    .map((r) => ({
      numeroPagamenti: Number(r.n),
      importoCents: Number(r.importo),
      flussoPk: r.flusso_id == null ? null : Number(r.flusso_id),
      divisione: (r.divisione as string | null | undefined) ?? null,
      direzione: (r.direzione as string | null | undefined) ?? null,
    }));
}
