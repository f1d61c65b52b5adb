import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { parseRomeDateTime } from '../../core/rome-time';
import { NOT_XML_CHAR } from '../../core/xml-chars';
import type { FlussoAcquisito, PagamentoRendicontato } from '../../subgraphs/riconciliazione/services';
import { parseSoapAmount } from '../soap/amount';

/**
 * Reads a FlussoRiversamento document (FlussoRiversamento_1_0_4.xsd, pagoPA's reporting flow as
 * the Nodo hands it out) into the hub's FlussoAcquisito, amounts in cents. Each element is checked
 * against the XSD's simple types with zod, as the station checks paForNode messages; a document
 * that breaks them is refused with the reasons, and its identity when it could be read (the flow
 * is then an anomaly the operator can name).
 */
export type LetturaFlusso =
  | { ok: true; flusso: Omit<FlussoAcquisito, 'sorgente' | 'idDominio'> & { idDominioRicevente: string } }
  | { ok: false; errori: string[]; identificativo?: { idFlusso: string; dataOraFlusso?: string } };

/** Namespace prefixes dropped, every value kept as text: the zod schemas below read them. */
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => name === 'datiSingoliPagamenti',
});

const text = (min: number, max: number) =>
  z.string().refine((s) => s.length >= min && s.length <= max, `must be ${min} to ${max} characters long`);
const text35 = text(1, 35);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-MM-dd')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date');
const dateTime = z
  .string()
  .transform((s, ctx) => parseRomeDateTime(s) ?? (ctx.addIssue({ code: 'custom', message: 'must be an xsd:dateTime' }), z.NEVER));
const cents = (min: number) =>
  z.string().transform((s, ctx) => {
    const value = parseSoapAmount(s);
    if (value === undefined || value < min)
      ctx.addIssue({ code: 'custom', message: `must be an amount like 10.00${min ? ' (at least 0.01)' : ''}` });
    return value ?? 0;
  });
const esito = z
  .enum(['0', '3', '4', '8', '9'], { error: 'must be 0, 3, 4, 8 or 9' })
  .transform((s) => Number(s) as PagamentoRendicontato['esito']);

const pagamento = z.object({
  identificativoUnivocoVersamento: text35,
  identificativoUnivocoRiscossione: text35,
  indiceDatiSingoloPagamento: z
    .string()
    .regex(/^[1-5]$/, 'must be 1 to 5')
    .transform(Number)
    .optional(),
  singoloImportoPagato: cents(1),
  codiceEsitoSingoloPagamento: esito,
  dataEsitoSingoloPagamento: isoDate,
});

const identificativo = z.object({ tipoIdentificativoUnivoco: z.string(), codiceIdentificativoUnivoco: text35 });

const flusso = z.object({
  versioneOggetto: z.enum(['1.0', '1.1'], { error: 'must be 1.0 or 1.1' }),
  identificativoFlusso: z.string().regex(/^[a-zA-Z0-9\-_]{1,35}$/, 'must be 1 to 35 of [a-zA-Z0-9-_]'),
  dataOraFlusso: dateTime,
  identificativoUnivocoRegolamento: text35,
  dataRegolamento: isoDate,
  istitutoMittente: z.object({
    identificativoUnivocoMittente: identificativo.extend({
      tipoIdentificativoUnivoco: z.enum(['G', 'A', 'B'], { error: 'must be G, A or B' }),
    }),
    denominazioneMittente: text(3, 70).optional(),
  }),
  codiceBicBancaDiRiversamento: text35.optional(),
  istitutoRicevente: z.object({
    identificativoUnivocoRicevente: identificativo.extend({ tipoIdentificativoUnivoco: z.literal('G', { error: 'must be G' }) }),
    denominazioneRicevente: text(1, 140).optional(),
  }),
  numeroTotalePagamenti: z
    .string()
    .regex(/^0*[1-9]\d{0,14}$/, 'must be a whole number from 1')
    .transform(Number),
  importoTotalePagamenti: cents(0),
  datiSingoliPagamenti: z.array(pagamento).min(1, 'must list at least one payment'),
});

/** The flow's identity, when the document got that far: enough to name the anomaly. */
function identityOf(root: unknown): { idFlusso: string; dataOraFlusso?: string } | undefined {
  const r = root as Record<string, unknown> | undefined;
  const idFlusso = r?.identificativoFlusso;
  if (typeof idFlusso !== 'string' || !idFlusso) return undefined;
  return { idFlusso, dataOraFlusso: typeof r?.dataOraFlusso === 'string' ? r.dataOraFlusso : undefined };
}

export function leggiFlussoRiversamento(xml: string): LetturaFlusso {
  // Refused before parsing: no DTD, no entity is ever expanded (the station's rule for any XML from outside).
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, errori: ['refused: the document carries a DOCTYPE or an entity declaration'] };
  if (NOT_XML_CHAR.test(xml)) return { ok: false, errori: ['not well-formed XML: a character XML does not allow'] };
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return { ok: false, errori: [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`] };
  const root = (parser.parse(xml) as Record<string, unknown>).FlussoRiversamento;
  if (!root) return { ok: false, errori: ['not a FlussoRiversamento document'] };
  const parsed = flusso.safeParse(root);
  if (!parsed.success) {
    const errori = parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.')}: ${i.message}`);
    return { ok: false, errori, identificativo: identityOf(root) };
  }
  const f = parsed.data;
  return {
    ok: true,
    flusso: {
      idDominioRicevente: f.istitutoRicevente.identificativoUnivocoRicevente.codiceIdentificativoUnivoco,
      idFlusso: f.identificativoFlusso,
      dataOraFlusso: f.dataOraFlusso,
      idPsp: f.istitutoMittente.identificativoUnivocoMittente.codiceIdentificativoUnivoco,
      bicRiversamento: f.codiceBicBancaDiRiversamento,
      trn: f.identificativoUnivocoRegolamento,
      dataRegolamento: f.dataRegolamento,
      numeroPagamenti: f.numeroTotalePagamenti,
      importoTotaleCents: f.importoTotalePagamenti,
      pagamenti: f.datiSingoliPagamenti.map((p) => ({
        iuv: p.identificativoUnivocoVersamento,
        iur: p.identificativoUnivocoRiscossione,
        indice: p.indiceDatiSingoloPagamento,
        importoCents: p.singoloImportoPagato,
        esito: p.codiceEsitoSingoloPagamento,
        data: p.dataEsitoSingoloPagamento,
      })),
      xml,
    },
  };
}
