import type { EntityManager } from '@mikro-orm/core';
import { type ConnettoreRef, PendenzeService } from '../../pendenze/services';
import { DomainError } from '../../../core/errors';
import type { Logger } from '../../../core/logger';
import { centsToDecimalString, euroAmount } from '../../../core/money';
import { inScope } from '../../../core/principal';
import { matchesWhole } from '../../../core/safe-regexp';
import { PagoPaFault } from '../domain/faults';
import { journalOf } from '../../../core/journal';
import { callEnte, EnteUnreachable, type EnteResponse } from './connector';

/**
 * GovPay's way of finding the Ente's system that issued an IUV the hub does not hold: an
 * applicazione enabled on the dominio whose regExpIuv matches the whole IUV, else one whose
 * codificaIuv prefixes it.
 */
export function enteOfIuv(connettori: ConnettoreRef[], idDominio: string, iuv: string): ConnettoreRef | undefined {
  const candidates = connettori.filter((c) => c.principal && inScope(c.principal.domini, idDominio));
  return (
    candidates.find((c) => c.regExpIuv && matchesWhole(c.regExpIuv, iuv) === true) ??
    candidates.find((c) => c.codificaIuv && iuv.startsWith(c.codificaIuv))
  );
}

export interface VerificaRichiesta {
  idDominio: string;
  numeroAvviso: string;
  iuv: string;
  /** The amount the PSP was told, when the request carries one: the Ente's answer must agree. */
  amountCents?: number;
}

/**
 * Asks the Ente's system for a position (GovPay's "verifica pendenza": unknown to the hub, or its
 * dataValidita passed) and saves the answer through the pendenze context as that applicazione.
 * Every way the Ente can fail (down, slow, 5xx, malformed, inconsistent) becomes a PagoPaFault
 * within `timeoutMs`, so the station always answers the Nodo in time.
 */
export async function verificaPendenzaEnte(
  em: EntityManager,
  log: Logger,
  ente: ConnettoreRef,
  req: VerificaRichiesta,
  timeoutMs: number,
): Promise<void> {
  const connettore = ente.servizioIntegrazione;
  if (!connettore || !ente.principal) {
    throw new PagoPaFault('PAA_PAGAMENTO_SCONOSCIUTO', `L'applicazione ${ente.idA2A} non ha un servizio di verifica delle pendenze.`);
  }
  const v2 = connettore.versioneApi === 'REST v2';
  const path = v2
    ? `/avvisi/${encodeURIComponent(req.idDominio)}/${encodeURIComponent(req.numeroAvviso)}`
    : `/avvisi/${encodeURIComponent(req.idDominio)}/${encodeURIComponent(req.iuv)}`;
  let res: EnteResponse;
  try {
    res = await callEnte(
      connettore,
      { method: 'GET', path, timeoutMs },
      { journal: journalOf(em), tipoEvento: 'getAvviso', idDominio: req.idDominio, iuv: req.iuv, idA2A: ente.idA2A },
    );
  } catch (e) {
    if (!(e instanceof EnteUnreachable)) throw e;
    log.warn({ idA2A: ente.idA2A, err: e.message }, 'verifica pendenza: Ente unreachable');
    throw systemError(ente, `non raggiungibile (${e.message})`);
  }
  if (res.status === 404) {
    throw new PagoPaFault('PAA_PAGAMENTO_SCONOSCIUTO', `L'applicazione ${ente.idA2A} non conosce l'avviso ${req.numeroAvviso}.`);
  }
  if (res.status < 200 || res.status > 299) {
    log.warn({ idA2A: ente.idA2A, status: res.status }, 'verifica pendenza: Ente answered an error');
    throw systemError(ente, `ha risposto HTTP ${res.status}`);
  }
  const answer = asObject(res.json);
  if (!answer || typeof answer.stato !== 'string') throw systemError(ente, 'ha risposto con un contenuto non valido');
  stateFault(answer.stato, ente, req, typeof answer.descrizioneStato === 'string' ? answer.descrizioneStato : undefined);
  const pendenza = v2 ? asObject(answer.pendenza) : fromV1(answer);
  if (!pendenza) throw systemError(ente, 'ha risposto NON_ESEGUITA senza la pendenza');
  checkConsistent(pendenza, ente, req);
  const { idA2A, idPendenza } = pendenza;
  if (typeof idA2A !== 'string' || typeof idPendenza !== 'string') throw systemError(ente, 'ha risposto senza idA2A o idPendenza');
  if (idA2A !== ente.idA2A) throw systemError(ente, `ha risposto con la pendenza di un'altra applicazione (${idA2A})`);
  try {
    await new PendenzeService(em, ente.principal).save(idA2A, idPendenza, pendenza);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    throw systemError(ente, `ha risposto con una pendenza non valida: ${e.fault.codice} ${e.fault.dettaglio ?? e.fault.descrizione}`);
  }
}

function systemError(ente: ConnettoreRef, what: string): PagoPaFault {
  return new PagoPaFault('PAA_SYSTEM_ERROR', `Verifica della pendenza presso l'applicazione ${ente.idA2A}: il servizio ${what}.`);
}

/** The Ente's states other than NON_ESEGUITA are the station's answer. */
function stateFault(stato: string, ente: ConnettoreRef, req: VerificaRichiesta, descrizione?: string): void {
  const said = `L'applicazione ${ente.idA2A} indica l'avviso ${req.numeroAvviso} come ${stato}${descrizione ? `: ${descrizione}` : '.'}`;
  switch (stato) {
    case 'NON_ESEGUITA':
      return;
    case 'ANNULLATA':
      throw new PagoPaFault('PAA_PAGAMENTO_ANNULLATO', said);
    case 'SCADUTA':
      throw new PagoPaFault('PAA_PAGAMENTO_SCADUTO', said);
    case 'DUPLICATA':
      throw new PagoPaFault('PAA_PAGAMENTO_DUPLICATO', said);
    case 'SCONOSCIUTA':
      throw new PagoPaFault('PAA_PAGAMENTO_SCONOSCIUTO', said);
    default:
      throw systemError(ente, `ha risposto con uno stato sconosciuto (${stato})`);
  }
}

/** GovPay's checks of what the Ente returned against what was asked, with its field names. */
function checkConsistent(p: Record<string, unknown>, ente: ConnettoreRef, req: VerificaRichiesta): void {
  if (p.numeroAvviso !== req.numeroAvviso) {
    throw systemError(ente, `ha risposto con NumeroAvviso (${String(p.numeroAvviso)}) diverso da quello richiesto (${req.numeroAvviso})`);
  }
  if (p.idDominio !== req.idDominio) {
    throw systemError(ente, `ha risposto con IdDominio (${String(p.idDominio)}) diverso da quello richiesto (${req.idDominio})`);
  }
  if (req.amountCents !== undefined && !sameAmount(p.importo, req.amountCents)) {
    throw systemError(
      ente,
      `ha risposto con un importo (${String(p.importo)}) diverso da quello richiesto (${centsToDecimalString(req.amountCents)})`,
    );
  }
}

function sameAmount(importo: unknown, amountCents: number): boolean {
  const parsed = euroAmount.safeParse(importo);
  return parsed.success && parsed.data === amountCents;
}

const asObject = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * API v1's pendenzaVerificata is the pendenza itself with its stato; its datiAllegati are
 * strings and a bollo says "Imposta di bollo" where NuovaPendenza (v2) has an object and "01".
 */
function fromV1(answer: Record<string, unknown>): Record<string, unknown> {
  const { stato: _stato, descrizioneStato: _descrizione, datiAllegati, voci, ...rest } = answer;
  return {
    ...rest,
    ...(typeof datiAllegati === 'string' ? { datiAllegati: { testo: datiAllegati } } : {}),
    voci: Array.isArray(voci)
      ? voci.map((v) => {
          const voce = asObject(v);
          if (!voce) return v;
          const { datiAllegati: dati, tipoBollo, ...fields } = voce;
          return {
            ...fields,
            ...(typeof dati === 'string' ? { datiAllegati: { testo: dati } } : {}),
            ...(tipoBollo !== undefined ? { tipoBollo: tipoBollo === 'Imposta di bollo' ? '01' : tipoBollo } : {}),
          };
        })
      : voci,
  };
}
