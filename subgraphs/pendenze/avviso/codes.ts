import bwipjs from 'bwip-js';

/**
 * The 2D codes of the avviso as their grids of modules (bwip-js encodes them; no network, no fonts),
 * for the page to draw as vector squares: the same modules a PNG of them showed, without rendering
 * a bitmap, compressing it, and having pdfkit decode and compress it again for every avviso.
 */

/** A code's modules, row by row from the top: `dark[row * columns + column]`. */
export interface CodeMatrix {
  columns: number;
  rows: number;
  dark: Uint8Array;
}

/**
 * Codes already encoded, by their exact symbology and text: encoding is a pure function of both, so
 * an entry never goes stale, and an avviso printed again (the debtor downloads it twice, a documento
 * reprinted) skips the encoder. Bounded: the oldest entry leaves first.
 */
const encoded = new Map<string, CodeMatrix>();
const MAX_ENCODED = 500;

function matrixOf(options: bwipjs.RawOptions): CodeMatrix {
  const key = `${options.bcid}\u0000${options.text}`;
  const hit = encoded.get(key);
  if (hit) return hit;
  const [symbol] = bwipjs.raw(options) as Array<{ pixs: number[]; pixx: number; pixy: number }>;
  const matrix = { columns: symbol.pixx, rows: symbol.pixy, dark: Uint8Array.from(symbol.pixs) };
  if (encoded.size >= MAX_ENCODED) encoded.delete(encoded.keys().next().value as string);
  encoded.set(key, matrix);
  return matrix;
}

/** The pagoPA QR code (error correction M, as the AgID template uses). */
export function qrCodeMatrix(payload: string): CodeMatrix {
  // eclevel is a BWIPP option the typings leave out.
  const options: bwipjs.RawOptions & { eclevel: 'M' } = { bcid: 'qrcode', text: payload, eclevel: 'M' };
  return matrixOf(options);
}

/** The Poste Italiane ECC200 data matrix (square). */
export function dataMatrixMatrix(payload: string): CodeMatrix {
  return matrixOf({ bcid: 'datamatrix', text: payload });
}
