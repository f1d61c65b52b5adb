import type { PspProfile } from '../soap/receipt';

/** A PSP the Checkout page offers: the names its receipts carry, its fee, and whether it pays. */
export interface CheckoutPsp extends PspProfile {
  /** What the person reads beside the choice. */
  label: string;
  /** KO: the PSP refuses the payment (a declined card), so the cart ends on the error URL. */
  outcome: 'OK' | 'KO';
}

/**
 * The PSPs of the simulator's Checkout: the Nodo's own default PSP (whatever the simulator was
 * configured with) first, then two more, one of which always declines.
 */
export function checkoutPsps(nodoPsp: PspProfile): CheckoutPsp[] {
  return [
    { ...nodoPsp, label: 'Carta di pagamento', outcome: 'OK' },
    {
      idPSP: 'SIMPSP02',
      idChannel: 'SIMPSP02_01',
      PSPCompanyName: 'Banca Simulata S.p.A.',
      channelDescription: 'Simulatore pagoPA',
      paymentMethod: 'BBT',
      feeCents: 50,
      label: 'Conto corrente (bonifico)',
      outcome: 'OK',
    },
    {
      idPSP: 'SIMPSP03',
      idChannel: 'SIMPSP03_01',
      PSPCompanyName: 'PSP Simulato Rifiuta',
      channelDescription: 'Simulatore pagoPA',
      paymentMethod: 'creditCard',
      feeCents: 0,
      label: 'Carta rifiutata (il PSP non autorizza il pagamento)',
      outcome: 'KO',
    },
  ];
}
