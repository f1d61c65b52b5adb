import type { EntityManager } from '@mikro-orm/core';

export interface PendenzaKey {
  idA2A: string;
  idPendenza: string;
}

/** What has come in for a pendenza: GovPay's importoPagato, importoIncassato and iuvPagamento. */
export interface Pagato {
  /** Accepted receipts, a duplicate receipt (to be refunded) left out. */
  importoPagatoCents: number;
  /** The receipts' transfers a riconciliazione has covered (riscossioni INCASSATA). */
  importoIncassatoCents: number;
  /** The IUV of the latest accepted receipt. */
  iuvPagamento: string | null;
}

const NIENTE: Pagato = { importoPagatoCents: 0, importoIncassatoCents: 0, iuvPagamento: null };

/** The sum of a pendenza's accepted receipts (`alias` names the pendenze table), a duplicate left out. */
const pagatoSql = (alias: string) =>
  `(select coalesce(sum(r.importo_cents), 0) from rpp r where r.pendenza_id = ${alias}.id and r.esito = 'ESEGUITO' and r.duplicato = 0)`;

/** The sum of a pendenza's transfers a riconciliazione has covered (riscossioni INCASSATA). */
const incassatoSql = (alias: string) =>
  `(select coalesce(sum(s.importo_cents), 0) from riscossioni s join rpp r on s.rpp_id = r.id
    where r.pendenza_id = ${alias}.id and r.duplicato = 0 and s.stato = 'INCASSATA')`;

/**
 * Whether a pendenza is wholly cashed (GovPay's INCASSATA): something came in, and riconciliazioni
 * have covered all of it. A condition on the pendenze table under `alias`.
 */
export const incassataSql = (alias: string) => `(${incassatoSql(alias)} > 0 and ${incassatoSql(alias)} >= ${pagatoSql(alias)})`;

/**
 * The amounts paid and cashed of many pendenze in one query (a page of a list asks for them all at
 * once): sums over the receipts and their riscossioni, computed by the database.
 */
export async function pagatoOf(em: EntityManager, keys: readonly PendenzaKey[]): Promise<Pagato[]> {
  if (!keys.length) return [];
  const where = keys.map(() => '(p.id_a2a = ? and p.id_pendenza = ?)').join(' or ');
  const rows: Array<{ id_a2a: string; id_pendenza: string; pagato: unknown; incassato: unknown; iuv: string | null }> = await em
    .getConnection()
    .execute(
      `select p.id_a2a, p.id_pendenza, ${pagatoSql('p')} as pagato, ${incassatoSql('p')} as incassato,
        (select r.iuv from rpp r where r.pendenza_id = p.id and r.esito = 'ESEGUITO' and r.duplicato = 0
          order by r.data_pagamento desc, r.id desc limit 1) as iuv
       from pendenze p where ${where}`,
      keys.flatMap((k) => [k.idA2A, k.idPendenza]),
      'all',
    );
  const byKey = new Map(
    rows.map((r) => [
      `${r.id_a2a}\u0000${r.id_pendenza}`,
      { importoPagatoCents: Number(r.pagato), importoIncassatoCents: Number(r.incassato), iuvPagamento: r.iuv ?? null },
    ]),
  );
  return keys.map((k) => byKey.get(`${k.idA2A}\u0000${k.idPendenza}`) ?? NIENTE);
}
