import bwipjs from 'bwip-js';

/** The 2D codes of the avviso as PNG images (bwip-js draws them; no network, no fonts). */

/** The pagoPA QR code (error correction M, as the AgID template uses). */
export function qrCodePng(payload: string): Promise<Buffer> {
  // eclevel is a BWIPP option the typings leave out.
  const options: bwipjs.RenderOptions & { eclevel: 'M' } = { bcid: 'qrcode', text: payload, eclevel: 'M', scale: 8 };
  return bwipjs.toBuffer(options);
}

/** The Poste Italiane ECC200 data matrix (square). */
export function dataMatrixPng(payload: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'datamatrix', text: payload, scale: 6 });
}
