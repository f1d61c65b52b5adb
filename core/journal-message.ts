/**
 * A request or response as the Giornale keeps it (GovPay's DettaglioRichiesta / DettaglioRisposta):
 * headers without credentials (left out), the body base64-encoded as GovPay stores it, cut at a bound, with
 * the values of password-like JSON fields masked.
 */
export interface Messaggio {
  data: Date;
  url?: string;
  method?: string;
  principal?: string | null;
  status?: number;
  headers?: Record<string, string | string[] | number | undefined>;
  /** The body: text, bytes, or a parsed JSON value (serialized only when kept). */
  payload?: string | Buffer | object | null;
}

export interface MessaggioRegistrato {
  dataOraRichiesta?: string;
  dataOraRisposta?: string;
  url?: string;
  method?: string;
  principal?: string;
  utente?: string;
  status?: number;
  headers: Array<{ nome: string; valore: string }>;
  payload?: string;
}

/** Headers that carry credentials or sessions: never stored. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-api-id',
  'ocp-apim-subscription-key',
  'x-govpay-internal-principal',
]);

/** JSON fields whose values are secrets (utenze's and connectors' passwords, keys). */
const SECRET_FIELD = /^(password|secretKey|apiKey|headerValue|clientSecret|passwordKeystore|passwordTruststore)$/i;

const MASK = '***';

export function messaggio(m: Messaggio, maxBytes: number): MessaggioRegistrato {
  const headers: Array<{ nome: string; valore: string }> = [];
  for (const [nome, v] of Object.entries(m.headers ?? {})) {
    if (v === undefined || SECRET_HEADERS.has(nome.toLowerCase())) continue;
    headers.push({ nome, valore: Array.isArray(v) ? v.join(', ') : String(v) });
  }
  const out: MessaggioRegistrato = { headers };
  if (m.status === undefined) out.dataOraRichiesta = m.data.toISOString();
  else {
    out.dataOraRisposta = m.data.toISOString();
    out.status = m.status;
  }
  if (m.url) out.url = m.url;
  if (m.method) out.method = m.method;
  if (m.principal) out.principal = out.utente = m.principal;
  const body = bytesOf(m.payload);
  if (body?.length) out.payload = body.subarray(0, maxBytes).toString('base64');
  return out;
}

function bytesOf(payload: Messaggio['payload']): Buffer | undefined {
  if (payload === undefined || payload === null) return undefined;
  if (Buffer.isBuffer(payload)) return redactedText(payload.toString('utf8'));
  if (typeof payload === 'string') return redactedText(payload);
  return Buffer.from(JSON.stringify(payload, redact));
}

/** The station's password in the Nodo's SOAP requests (`<password>`, with or without a prefix). */
const XML_PASSWORD = /<((?:[\w-]+:)?password)>[^<]*<\/\1>/g;

/** A JSON text is re-written with its secrets masked, an XML one loses its password; any other text is kept as it is. */
function redactedText(text: string): Buffer {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return Buffer.from(JSON.stringify(JSON.parse(text), redact));
    } catch {
      // Not JSON after all: kept as sent.
    }
  }
  return Buffer.from(first === '<' ? text.replace(XML_PASSWORD, `<$1>${MASK}</$1>`) : text);
}

function redact(key: string, value: unknown): unknown {
  return SECRET_FIELD.test(key) && value !== null && typeof value !== 'object' ? MASK : value;
}
