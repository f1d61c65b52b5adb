import { euroAmount } from '../../core/money';
import { formatAmount, parseSoapAmount } from '../../pagopa/soap/amount';

/** The two versions of GovPay's API Ente the hub speaks, as the applicazione's connector names them. */
export type EnteApi = 'REST v1' | 'REST v2';

/** One call the hub made to the Ente's system, as the simulator keeps it. */
export interface EnteCallRecord {
  id: string;
  /** When it arrived (ISO-8601, UTC). */
  receivedAt: string;
  api: EnteApi;
  method: string;
  /** The path under the API's base, e.g. `/ricevute/12345678901/340000000000136/abc…`. */
  path: string;
  idDominio: string;
  /** A notification's IUV (v1 verify: the IUV asked about). */
  iuv?: string;
  /** v2 verify: the numero avviso asked about. */
  numeroAvviso?: string;
  /** v2 notification: the receipt's id (pagoPA's receiptId). */
  idRicevuta?: string;
  idA2A?: string;
  idPendenza?: string;
  /** The payment's outcome as the body says it: v2 `esito` (ESEGUITO…), v1 the receipt's `outcome` (OK/KO). */
  esito?: string;
  /** The amount paid, `\d+\.\d{2}`. */
  importo?: string;
  /** What the simulator answered (0: it never did, the hub gave up first). */
  status: number;
  body?: unknown;
}

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * What a notification says, read loosely (it is shown, not trusted): v1 `{idA2A, idPendenza, rpt, rt}`
 * with pagoPA's receipt in `rt`; v2 GovPay's Ricevuta, `importo` a JSON number read without a float.
 */
export function summarizeNotifica(api: EnteApi, body: unknown): Pick<EnteCallRecord, 'idA2A' | 'idPendenza' | 'esito' | 'importo'> {
  const b = asObject(body);
  if (api === 'REST v1') {
    const rt = asObject(b.rt);
    const cents = typeof rt.paymentAmount === 'string' ? parseSoapAmount(rt.paymentAmount) : undefined;
    return {
      idA2A: asString(b.idA2A),
      idPendenza: asString(b.idPendenza),
      esito: asString(rt.outcome),
      importo: cents === undefined ? undefined : formatAmount(cents),
    };
  }
  const pendenza = asObject(b.pendenza);
  const cents = euroAmount.safeParse(b.importo);
  return {
    idA2A: asString(pendenza.idA2A),
    idPendenza: asString(pendenza.idPendenza),
    esito: asString(b.esito),
    importo: cents.success ? formatAmount(cents.data) : undefined,
  };
}
