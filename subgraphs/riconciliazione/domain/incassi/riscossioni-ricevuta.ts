import type { EntityManager } from '@mikro-orm/core';
import { Dominio, Riscossione, type TipoRiscossione } from '../../../../schema/entities';
import { perDatabase } from '../../../../core/per-database';
import { RowInserter } from '../../../../core/row-inserter';

/** One transfer of an accepted receipt, as the station read it. */
export interface TrasferimentoRiscosso {
  /** The transfer's creditor (fiscalCodePA). */
  idDominio: string;
  importoCents: number;
  /** A marca da bollo transfer (MBDAttachment). */
  bollo: boolean;
}

/** An accepted, paid receipt: what its riscossioni record. */
export interface RicevutaRiscossa {
  idDominio: string;
  iuv: string;
  /** The receipt's IUR (its receiptId in pagoPA's new model). */
  iur: string;
  /** When the PSP took the money. */
  data: Date;
  /** The receipt's row (rpp). */
  rppId: number;
  trasferimenti: TrasferimentoRiscosso[];
}

const COLUMNS = ['dominio', 'iuv', 'iur', 'indice', 'importoCents', 'tipo', 'stato', 'data', 'rpp', 'createdAt', 'updatedAt'] as const;
// The receipt path is hot: the riscossioni go in with one compiled multi-row INSERT.
const inserter = (em: EntityManager) =>
  perDatabase(em, 'riconciliazione.riscossioni.inserter', () => new RowInserter(em, Riscossione, COLUMNS));

/**
 * GovPay's tipo of a transfer: a marca da bollo is MBT; money for the receipt's own Ente, or for
 * another Ente the hub intermediates, is ENTRATA; for an Ente the hub knows but does not
 * intermediate ENTRATA_PA_NON_INTERMEDIATA; for a creditor the hub does not know at all
 * ALTRO_INTERMEDIARIO (someone else reports and reconciles it).
 */
async function tipiOf(em: EntityManager, r: RicevutaRiscossa): Promise<TipoRiscossione[]> {
  const altri = [...new Set(r.trasferimenti.filter((t) => !t.bollo && t.idDominio !== r.idDominio).map((t) => t.idDominio))];
  const noti = altri.length
    ? new Map(
        (await em.find(Dominio, { idDominio: { $in: altri } }, { fields: ['intermediato'] })).map((d) => [d.idDominio, d.intermediato]),
      )
    : new Map<string, boolean>();
  return r.trasferimenti.map((t) => {
    if (t.bollo) return 'MBT';
    if (t.idDominio === r.idDominio) return 'ENTRATA';
    const intermediato = noti.get(t.idDominio);
    if (intermediato === undefined) return 'ALTRO_INTERMEDIARIO';
    return intermediato ? 'ENTRATA' : 'ENTRATA_PA_NON_INTERMEDIATA';
  });
}

/**
 * Records the riscossioni of a receipt the station just accepted, inside the receipt's own
 * transaction: one per transfer, RISCOSSA, indice from 1. The station calls it only for a receipt
 * it records for the first time, so a receipt delivered again records nothing twice (and the
 * unique key (dominio, iuv, iur, indice) would refuse it anyway).
 */
export async function registraRiscossioni(em: EntityManager, r: RicevutaRiscossa): Promise<void> {
  if (!r.trasferimenti.length) return;
  const tipi = await tipiOf(em, r);
  const now = new Date();
  await inserter(em).insert(
    em,
    r.trasferimenti.map((t, i) => ({
      dominio: r.idDominio,
      iuv: r.iuv,
      iur: r.iur,
      indice: i + 1,
      importoCents: t.importoCents,
      tipo: tipi[i],
      stato: 'RISCOSSA',
      data: r.data,
      rpp: r.rppId,
      createdAt: now,
      updatedAt: now,
    })),
  );
}
