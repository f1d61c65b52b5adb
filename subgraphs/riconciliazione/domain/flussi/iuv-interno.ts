/** What decides whether an IUV is one the hub issues for a dominio. */
export interface DominioIuv {
  intermediato: boolean;
  auxDigit: string;
  segregationCode?: string | null;
}

/**
 * Whether an IUV belongs to this dominio as the hub intermediates it (GovPay's
 * IuvUtils.isIuvInterno): aux digit 0 numbers of 15 digits, aux 1 of 17, aux 3 those carrying the
 * segregation code (17 digits, or RF with the code after the check digits). A line with an IUV that
 * is not interno and no pendenza is a payment of another intermediario, not an anomaly.
 */
export function isIuvInterno(d: DominioIuv, iuv: string): boolean {
  if (!d.intermediato) return false;
  const numerico = /^\d+$/.test(iuv);
  if (d.auxDigit === '0') return numerico && iuv.length === 15;
  if (d.auxDigit === '1') return numerico && iuv.length === 17;
  if (d.auxDigit === '3' && d.segregationCode) {
    const code = d.segregationCode.padStart(2, '0');
    return (iuv.startsWith('RF') && iuv.slice(4, 6) === code) || (numerico && iuv.length === 17 && iuv.startsWith(code));
  }
  return false;
}
