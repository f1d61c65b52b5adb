import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { MySqlPlatform } from '@mikro-orm/mysql';
import { PagamentoPortale, PagamentoPortalePendenza, Pendenza, type StatoPagamento } from '../../../../schema/entities';
import type { DomainError } from '../../../../core/errors';
import type { Principal } from '../../../../core/principal';
import { transaction } from '../../../../core/transaction';
import { outboxSignal } from '../outbox';
import { checkPagabile, type VoceCarrello } from './carrello';
import { erroriPagamento } from './errori';
import type { NuovoPagamento } from './nuovo-pagamento';
import { annunciaSessione } from './sessione';

/** A session about to be written: who started it, what it asked, its ids. */
export interface NuovaSessione {
  idPagamento: string;
  idSession: string;
  nome: string;
  input: NuovoPagamento;
  avviatoDa: { tipo: Principal['kind']; id: string };
  scadenza: Date;
}

/** The in-progress session holding any of these pendenze, if one does. */
export async function sessioneCheTiene(
  em: EntityManager,
  pendenzaIds: number[],
): Promise<{ sessione: PagamentoPortale; voce: PagamentoPortalePendenza } | null> {
  const voce = await em.findOne(
    PagamentoPortalePendenza,
    { pendenza: { $in: pendenzaIds }, inCorso: true },
    { populate: ['pagamento.pendenze'] },
  );
  return voce ? { sessione: voce.pagamento, voce } : null;
}

/**
 * The same cart asked again by the same caller for the same portal session while its session is
 * in progress (a double click, a page reloaded): that session is the answer, not a second one.
 */
export function stessoCarrello(s: PagamentoPortale, nuova: NuovaSessione, voci: VoceCarrello[]): boolean {
  const tenute = s.pendenze.getItems().sort((a, b) => a.indice - b.indice);
  return (
    s.avviatoDaTipo === nuova.avviatoDa.tipo &&
    s.avviatoDa === nuova.avviatoDa.id &&
    (s.idSessionePortale ?? null) === (nuova.input.idSessionePortale ?? null) &&
    tenute.length === voci.length &&
    tenute.every((t, i) => t.pendenza.id === voci[i].pendenzaId)
  );
}

/**
 * Writes the session that Checkout opened, holding its pendenze: under their locks (so a receipt
 * or another session on one of them takes turns with it), each is checked payable and free again.
 * Two identical carts started at once give one session; the unique hold on a pendenza is the last
 * guard, and the loser's second attempt finds the winner's session.
 */
export async function registraSessione(
  em: EntityManager,
  nuova: NuovaSessione,
  voci: VoceCarrello[],
  redirect: string,
): Promise<{ created: boolean; sessione: PagamentoPortale }> {
  const write = () => transaction(em, (tx) => scrivi(tx, nuova, voci, redirect));
  let result: { created: boolean; sessione: PagamentoPortale };
  try {
    result = await write();
  } catch (e) {
    if (!(e instanceof UniqueConstraintViolationException)) throw e;
    result = await write();
  }
  if (result.created) outboxSignal(em).emit('enqueued');
  return result;
}

async function scrivi(tx: EntityManager, nuova: NuovaSessione, voci: VoceCarrello[], redirect: string) {
  const ids = voci.map((v) => v.pendenzaId);
  await lockPendenze(tx, ids);
  const stati = await tx.find(Pendenza, { id: { $in: ids } }, { fields: ['stato', 'dataScadenza'] });
  for (const v of voci) {
    const now = stati.find((p) => p.id === v.pendenzaId);
    checkPagabile({ ...v, stato: now?.stato ?? 'SCONOSCIUTA', dataScadenza: now?.dataScadenza ?? null });
  }
  const tenuta = await sessioneCheTiene(tx, ids);
  if (tenuta) {
    if (stessoCarrello(tenuta.sessione, nuova, voci)) return { created: false, sessione: tenuta.sessione };
    throw erroriPagamento.inCorso(tenuta.voce, tenuta.sessione.idSession);
  }
  return { created: true, sessione: await creaSessione(tx, nuova, voci, 'IN_CORSO', { redirect }) };
}

/**
 * Keeps a start that was refused after its cart was understood and allowed (a pendenza not
 * payable or in another session, a spontaneous pendenza GovPay's rules refuse, Checkout down) as a
 * FALLITO session holding nothing, as GovPay does: the portal can read why by its id.
 */
export async function registraFallita(em: EntityManager, nuova: NuovaSessione, voci: VoceCarrello[], e: DomainError): Promise<void> {
  const descrizione = `${e.fault.codice}: ${e.fault.dettaglio ?? e.fault.descrizione}`.slice(0, 1024);
  await transaction(em, (tx) => creaSessione(tx, nuova, voci, 'FALLITO', { descrizione }));
  outboxSignal(em).emit('enqueued');
}

async function creaSessione(
  tx: EntityManager,
  nuova: NuovaSessione,
  voci: VoceCarrello[],
  stato: StatoPagamento,
  extra: { redirect?: string; descrizione?: string },
): Promise<PagamentoPortale> {
  const { input } = nuova;
  const s = tx.create(PagamentoPortale, {
    idPagamento: nuova.idPagamento,
    idSession: nuova.idSession,
    nome: nuova.nome,
    stato,
    descrizioneStato: extra.descrizione ?? null,
    importoCents: voci.reduce((sum, v) => sum + v.importoCents, 0),
    idSessionePortale: input.idSessionePortale ?? null,
    urlRitorno: input.urlRitorno ?? null,
    redirect: extra.redirect ?? null,
    dataEsecuzionePagamento: input.dataEsecuzionePagamento ?? null,
    soggettoVersante: input.soggettoVersante ?? null,
    idVersante: input.soggettoVersante?.identificativo ?? null,
    contoAddebito: input.contoAddebito ?? null,
    credenzialiPagatore: input.credenzialiPagatore ?? null,
    autenticazioneSoggetto: input.autenticazioneSoggetto ?? null,
    lingua: input.lingua ?? null,
    avviatoDaTipo: nuova.avviatoDa.tipo,
    avviatoDa: nuova.avviatoDa.id,
    scadenza: nuova.scadenza,
  } as PagamentoPortale);
  voci.forEach((v, i) => {
    s.pendenze.add(
      tx.create(PagamentoPortalePendenza, {
        pagamento: s,
        indice: i + 1,
        pendenza: tx.getReference(Pendenza, v.pendenzaId),
        idA2A: v.idA2A,
        idPendenza: v.idPendenza,
        idDominio: v.idDominio,
        idTipoPendenza: v.idTipoPendenza,
        numeroAvviso: v.numeroAvviso,
        iuv: v.iuv,
        idDebitore: v.idDebitore,
        importoCents: v.importoCents,
        esito: stato === 'IN_CORSO' ? 'IN_CORSO' : 'NON_ESEGUITO',
        inCorso: stato === 'IN_CORSO' ? true : null,
      } as PagamentoPortalePendenza),
    );
  });
  await tx.flush();
  await annunciaSessione(tx, s);
  return s;
}

/**
 * The pendenze's rows locked for the rest of `tx`, in id order so two carts sharing pendenze never
 * deadlock (MySQL; SQLite serialises writers). As with lockPendenza, it is the transaction's first
 * read, so what follows sees what the previous holder committed.
 */
async function lockPendenze(tx: EntityManager, ids: number[]): Promise<void> {
  if (!(tx.getPlatform() instanceof MySqlPlatform) || !ids.length) return;
  const sorted = [...ids].sort((a, b) => a - b);
  await tx
    .getConnection()
    .execute(
      `select id from pendenze where id in (${sorted.map(() => '?').join(', ')}) order by id for update`,
      sorted,
      'all',
      tx.getTransactionContext(),
    );
}
