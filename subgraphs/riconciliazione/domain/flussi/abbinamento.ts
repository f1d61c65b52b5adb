import type { EntityManager } from '@mikro-orm/core';
import type { Segnalazione, StatoRendicontazione } from '../../../../schema/entities';
import { isIuvInterno, type DominioIuv } from './iuv-interno';
import type { PagamentoRendicontato } from './flusso-acquisito';
import {
  importoNonCorrispondente,
  pagamentoNonPresente,
  rendicontazioneDuplicata,
  stornoNonCorrispondente,
  versamentoConPiuVoci,
  versamentoSconosciuto,
} from './segnalazioni';
import { chunks } from '../../../../core/chunks';

/** What a line of a flow matched: its receipt (when one did), its state and its anomalies. */
export interface Abbinamento {
  rppId: number | null;
  stato: StatoRendicontazione;
  segnalazioni: Segnalazione[];
}

interface Ricevuta {
  id: number;
  ccp: string;
  duplicato: boolean;
  importoCents: number;
  /** idTransfer → transferAmount in cents. */
  trasferimenti: Map<number, number>;
}

interface Posizione {
  voci: number;
}

/**
 * Matches every line of a flow to the receipt it settles, GovPay's way: the paid receipt of the
 * dominio's IUV (the one whose receiptId is the line's IUR, else the first that is not a duplicate),
 * then the transfer by the line's indice (no indice: the whole receipt). Receipts and pendenze are
 * read a chunk of IUVs at a time, so a flow of ten thousand lines costs a few dozen queries.
 */
export async function abbina(
  tx: EntityManager,
  dominio: DominioIuv & { idDominio: string },
  pagamenti: readonly PagamentoRendicontato[],
): Promise<Abbinamento[]> {
  const iuvs = [...new Set(pagamenti.map((p) => p.iuv))];
  const ricevute = await ricevuteOf(tx, dominio.idDominio, iuvs);
  const senzaRicevuta = iuvs.filter((iuv) => !ricevute.has(iuv));
  const posizioni = await posizioniOf(tx, dominio.idDominio, senzaRicevuta);
  const viste = new Set<string>();
  return pagamenti.map((p) => {
    const chiave = `${p.iuv}\u0000${p.iur}\u0000${p.indice ?? ''}`;
    const duplicata = viste.has(chiave);
    viste.add(chiave);
    const a = abbinaRiga(dominio, p, ricevute.get(p.iuv), posizioni.get(p.iuv));
    if (duplicata) a.segnalazioni.push(rendicontazioneDuplicata(dominio.idDominio, p.iuv, p.iur, p.indice ?? null));
    if (a.stato !== 'ALTRO_INTERMEDIARIO') a.stato = a.segnalazioni.length ? 'ANOMALA' : 'OK';
    return a;
  });
}

function abbinaRiga(
  dominio: DominioIuv,
  p: PagamentoRendicontato,
  ricevute: Ricevuta[] | undefined,
  posizione: Posizione | undefined,
): Abbinamento {
  const ricevuta = ricevute && (ricevute.find((r) => r.ccp === p.iur) ?? ricevute.find((r) => !r.duplicato) ?? ricevute[0]);
  if (ricevuta) {
    const segnalazioni: Segnalazione[] = [];
    if (p.esito === 3) {
      // The hub records no revocations: whatever a revoked line reports was not revoked here.
      if (p.importoCents !== 0) segnalazioni.push(stornoNonCorrispondente(Math.abs(p.importoCents), 0));
    } else {
      const pagato = p.indice == null ? ricevuta.importoCents : (ricevuta.trasferimenti.get(p.indice) ?? 0);
      if (pagato !== p.importoCents) segnalazioni.push(importoNonCorrispondente(p.importoCents, pagato));
    }
    return { rppId: ricevuta.id, stato: 'OK', segnalazioni };
  }
  if (!posizione && !isIuvInterno(dominio, p.iuv)) return { rppId: null, stato: 'ALTRO_INTERMEDIARIO', segnalazioni: [] };
  if (p.esito === 8 || p.esito === 9) {
    // Paid without an RPT: no receipt is expected, only a single-voce pendenza to settle.
    if (!posizione) return { rppId: null, stato: 'ANOMALA', segnalazioni: [versamentoSconosciuto()] };
    return { rppId: null, stato: 'OK', segnalazioni: posizione.voci === 1 ? [] : [versamentoConPiuVoci()] };
  }
  const dettaglio = posizione ? `La pendenza con IUV ${p.iuv} non ha ricevute di pagamento.` : `Nessuna pendenza con IUV ${p.iuv}.`;
  return { rppId: null, stato: 'ANOMALA', segnalazioni: [pagamentoNonPresente(dettaglio)] };
}

/** The paid receipts of `n` IUVs, with only their transfers of the receipt's JSON (same function on both databases). */
const RICEVUTE = (n: number) =>
  "select id, iuv, ccp, duplicato, importo_cents, json_extract(ricevuta, '$.transferList.transfer') as trasferimenti from rpp" +
  ` where id_dominio = ? and esito = 'ESEGUITO' and iuv in (${Array(n).fill('?').join(', ')}) order by id`;

/** The paid receipts of these IUVs, by IUV. */
async function ricevuteOf(tx: EntityManager, idDominio: string, iuvs: string[]): Promise<Map<string, Ricevuta[]>> {
  const byIuv = new Map<string, Ricevuta[]>();
  for (const part of chunks(iuvs)) {
    const rows: Array<{
      id: number;
      iuv: string;
      ccp: string;
      duplicato: number | boolean;
      importo_cents: number | string;
      trasferimenti: unknown;
    }> = await tx.getConnection().execute(RICEVUTE(part.length), [idDominio, ...part], 'all', tx.getTransactionContext());
    for (const r of rows) {
      const list = byIuv.get(r.iuv) ?? [];
      list.push({
        id: Number(r.id),
        ccp: r.ccp,
        duplicato: !!r.duplicato,
        importoCents: Number(r.importo_cents),
        trasferimenti: trasferimenti(r.trasferimenti),
      });
      byIuv.set(r.iuv, list);
    }
  }
  return byIuv;
}

/**
 * A receipt's transfers in cents by idTransfer, from its transferList (pagoPA's JSON shape, amounts
 * as "10.00"), which the database extracts so that the rest of the receipt stays there.
 */
function trasferimenti(lista: unknown): Map<number, number> {
  const parsed: unknown = typeof lista === 'string' ? JSON.parse(lista) : (lista ?? []);
  const map = new Map<number, number>();
  for (const t of [parsed].flat() as Array<{ idTransfer?: number | string; transferAmount?: string }>) {
    if (t.idTransfer !== undefined && t.transferAmount !== undefined)
      map.set(Number(t.idTransfer), Math.round(Number(t.transferAmount) * 100));
  }
  return map;
}

/** The pendenze of these IUVs with their number of voci, by IUV. */
async function posizioniOf(tx: EntityManager, idDominio: string, iuvs: string[]): Promise<Map<string, Posizione>> {
  const byIuv = new Map<string, Posizione>();
  for (const part of chunks(iuvs)) {
    const rows = await tx
      .getConnection()
      .execute<
        Array<{ iuv: string; voci: number | string }>
      >(`select p.iuv, count(v.id) as voci from pendenze p left join voci_pendenza v on v.pendenza_id = p.id where p.id_dominio = ? and p.iuv in (${part.map(() => '?').join(', ')}) group by p.iuv`, [idDominio, ...part], 'all', tx.getTransactionContext());
    for (const r of rows) byIuv.set(r.iuv, { voci: Number(r.voci) });
  }
  return byIuv;
}
