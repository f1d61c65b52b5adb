import type { EntityManager } from '@mikro-orm/core';
import { FlussoRendicontazione } from '../../../../schema/entities';

/** A revision's identity: (idFlusso, dataOraFlusso) within a dominio. */
export const chiaveRevisione = (idFlusso: string, dataOraFlusso: Date): string => `${idFlusso}\u0000${dataOraFlusso.getTime()}`;

/**
 * Which of these flows of a dominio the hub already stored (by chiaveRevisione), so that an
 * acquisition downloads only the new ones. One query per batch of ids.
 */
export async function revisioniNote(em: EntityManager, idDominio: string, idFlussi: string[]): Promise<Set<string>> {
  const note = new Set<string>();
  const unique = [...new Set(idFlussi)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await em
      .fork()
      .find(
        FlussoRendicontazione,
        { dominio: idDominio, idFlusso: { $in: unique.slice(i, i + 500) } },
        { fields: ['idFlusso', 'dataOraFlusso'] },
      );
    for (const r of rows) note.add(chiaveRevisione(r.idFlusso, r.dataOraFlusso));
  }
  return note;
}
