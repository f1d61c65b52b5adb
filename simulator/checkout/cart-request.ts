import { z } from 'zod';
import { MAX_CENTS } from '../../core/money';
import { digits, text } from '../flow/request';

/**
 * Checkout's CartRequest (pagoPA's checkout_v1.json, `POST /carts`), as the simulator checks it.
 * It mirrors the spec's schema field by field (unknown fields are let through, as the spec does
 * not forbid them) and is stricter only where the cart could never be paid otherwise, each for
 * the reason on its line.
 */

/** JSON Schema's maxLength counts characters (code points), not UTF-16 units. */
const upTo = (max: number) => z.string().refine((s) => [...s].length <= max, `must be at most ${max} characters`);

/** The spec says `format: uri`; a browser can only be sent back to a web address. */
const returnUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

const paymentNotice = z.object({
  /** The spec fixes the length only; paForNode's stNoticeNumber is 18 digits. */
  noticeNumber: digits(18),
  /** The spec fixes the length only; paForNode's stFiscalCodePA is 11 digits. */
  fiscalCode: digits(11),
  /** Euro cents; the spec has no maximum, pagoPA carries at most 999,999,999.99 euro. */
  amount: z.number().int('must be an integer number of euro cents').min(1).max(MAX_CENTS),
  companyName: upTo(140),
  description: upTo(140),
});

export const cartRequestSchema = z
  .object({
    emailNotice: z.email().optional(),
    paymentNotices: z.array(paymentNotice).min(1, 'must hold 1 to 5 notices').max(5, 'must hold 1 to 5 notices'),
    returnUrls: z.object({ returnOkUrl: returnUrl, returnCancelUrl: returnUrl, returnErrorUrl: returnUrl }),
    /** Checkout hands it to the station as paGetPayment's paymentNote (paForNode stText210). */
    idCart: text(210).optional(),
    allCCP: z.boolean().optional(),
  })
  .superRefine((cart, ctx) => {
    // The second activation of one notice would meet the first one's token: never payable.
    const seen = new Set<string>();
    cart.paymentNotices.forEach((n, i) => {
      const key = `${n.fiscalCode}/${n.noticeNumber}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['paymentNotices', i], message: `notice ${key} is already in the cart` });
      seen.add(key);
    });
  });

export type CartRequest = z.output<typeof cartRequestSchema>;
