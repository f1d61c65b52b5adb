import type { EntityManager } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { PendenzeService, type PreparedPendenza } from '../../../pendenze/services';
import { DomainError } from '../../../../core/errors';
import type { Logger } from '../../../../core/logger';
import { requireRight, type Principal } from '../../../../core/principal';
import { romeDate } from '../../../../core/rome-time';
import { parseInput } from '../../../../core/validation';
import { truncate } from '../payment-data';
import { loadPagabile } from '../posizioni';
import { Carrello, checkPagabile, voceDi, type ElementoCarrello, type NuovaVoce, type VoceCarrello } from './carrello';
import type { CartOpener } from './checkout-port';
import type { LettoreRicevute } from '../station-types';
import { checkDebitori, checkFormePermesse, versanteDelChiamante } from './chiamante';
import { conSessione, erroriPagamento } from './errori';
import { nuovoPagamento, type NuovoPagamento } from './nuovo-pagamento';
import { registraFallita, registraSessione, sessioneCheTiene, stessoCarrello, type NuovaSessione } from './registrazione';
import { urlDiRitorno } from './ritorno';
import { urlRitornoConfigurato } from './url-ritorno';
import { toPagamentoView, type PagamentoView } from './viste';

/** What the host of the pagamenti context provides for starting payments. */
export interface PagamentiHost {
  checkout: CartOpener;
  /** The hub's public base URL, read when a session starts (the edge knows its own port only once it listens). */
  publicBaseUrl: () => string;
  /** The secret every instance shares (INTERNAL_PRINCIPAL_SECRET); the return tokens' key derives from it. */
  secret: string;
  sessionTimeoutMs: number;
  /** How long an Ente may take to answer the verify of an avviso the hub does not hold. */
  verifyTimeoutMs: number;
  /** Reads a receipt an operatore uploads, with the station's XSD checks (pagopa/ owns pagoPA's XML). */
  leggiRicevuta: LettoreRicevute;
  log: Logger;
}

export interface PagamentoAvviato {
  /** False when the same cart of the same caller was already in progress: that session is returned. */
  created: boolean;
  pagamento: PagamentoView;
}

/** GovPay allows dataEsecuzionePagamento from today to 30 days ahead. */
const GIORNI_ESECUZIONE = 30;

/**
 * Starts a payment of a portal's cart (GovPay's POST /pagamenti), in steps:
 *  1. the request, the caller's right to pay (Pagamenti W) and the cart's pendenze are checked and
 *     found; a refusal here changes nothing;
 *  2. the spontaneous pendenze of the cart are loaded with the pendenze context's rules, every
 *     pendenza must be payable and in no other session in progress, and pagoPA Checkout opens the
 *     cart; a refusal here (422, or 502 when Checkout fails) is kept as a FALLITO session holding
 *     nothing, and the error names it (GovPay's FaultBeanEsteso `id`, `location`);
 *  3. the session is written IN_CORSO, holding its pendenze, only once Checkout answered: a
 *     Checkout that is down or slow leaves no session in progress and no pendenza held.
 */
export class AvvioPagamento {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal,
    private readonly host: PagamentiHost,
  ) {}

  async avvia(raw: unknown): Promise<PagamentoAvviato> {
    requireRight(this.actor, 'Pagamenti', 'W');
    const input = versanteDelChiamante(this.actor, parseInput(nuovoPagamento, raw));
    checkFormePermesse(this.actor, input);
    checkDataEsecuzione(input.dataEsecuzionePagamento);
    const elementi = await new Carrello(this.em, this.actor, this.host.log, this.host.verifyTimeoutMs).risolvi(input.pendenze);
    if (
      !input.urlRitorno &&
      !(await urlRitornoConfigurato(this.em, { tipo: this.actor.kind, id: this.actor.id }, dominioDi(elementi[0])))
    ) {
      throw erroriPagamento.urlRitornoMancante();
    }
    await checkDebitori(this.em, this.actor, input, elementi);
    const nuova = this.nuovaSessione(input, elementi);
    let voci = elementi.flatMap((e) => ('esistente' in e ? [e.esistente] : []));
    try {
      voci = await this.conSpontanee(elementi);
      for (const v of voci) checkPagabile(v);
      const tenuta = await sessioneCheTiene(
        this.em,
        voci.map((v) => v.pendenzaId),
      );
      if (tenuta && stessoCarrello(tenuta.sessione, nuova, voci)) return { created: false, pagamento: toPagamentoView(tenuta.sessione) };
      if (tenuta) throw erroriPagamento.inCorso(tenuta.voce, tenuta.sessione.idSession);
      const redirect = await this.apriCarrello(nuova, voci, input);
      const { created, sessione } = await registraSessione(this.em, nuova, voci, redirect);
      return { created, pagamento: toPagamentoView(sessione) };
    } catch (e) {
      if (!(e instanceof DomainError) || (e.status !== 422 && e.status !== 502)) throw e;
      await registraFallita(this.em, nuova, voci, e);
      throw conSessione(e, nuova.idPagamento);
    }
  }

  /**
   * The cart's pendenze in request order, its spontaneous ones loaded as a PUT of API Pendenze
   * would load them (the caller needs the Pagamenti right, not Pendenze). All are checked before
   * any is written, so a refused one leaves the others unwritten.
   */
  private async conSpontanee(elementi: ElementoCarrello[]): Promise<VoceCarrello[]> {
    const pendenze = new PendenzeService(this.em, this.actor);
    const preparate = new Map<NuovaVoce, PreparedPendenza>();
    for (const e of elementi) {
      if ('nuova' in e) preparate.set(e.nuova, await pendenze.prepare(e.nuova.idA2A, e.nuova.idPendenza, e.nuova.corpo, 'Pagamenti'));
    }
    const voci: VoceCarrello[] = [];
    for (const e of elementi) {
      if ('esistente' in e) {
        voci.push(e.esistente);
        continue;
      }
      const prepared = preparate.get(e.nuova)!;
      const { value } = await pendenze.write(prepared);
      const scritta = value.numeroAvviso
        ? await loadPagabile(this.em.fork(), prepared.dominio, { numeroAvviso: value.numeroAvviso })
        : null;
      if (!scritta) throw erroriPagamento.pendenzaInesistente();
      voci.push(voceDi(scritta));
    }
    return voci;
  }

  private async apriCarrello(nuova: NuovaSessione, voci: VoceCarrello[], input: NuovoPagamento): Promise<string> {
    const returnUrls = urlDiRitorno(this.host.publicBaseUrl(), this.host.secret, nuova.idPagamento);
    try {
      return await this.host.checkout.openCart({
        idCart: nuova.idSession,
        paymentNotices: voci.map((v) => ({
          noticeNumber: v.numeroAvviso,
          fiscalCode: v.idDominio,
          amountCents: v.importoCents,
          companyName: truncate(v.ragioneSociale),
          description: descrizione(v.causale),
        })),
        returnUrls,
        emailNotice: input.soggettoVersante?.email ?? undefined,
      });
    } catch (e) {
      this.host.log.warn({ err: (e as Error).message, idPagamento: nuova.idPagamento }, 'pagoPA Checkout did not open the cart');
      throw erroriPagamento.checkoutNonDisponibile(`pagoPA Checkout non ha aperto il carrello: ${(e as Error).message}`);
    }
  }

  private nuovaSessione(input: NuovoPagamento, elementi: ElementoCarrello[]): NuovaSessione {
    const primo = elementi[0];
    const causale = 'esistente' in primo ? primo.esistente.causale : String(primo.nuova.corpo.causale ?? '');
    return {
      idPagamento: randomBytes(16).toString('hex'),
      idSession: randomBytes(16).toString('hex'),
      nome: nomeDelPagamento(causale, elementi.length),
      input,
      avviatoDa: { tipo: this.actor.kind, id: this.actor.id },
      scadenza: new Date(Date.now() + this.host.sessionTimeoutMs),
    };
  }
}

const dominioDi = (e: ElementoCarrello): string => ('esistente' in e ? e.esistente.idDominio : String(e.nuova.corpo.idDominio));

/** GovPay's checks of dataEsecuzionePagamento: not before today, at most 30 days ahead (Rome's calendar). */
function checkDataEsecuzione(data: string | null | undefined): void {
  if (!data) return;
  const oggi = romeDate();
  if (data < oggi) throw erroriPagamento.dataEsecuzionePassata(oggi);
  const limite = new Date(`${oggi}T00:00:00Z`);
  limite.setUTCDate(limite.getUTCDate() + GIORNI_ESECUZIONE);
  if (data > limite.toISOString().slice(0, 10)) throw erroriPagamento.dataEsecuzioneLontana(GIORNI_ESECUZIONE);
}

/** GovPay's name of a payment: the first pendenza's causale, and how many others the cart holds. */
function nomeDelPagamento(causale: string, quante: number): string {
  const altre = quante - 1;
  const nome = `${causale}${altre === 1 ? " ed un'altra pendenza." : altre > 1 ? ` ed altre ${altre} pendenze.` : ''}`;
  return nome.length > 255 ? `${nome.slice(0, 252)}...` : nome;
}

/** Checkout's description of a notice, at most 140 characters as GovPay cuts it. */
function descrizione(causale: string): string {
  const text = causale || ' ';
  return text.length > 140 ? `${text.slice(0, 137)}...` : text;
}
