import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../core/project-root';
import { MAX_CENTS } from '../core/money';
import type { Logger } from '../core/logger';
import type { Timeouts } from './soap/client';
import { pspNames, text35, type NodoDefaults } from './flow/request';
import type { StationVersion } from './soap/types';

/**
 * How the simulator is set up. It reads no environment: whoever starts it (the hub's main, a
 * test) parses its own configuration and passes these.
 */
export interface SimulatorOptions {
  /** The station's SOAP endpoint, e.g. http://localhost:8080/govpay/frontend/api/pagopa/PagamentiTelematiciCCPservice */
  stationUrl: string;
  /** The HTTP Basic credentials the Nodo calls the station with. */
  nodoAuth: { user: string; password: string };
  /** Each station's paForNode version (V1: paGetPayment/paSendRT; V2: paGetPaymentV2/paSendRTV2). Unlisted: V2. */
  stations?: Record<string, StationVersion>;
  /** The broker, station and PSP a payment uses when it names none. */
  defaults?: Partial<NodoDefaults>;
  /** paForNode.xsd to validate the station's answers with; default <project>/pagopa/wsdl/paForNode.xsd. */
  xsdPath?: string;
  /** The xmllint program; default `xmllint` on the PATH. */
  xmllintPath?: string;
  /** Pause between two attempts at delivering a receipt (ms); default 500. */
  retryDelayMs?: number;
  /** How long a payment token lives (ms); default 30 minutes, the Nodo's default. */
  tokenValidityMs?: number;
  /** How long the Nodo waits for the station (ms); default pagoPA's 7 s, 7 s, 15 s. */
  timeouts?: Partial<Timeouts>;
  /** How many payments the history keeps; default 500. */
  historyLimit?: number;
  /** The subscription key FdR's API asks for (Ocp-Apim-Subscription-Key); unset: any caller is served. */
  fdrApiKey?: string;
  logger: Logger;
}

export interface ResolvedOptions extends Required<Omit<SimulatorOptions, 'defaults' | 'timeouts' | 'stations' | 'fdrApiKey'>> {
  fdrApiKey?: string;
  defaults: NodoDefaults;
  timeouts: Timeouts;
  stations: Record<string, StationVersion>;
}

/** The demo configuration's intermediario and stazione, and a PSP of the simulator's own. */
export const DEMO_DEFAULTS: NodoDefaults = {
  idBrokerPA: '11111111113',
  idStation: '11111111113_01',
  idPSP: 'SIMPSP01',
  idChannel: 'SIMPSP01_01',
  PSPCompanyName: 'PSP Simulatore GovPay Hub',
  channelDescription: 'Simulatore pagoPA',
  paymentMethod: 'creditCard',
  feeCents: 100,
};

const ms = z.number().int().min(0);
const schema = z.object({
  stationUrl: z.url({ protocol: /^https?$/ }),
  nodoAuth: z.object({ user: z.string().min(1), password: z.string() }),
  stations: z.record(z.string(), z.enum(['V1', 'V2'])).default({}),
  defaults: z
    .object({ idBrokerPA: text35, idStation: text35, ...pspNames, feeCents: z.number().int().min(0).max(MAX_CENTS) })
    .partial()
    .default({}),
  xsdPath: z.string().min(1).optional(),
  xmllintPath: z.string().min(1).default('xmllint'),
  retryDelayMs: ms.default(500),
  tokenValidityMs: ms.default(30 * 60 * 1000),
  timeouts: z
    .object({ verifyMs: ms.min(1), activateMs: ms.min(1), receiptMs: ms.min(1) })
    .partial()
    .default({}),
  historyLimit: z.number().int().min(1).default(500),
  fdrApiKey: z.string().min(1).optional(),
});

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const { logger, ...rest } = options;
  const parsed = schema.safeParse(rest);
  if (!parsed.success) {
    throw new Error(`Invalid simulator options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const o = parsed.data;
  return {
    ...o,
    logger,
    xsdPath: o.xsdPath ?? join(projectRoot(), 'pagopa', 'wsdl', 'paForNode.xsd'),
    defaults: { ...DEMO_DEFAULTS, ...stripUndefined(o.defaults) },
    timeouts: { verifyMs: 7000, activateMs: 7000, receiptMs: 15000, ...stripUndefined(o.timeouts) },
  };
}

/** `{ a: undefined }` must not hide a default when spread over it. */
function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
