import { MySqlPlatform } from '@mikro-orm/mysql';
import type { EntityManager } from '@mikro-orm/core';
import { requireRight, type Principal } from '../../../../core/principal';

/** Every dominio, or these (none: the caller sees nothing). */
export type Domini = '*' | string[];

/**
 * The domini whose flows a caller may read, as GovPay decides it: the `Rendicontazioni e Incassi`
 * read right, then the caller's domini (an applicazione's or an operatore's alike), narrowed to
 * those a filter names.
 */
export function dominiVisibili(actor: Principal, richiesti?: readonly string[] | null): Domini {
  requireRight(actor, 'Rendicontazioni e Incassi', 'R');
  if (!richiesti?.length) return actor.domini === '*' ? '*' : [...actor.domini];
  return actor.domini === '*' ? [...richiesti] : richiesti.filter((d) => actor.domini.includes(d));
}

/**
 * The expression that compares a flow's idFlusso (`column`) exactly: MariaDB's collation ignores
 * case by itself, so there it compares bytes.
 */
export function idFlussoEsatto(em: EntityManager, column: string): string {
  return em.getPlatform() instanceof MySqlPlatform ? `binary ${column}` : column;
}

/**
 * The flows (primary keys) with this idFlusso, exact or ignoring case (GovPay's
 * idFlussoCaseInsensitive): read ignoring case on every database, the exact ones kept here.
 */
export async function flussiConIdFlusso(em: EntityManager, idFlusso: string, caseInsensitive: boolean): Promise<number[]> {
  const rows: Array<{ id: number; id_flusso: string }> = await em
    .getConnection()
    .execute('select id, id_flusso from flussi_rendicontazione where lower(id_flusso) = ?', [idFlusso.toLowerCase()], 'all');
  return rows.filter((r) => caseInsensitive || r.id_flusso === idFlusso).map((r) => Number(r.id));
}
