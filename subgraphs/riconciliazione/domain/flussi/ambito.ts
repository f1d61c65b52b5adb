import { MySqlPlatform } from '@mikro-orm/mysql';
import { raw, type EntityManager } from '@mikro-orm/core';
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
 * How a flow's idFlusso is compared: exact, or ignoring case (GovPay's idFlussoCaseInsensitive).
 * MariaDB's collation ignores case by itself, so the exact match compares bytes there. The column
 * expression for `column`, to compare with `valoreIdFlusso`.
 */
export function colonnaIdFlusso(em: EntityManager, column: string, caseInsensitive: boolean): string {
  if (caseInsensitive) return `lower(${column})`;
  return em.getPlatform() instanceof MySqlPlatform ? `binary ${column}` : column;
}

export const valoreIdFlusso = (idFlusso: string, caseInsensitive: boolean): string => (caseInsensitive ? idFlusso.toLowerCase() : idFlusso);

/** The same comparison as a condition of a MikroORM filter on FlussoRendicontazione. */
export function idFlussoWhere(em: EntityManager, idFlusso: string, caseInsensitive: boolean): Record<string, unknown> {
  return {
    [raw((alias: string) => colonnaIdFlusso(em, `${alias}.id_flusso`, caseInsensitive))]: valoreIdFlusso(idFlusso, caseInsensitive),
  };
}
