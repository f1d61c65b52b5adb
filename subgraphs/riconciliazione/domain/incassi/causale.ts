/**
 * Finding the payment reference in a bank entry's description (AgID's SACIV 1.2.1), with GovPay's
 * own lenient rules: the reference may be anywhere in a long description, any one character may
 * separate its parts, and the token is accepted only when it looks like what it names.
 */

/** `/RFB/<iuv>` or `/RFS/<RF…>`: the token after RFB/RFS and one separator. */
const SINGOLO = /RF[SB].([0-9A-Za-z\-_]+)/g;
/** `/PUR/LGPE-RIVERSAMENTO/URI/<idFlusso>`, optionally with GovPay's `/TXT/<n>/` before URI. */
const CUMULATIVO = /PUR.LGPE-RIVERSAMENTO.(TXT.[0-9].)?URI.([0-9A-Za-z\-_]+)/g;
/** An idFlusso: `yyyy-MM-dd` + idPSP + `-` + progressivo. */
const ID_FLUSSO = /\d{4}-\d{2}-\d{2}[0-9A-Za-z_]*-\S*/;
/** A numeric IUV of 15–17 digits (found anywhere in the token, as GovPay does) or an ISO 11649 one. */
const IUV = /[0-9]{15,17}|^RF/;

/** What a bank entry pays: one payment by its IUV, or a whole reporting flow. */
export type Riferimento = { tipo: 'SINGOLO'; iuv: string } | { tipo: 'FLUSSO'; idFlusso: string };

/** GovPay's limit on the causale of an incasso. */
export const MAX_CAUSALE = 512;

function firstMatch(causale: string, pattern: RegExp, group: number, accept: RegExp): string | undefined {
  for (const m of causale.matchAll(pattern)) {
    const token = m[group];
    if (token && accept.test(token)) return token;
  }
  return undefined;
}

/** The reference a causale carries (a flow first, as GovPay does), or undefined when it has none. */
export function riferimentoDaCausale(causale: string): Riferimento | undefined {
  const idFlusso = firstMatch(causale, CUMULATIVO, 2, ID_FLUSSO);
  if (idFlusso) return { tipo: 'FLUSSO', idFlusso };
  const iuv = firstMatch(causale, SINGOLO, 1, IUV);
  return iuv ? { tipo: 'SINGOLO', iuv } : undefined;
}
