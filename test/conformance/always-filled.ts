/**
 * The fields GovPay's Backoffice always fills in a pendenza, even where the spec marks them optional
 * (PendenzeConverter.toRsModel / toRsModelIndex and toVocePendenzaRsModel set them unconditionally):
 * a console reading them finds blank fields if they are missing, which a schema check alone does not catch.
 */
const PENDENZA_COMUNE = [
  'idA2A',
  'idPendenza',
  'tipoPendenza',
  'dominio',
  'stato',
  'causale',
  'importo',
  'soggettoPagatore',
  'dataCaricamento',
  'dataUltimoAggiornamento',
  'importoPagato',
  'importoIncassato',
  'iuvPagamento',
  'verificato',
  'anomalo',
  'tipo',
  'UUID',
  'rpp',
  'pagamenti',
] as const;

/** Pendenza (the detail, byAvviso). */
export const BACKOFFICE_PENDENZA_SEMPRE = [...PENDENZA_COMUNE, 'voci'] as const;

/** PendenzaIndex (the list, and the pendenza an rpp or a riscossione embeds). */
export const BACKOFFICE_PENDENZA_INDEX_SEMPRE = PENDENZA_COMUNE;

/** The tipoPendenza object (TipoPendenzaIndex). */
export const BACKOFFICE_TIPO_PENDENZA_SEMPRE = ['idTipoPendenza', 'descrizione', 'tipo'] as const;

/** VocePendenza. */
export const BACKOFFICE_VOCE_SEMPRE = ['indice', 'idVocePendenza', 'importo', 'descrizione', 'stato'] as const;

type Json = Record<string, unknown>;

const missing = (o: unknown, fields: readonly string[], where: string) =>
  o && typeof o === 'object' ? fields.filter((f) => !(f in (o as Json))).map((f) => `${where}: ${f} missing`) : [`${where}: not an object`];

/** What a Backoffice Pendenza (detail) lacks of what GovPay always fills. */
export function pendenzaProblems(p: Json, where: string): string[] {
  return [
    ...missing(p, BACKOFFICE_PENDENZA_SEMPRE, where),
    ...missing(p.tipoPendenza, BACKOFFICE_TIPO_PENDENZA_SEMPRE, `${where}.tipoPendenza`),
    ...((p.voci as Json[] | undefined) ?? []).flatMap((v, i) => missing(v, BACKOFFICE_VOCE_SEMPRE, `${where}.voci[${i}]`)),
    ...((p.rpp as Json[] | undefined) ?? []).flatMap((r, i) => pendenzaIndexProblems(r.pendenza as Json, `${where}.rpp[${i}].pendenza`)),
  ];
}

/** What a Backoffice PendenzaIndex lacks of what GovPay always fills. */
export function pendenzaIndexProblems(p: Json, where: string): string[] {
  return [
    ...missing(p, BACKOFFICE_PENDENZA_INDEX_SEMPRE, where),
    ...missing(p?.tipoPendenza, BACKOFFICE_TIPO_PENDENZA_SEMPRE, `${where}.tipoPendenza`),
  ];
}
