import type { EntityManager } from '@mikro-orm/core';
import { MySqlPlatform } from '@mikro-orm/mysql';
import { runStatement } from '../../../core/native-statement';

/** What an operator reads on a pendenza paid after it was cancelled. */
export const PAGAMENTO_DI_ANNULLATA = 'Pagamento acquisito per una pendenza annullata.';

/** The columns a payment sets, each `column = ?` (or a constant), prefixed with the table's alias when the UPDATE joins. */
const pendenzaSet = (p: string, annullata: boolean) =>
  `${p}stato = 'ESEGUITA', ${p}data_pagamento = ?, ${p}descrizione_stato = ?, ${p}updated_at = ?${annullata ? `, ${p}anomalo = ?` : ''}`;
const vociSet = (v: string) => `${v}stato = 'ESEGUITO', ${v}updated_at = ?`;

/**
 * Marks a pendenza paid: ESEGUITA with its dataPagamento (Europe/Rome yyyy-MM-dd) and every voce
 * ESEGUITO. A cancelled pendenza is paid all the same (pagoPA took the money) and flagged anomalo
 * for an operator to refund or reconcile. The pendenze context owns these tables, so the
 * pagamenti context calls this inside its receipt's transaction, with the row locked (`em` must be
 * that transaction's EntityManager). A receipt is the hub's hottest write: on MySQL/MariaDB the
 * pendenza and its voci change in one statement; SQLite has no multi-table UPDATE, and no round
 * trip to save.
 */
export async function registraPagamento(em: EntityManager, pendenzaId: number, dataPagamento: string, annullata: boolean): Promise<void> {
  const updatedAt = new Date();
  const values = annullata ? [dataPagamento, PAGAMENTO_DI_ANNULLATA, updatedAt, true] : [dataPagamento, null, updatedAt];
  if (em.getPlatform() instanceof MySqlPlatform) {
    const sql = `update pendenze p left join voci_pendenza v on v.pendenza_id = p.id set ${pendenzaSet('p.', annullata)}, ${vociSet('v.')} where p.id = ?`;
    await runStatement(em, sql, [...values, updatedAt, pendenzaId], 'run');
    return;
  }
  await runStatement(em, `update pendenze set ${pendenzaSet('', annullata)} where id = ?`, [...values, pendenzaId], 'run');
  await runStatement(em, `update voci_pendenza set ${vociSet('')} where pendenza_id = ?`, [updatedAt, pendenzaId], 'run');
}
