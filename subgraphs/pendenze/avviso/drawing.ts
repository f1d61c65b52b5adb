import PDFDocument from 'pdfkit';
import type { CodeMatrix } from './codes';

/**
 * The look of the hub's printed documents (the Avviso pagoPA, the ricevuta di pagamento): an A4
 * page without margins where everything is placed at explicit coordinates, the palette and fonts,
 * and the few drawing steps both documents are made of.
 */

export type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, margin: 36 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const COLOR = { text: '#17324D', muted: '#5C6F82', accent: '#0066CC', tint: '#EBF3FA', rule: '#C5D0DB' };
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

/** WinAnsi (the standard fonts' encoding) beyond Latin-1: what the page may print as it is. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Text the built-in Helvetica can draw: other letters lose their accents (č → c), the rest is "?". */
export function printable(text: string): string {
  const fits = (c: string) => /[\x20-\x7e\xa0-\xff\n]/.test(c) || WIN_ANSI_EXTRA.includes(c);
  return Array.from(text, (c) => {
    if (fits(c)) return c;
    const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return base && Array.from(base).every(fits) ? base : '?';
  }).join('');
}

export interface TextStyle {
  font?: keyof typeof FONT;
  size?: number;
  color?: string;
  width?: number;
  /** At most this many lines; longer text ends with an ellipsis. */
  lines?: number;
  align?: 'left' | 'right' | 'center';
}

/** Draws text at (x, y) and returns the y below it. */
export function write(doc: Doc, text: string, x: number, y: number, style: TextStyle = {}): number {
  const size = style.size ?? 9;
  doc
    .font(FONT[style.font ?? 'regular'])
    .fontSize(size)
    .fillColor(style.color ?? COLOR.text);
  const options: PDFKit.Mixins.TextOptions = { width: style.width, align: style.align ?? 'left', lineGap: 1 };
  const maxHeight = style.lines ? style.lines * (doc.currentLineHeight(true) + 1) : Infinity;
  if (style.lines) Object.assign(options, { height: maxHeight + 2, ellipsis: true });
  const shown = printable(text);
  doc.text(shown, x, y, options);
  return y + Math.min(doc.heightOfString(shown, options), maxHeight);
}

/** A section's title (with its translation below, when there is one) over an accent rule; returns the y below. */
export function sectionTitle(doc: Doc, title: { it: string; second?: string }, x: number, y: number, width: number): number {
  let bottom = write(doc, title.it, x, y, { font: 'bold', size: 10, color: COLOR.accent, width });
  if (title.second) bottom = write(doc, title.second, x, bottom, { font: 'italic', size: 8, color: COLOR.muted, width });
  doc
    .moveTo(x, bottom + 2)
    .lineTo(x + width, bottom + 2)
    .lineWidth(0.8)
    .strokeColor(COLOR.accent)
    .stroke();
  return bottom + 6;
}

/** A label (small, grey) over its value (bold); returns the y below. */
export function field(doc: Doc, label: string, value: string, x: number, y: number, width: number, lines = 1): number {
  const below = write(doc, label, x, y, { size: 7, color: COLOR.muted, width, lines: 1 });
  return write(doc, value, x, below + 1, { font: 'bold', size: 10, width, lines }) + 5;
}

/**
 * The Ente's logo (base64 PNG or JPEG, a `data:` URI accepted) fitted in a square at (x, y);
 * whether it was drawn. A logo pdfkit cannot read is left out: the document is valid without it.
 */
export function drawLogo(doc: Doc, logo: string | undefined, x: number, y: number, size: number): boolean {
  const bytes = decodeLogo(logo);
  if (!bytes) return false;
  try {
    doc.image(bytes, x, y, { fit: [size, size] });
    return true;
  } catch {
    return false;
  }
}

function decodeLogo(logo: string | undefined): Buffer | undefined {
  if (!logo) return undefined;
  const bytes = Buffer.from(logo.replace(/^data:[^,]*,/, ''), 'base64');
  const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  return png || jpeg ? bytes : undefined;
}

/**
 * A 2D code stretched over the box (x, y, width, height), its dark modules drawn black as one path
 * of rectangles (one per run of dark modules in a row) and filled at once, so that no seam shows
 * between neighbouring modules.
 */
export function drawCode(doc: Doc, code: CodeMatrix, x: number, y: number, width: number, height: number): void {
  const w = width / code.columns;
  const h = height / code.rows;
  for (let row = 0; row < code.rows; row++) {
    const line = row * code.columns;
    for (let column = 0; column < code.columns; column++) {
      if (!code.dark[line + column]) continue;
      const start = column;
      while (column + 1 < code.columns && code.dark[line + column + 1]) column++;
      doc.rect(x + start * w, y + row * h, (column + 1 - start) * w, h);
    }
  }
  doc.fill('#000000');
}

/** A PDF of A4 pages, each drawn by one function on an empty, margin-less page. */
export function renderPdf(info: { title: string; author: string; subject: string }, pages: Array<(doc: Doc) => void>): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { Title: printable(info.title), Author: printable(info.author), Subject: info.subject },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const draw of pages) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    draw(doc);
  }
  doc.end();
  return done;
}
