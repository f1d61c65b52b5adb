import type { EntityManager } from '@mikro-orm/core';
import type { Config } from '../../../core/config';
import type { Logger } from '../../../core/logger';
import { checkExpressible, paymentDataOf, verifyResultOf } from './payment-data';
import { posizionePagabile } from './posizioni';
import { registraRicevuta } from './ricevute';
import { attivazione, checkNonInCorso } from './sessioni/attivazione';
import { checkCall } from './station-checks';
import type { GetPaymentRequest, PaymentData, VerifyRequest, VerifyResult } from '../../../pagopa/soap/messages';
import type { SendRTRequest, StationCaller, StationService } from './station-types';

/**
 * The station's domain (paForNode): verify and getPayment read the pendenza (asking the Ente when
 * the hub holds none or its data expired) and never change it; sendRT records the receipt. Each
 * call checks broker, station and dominio first and answers a PagoPaFault for every refusal.
 */
export class PagamentiStation implements StationService {
  constructor(
    private readonly em: EntityManager,
    private readonly log: Logger,
    private readonly ente: Config['ente'],
  ) {}

  async verify(caller: StationCaller, req: VerifyRequest): Promise<VerifyResult> {
    const em = this.em.fork();
    const { dominio, stazione } = await checkCall(em, caller, req, req.qrCode.fiscalCode);
    const pagabile = await posizionePagabile(em, this.log, { dominio, numeroAvviso: req.qrCode.noticeNumber }, this.ente.verifyTimeoutMs);
    // The Nodo activates with the primitive the station is configured for.
    checkExpressible(pagabile.pendenza, stazione.versione);
    await checkNonInCorso(em, pagabile.pendenza.id);
    return verifyResultOf(pagabile);
  }

  async getPayment(caller: StationCaller, req: GetPaymentRequest, versione: 'V1' | 'V2'): Promise<PaymentData> {
    const em = this.em.fork();
    const { dominio } = await checkCall(em, caller, req, req.qrCode.fiscalCode);
    const pagabile = await posizionePagabile(
      em,
      this.log,
      { dominio, numeroAvviso: req.qrCode.noticeNumber, amountCents: req.amountCents },
      this.ente.verifyTimeoutMs,
    );
    checkExpressible(pagabile.pendenza, versione);
    const data = paymentDataOf(pagabile, versione, req.transferType);
    // Last, once nothing else can refuse it: an activation taken by a portal's session is its own.
    await attivazione(em, pagabile.pendenza.id);
    return data;
  }

  async sendRT(caller: StationCaller, req: SendRTRequest): Promise<void> {
    const em = this.em.fork();
    const { dominio } = await checkCall(em, caller, req, req.receipt.fiscalCode);
    await registraRicevuta(em, this.log, dominio, req);
  }
}
