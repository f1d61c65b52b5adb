import { randomBytes } from 'node:crypto';

/**
 * The payment token the Nodo issues when a station answers an activation: 32 hex characters,
 * valid for a while (30 minutes by default). It locks the notice on the Nodo and becomes the
 * receipt's receiptId.
 */
export interface PaymentToken {
  paymentToken: string;
  issuedAt: string;
  expiresAt: string;
}

export function issueToken(now: number, validityMs: number): PaymentToken {
  return {
    paymentToken: randomBytes(16).toString('hex'),
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + validityMs).toISOString(),
  };
}

export function isExpired(token: PaymentToken, at: number): boolean {
  return at >= Date.parse(token.expiresAt);
}
