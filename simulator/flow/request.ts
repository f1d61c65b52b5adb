import { z } from 'zod';
import { MAX_CENTS } from '../../core/money';
import { parseDecimalAmount } from '../../pagopa/soap/amount';
import type { PspProfile } from '../soap/receipt';
import type { QrCode, StationIds, StationVersion, TransferType } from '../soap/types';

/**
 * What a caller asks the simulator to play, checked once for the control API and for pay()
 * alike; every text ends up in an XML message, so lengths follow paForNode.xsd.
 */
const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F]*$/;
export const text = (max: number) => z.string().min(1).max(max).regex(NO_CONTROL_CHARS, 'must not contain control characters');
export const digits = (n: number) => z.string().length(n, `must be exactly ${n} digits`).regex(/^\d+$/, `must be exactly ${n} digits`);

/** A decimal euro amount as text ("100.99"), to integer cents. */
const decimalAmount = (min: number) =>
  z.string().transform((s, ctx) => {
    const cents = parseDecimalAmount(s);
    if (cents === undefined || cents < min) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a decimal amount from ${min / 100} to 999999999.99 with at most two decimals, like "100.99"`,
      });
      return z.NEVER;
    }
    return cents;
  });
const cents = (min: number) => z.number().int('must be an integer number of cents').min(min).max(MAX_CENTS);

/** The PSP's names in the receipt, for a payment's overrides and the simulator's defaults alike. */
export const pspNames = {
  idPSP: text(35),
  idChannel: text(35),
  PSPCompanyName: text(70),
  channelDescription: text(35),
  paymentMethod: text(35),
  pspFiscalCode: text(70),
  pspPartitaIVA: text(20),
};

export const text35 = text(35);

const stationFields = {
  fiscalCode: digits(11),
  noticeNumber: digits(18),
  idPA: text35.optional(),
  idBrokerPA: text35.optional(),
  idStation: text35.optional(),
};

export const verifyRequestSchema = z.strictObject(stationFields);

export const paymentRequestSchema = z
  .strictObject({
    ...stationFields,
    /** The amount to pay: a decimal string, or `amountCents`. Default: what verify returned. */
    amount: decimalAmount(1).optional(),
    amountCents: cents(1).optional(),
    /** OK: the PSP takes the money and the receipt is sent; KO: the PSP fails, no receipt. */
    outcome: z.enum(['OK', 'KO']).default('OK'),
    /** The station's paForNode version for this payment, over the simulator's configuration. */
    version: z.enum(['V1', 'V2']).optional(),
    skipVerify: z.boolean().default(false),
    transferType: z.enum(['POSTAL', 'PAGOPA']).optional(),
    paymentNote: text(210).optional(),
    standIn: z.boolean().default(false),
    /** The token expires before the PSP completes: no receipt, status TOKEN_SCADUTO. */
    expireToken: z.boolean().default(false),
    /** How long the PSP takes between the activation and the outcome. */
    receiptDelayMs: z.number().int().min(0).max(600_000).default(0),
    /** How many times the receipt is delivered (2 tests the station's idempotency). */
    send: z.number().int().min(1).max(2).default(1),
    ...z.object(pspNames).partial().shape,
    fee: decimalAmount(0).optional(),
    feeCents: cents(0).optional(),
  })
  .refine((r) => r.amount === undefined || r.amountCents === undefined, {
    message: 'give amount or amountCents, not both',
    path: ['amount'],
  })
  .refine((r) => r.fee === undefined || r.feeCents === undefined, { message: 'give fee or feeCents, not both', path: ['fee'] });

export type VerifyRequest = z.input<typeof verifyRequestSchema>;
export type PaymentRequest = z.input<typeof paymentRequestSchema>;

export class InvalidRequestError extends Error {
  /** Every issue in a line: `path: message; …`. */
  readonly detail: string;

  constructor(readonly issues: { path: string; message: string }[]) {
    const detail = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    super(`invalid request: ${detail}`);
    this.name = 'InvalidRequestError';
    this.detail = detail;
  }
}

export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new InvalidRequestError(
    r.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
    })),
  );
}

/** The Nodo's own settings a payment falls back on. */
export interface NodoDefaults extends PspProfile {
  idBrokerPA: string;
  idStation: string;
}

/** A payment with every default applied: what the flow plays. */
export interface PaymentPlan {
  ids: StationIds;
  qr: QrCode;
  version: StationVersion;
  amountCents?: number;
  outcome: 'OK' | 'KO';
  skipVerify: boolean;
  transferType?: TransferType;
  paymentNote?: string;
  standIn: boolean;
  expireToken: boolean;
  receiptDelayMs: number;
  send: number;
  psp: PspProfile;
}

/** The station and dominio a request names, else the defaults (the dominio is the fiscal code). */
export function stationIdsOf(r: z.output<typeof verifyRequestSchema>, defaults: NodoDefaults): StationIds {
  return { idPA: r.idPA ?? r.fiscalCode, idBrokerPA: r.idBrokerPA ?? defaults.idBrokerPA, idStation: r.idStation ?? defaults.idStation };
}

export function planPayment(
  r: z.output<typeof paymentRequestSchema>,
  defaults: NodoDefaults,
  versionOf: (idStation: string) => StationVersion,
): PaymentPlan {
  const ids = stationIdsOf(r, defaults);
  return {
    ids,
    qr: { fiscalCode: r.fiscalCode, noticeNumber: r.noticeNumber },
    version: r.version ?? versionOf(ids.idStation),
    amountCents: r.amount ?? r.amountCents,
    outcome: r.outcome,
    skipVerify: r.skipVerify,
    transferType: r.transferType,
    paymentNote: r.paymentNote,
    standIn: r.standIn,
    expireToken: r.expireToken,
    receiptDelayMs: r.receiptDelayMs,
    send: r.send,
    psp: {
      idPSP: r.idPSP ?? defaults.idPSP,
      idChannel: r.idChannel ?? defaults.idChannel,
      PSPCompanyName: r.PSPCompanyName ?? defaults.PSPCompanyName,
      channelDescription: r.channelDescription ?? defaults.channelDescription,
      paymentMethod: r.paymentMethod ?? defaults.paymentMethod,
      feeCents: r.fee ?? r.feeCents ?? defaults.feeCents,
      pspFiscalCode: r.pspFiscalCode ?? defaults.pspFiscalCode,
      pspPartitaIVA: r.pspPartitaIVA ?? defaults.pspPartitaIVA,
    },
  };
}
