import { z } from 'zod';
import { formeGovPay, TIPI_SOGGETTO } from '../../subgraphs/pagamenti/services';
import { errors } from '../../core/errors';
import { parseInput } from '../../core/validation';

/** The query parameters of POST /pagamenti, as the spec lists them. */
const query = z.object({
  idSessionePortale: z.string().min(1).max(255).optional(),
  gRecaptchaResponse: z.string().max(4096).optional(),
  codiceConvenzione: z.string().min(5).max(35).optional(),
  identificativoPSP: z.string().min(1).max(35).optional(),
  identificativoIntermediarioPSP: z.string().min(1).max(35).optional(),
  identificativoCanale: z.string().min(1).max(35).optional(),
  tipoVersamento: z.enum(['BBT', 'BP', 'AD', 'CP', 'PO', 'OBEP', 'OTH', 'JIF', 'MYBK']).optional(),
});

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** GovPay's enum values as the graph's enum names ('N/A' is N_A, languages upper case); anything else is left for the graph to refuse. */
const enumName = (v: unknown) => (typeof v === 'string' ? (v === 'N/A' ? 'N_A' : v.toUpperCase()) : v);

const tipoSoggetto = z.enum(TIPI_SOGGETTO);

/**
 * GovPay writes a versante's cap as a number too: the graph's input takes text. A tipo outside F|G
 * gets the text the hub has always answered, not the graph's enum error.
 */
function soggetto(s: unknown): unknown {
  if (!isObject(s)) return s;
  if (typeof s.tipo === 'string') parseInput(tipoSoggetto, s.tipo, 'soggettoVersante.tipo');
  return typeof s.cap === 'number' ? { ...s, cap: String(s.cap) } : s;
}

/**
 * GovPay's NuovoPagamento body and query as the graph's AvviaPagamentoInput: the three forms of a
 * cart item told apart (formeGovPay), the query's idSessionePortale in the input. A PSP chosen by
 * the portal (identificativoPSP, …) is GovPay's older WISP model: a cittadino or anonymous caller
 * may not name one (403, as GovPay), and pagoPA Checkout lets the person choose anyway.
 */
export function avviaPagamentoInput(body: unknown, rawQuery: Record<string, unknown>, cittadinoOAnonimo: boolean): Record<string, unknown> {
  const q = parseInput(query, rawQuery);
  if (cittadinoOAnonimo && (q.identificativoPSP || q.identificativoIntermediarioPSP || q.identificativoCanale)) {
    throw errors.forbidden('Il richiedente non è autorizzato ad indicare un PSP per il pagamento');
  }
  if (!isObject(body))
    throw errors.syntax('Il corpo della richiesta deve essere un oggetto JSON con il pagamento (Content-Type: application/json).');
  if (!Array.isArray(body.pendenze)) throw errors.syntax('Il campo pendenze deve essere una lista di 1..5 pendenze.');
  return {
    pendenze: formeGovPay(body.pendenze),
    urlRitorno: body.urlRitorno,
    idSessionePortale: q.idSessionePortale,
    dataEsecuzionePagamento: body.dataEsecuzionePagamento,
    soggettoVersante: soggetto(body.soggettoVersante),
    contoAddebito: body.contoAddebito,
    credenzialiPagatore: body.credenzialiPagatore,
    autenticazioneSoggetto: body.autenticazioneSoggetto === undefined ? undefined : enumName(body.autenticazioneSoggetto),
    lingua: body.lingua === undefined ? undefined : enumName(body.lingua),
  };
}
