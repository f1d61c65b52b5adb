import { heading, labeler, TESTI, type LabelKey, type LinguaSecondaria } from './labels';
import type { AvvisoPdfData } from './types';

/**
 * One A4 page of the avviso, in the spirit of the AgID "Avviso pagoPA" template: header (ente and
 * "AVVISO DI PAGAMENTO"), causale, ente and destinatario, "quanto e quando" and "dove pagare", the
 * bank part with the QR code and, for a postal IBAN, the Poste bollettino with its data matrix.
 * Everything is placed at explicit coordinates on a page without margins, so nothing overflows
 * onto a page of its own.
 */

/** What one page prints, already formatted. */
export interface PaginaAvviso {
  data: AvvisoPdfData;
  rata: { numero: number; di: number };
  importo: string;
  scadenza?: string;
  numeroAvviso: string;
  iuv?: string;
  qrCode: Buffer;
  postale?: { conto: string; dataMatrix: Buffer };
}

const PAGE = { width: 595.28, height: 841.89, margin: 36 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const COLOR = { text: '#17324D', muted: '#5C6F82', accent: '#0066CC', tint: '#EBF3FA', rule: '#C5D0DB' };
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

type Doc = PDFKit.PDFDocument;

interface TextStyle {
  font?: keyof typeof FONT;
  size?: number;
  color?: string;
  width?: number;
  /** At most this many lines; longer text ends with an ellipsis. */
  lines?: number;
  align?: 'left' | 'right' | 'center';
}

/** Draws text at (x, y) and returns the y below it. */
function write(doc: Doc, text: string, x: number, y: number, style: TextStyle = {}): number {
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

function sectionTitle(doc: Doc, key: LabelKey, lingua: LinguaSecondaria | undefined, x: number, y: number, width: number): number {
  const { it, second } = heading(key, lingua);
  let bottom = write(doc, it, x, y, { font: 'bold', size: 10, color: COLOR.accent, width });
  if (second) bottom = write(doc, second, x, bottom, { font: 'italic', size: 8, color: COLOR.muted, width });
  doc.moveTo(x, bottom + 2).lineTo(x + width, bottom + 2).lineWidth(0.8).strokeColor(COLOR.accent).stroke();
  return bottom + 6;
}

/** A label (small, grey) over its value (bold); returns the y below. */
function field(doc: Doc, label: string, value: string, x: number, y: number, width: number, lines = 1): number {
  const below = write(doc, label, x, y, { size: 7, color: COLOR.muted, width, lines: 1 });
  return write(doc, value, x, below + 1, { font: 'bold', size: 10, width, lines }) + 5;
}

function header(doc: Doc, p: PaginaAvviso, y: number): number {
  const { ente } = p.data;
  const rightWidth = 210;
  let x = PAGE.margin;
  const logo = decodeLogo(ente.logo);
  if (logo) {
    try {
      doc.image(logo, x, y, { fit: [54, 54] });
      x += 64;
    } catch {
      // A logo pdfkit cannot read is left out: the avviso is still valid without it.
    }
  }
  const leftWidth = PAGE.width - PAGE.margin - rightWidth - 12 - x;
  let left = write(doc, ente.ragioneSociale, x, y, { font: 'bold', size: 13, width: leftWidth, lines: 2 });
  if (ente.settore) left = write(doc, ente.settore, x, left + 1, { size: 9, width: leftWidth, lines: 1 });
  if (ente.info) left = write(doc, ente.info, x, left + 1, { size: 7.5, color: COLOR.muted, width: leftWidth, lines: 3 });

  const rightX = PAGE.width - PAGE.margin - rightWidth;
  const title = heading('avviso', p.data.linguaSecondaria);
  let right = write(doc, title.it, rightX, y, { font: 'bold', size: 16, color: COLOR.accent, width: rightWidth, align: 'right' });
  if (title.second) right = write(doc, title.second, rightX, right, { font: 'bold', size: 10, color: COLOR.muted, width: rightWidth, align: 'right' });
  right = write(doc, 'pagoPA', rightX, right + 2, { font: 'bold', size: 9, color: COLOR.text, width: rightWidth, align: 'right' });
  if (p.rata.di > 1) right = write(doc, rataLabel(p), rightX, right + 2, { size: 9, width: rightWidth, align: 'right' });

  const bottom = Math.max(left, right, logo ? y + 54 : y) + 14;
  const oggetto = heading('oggetto', p.data.linguaSecondaria);
  const label = oggetto.second ? `${oggetto.it} / ${oggetto.second}` : oggetto.it;
  const under = write(doc, label.toUpperCase(), PAGE.margin, bottom, { size: 7, color: COLOR.muted, width: CONTENT_WIDTH });
  return write(doc, p.data.causale, PAGE.margin, under + 2, { font: 'bold', size: 14, width: CONTENT_WIDTH, lines: 2 }) + 14;
}

function rataLabel(p: PaginaAvviso): string {
  const rata = heading('rata', p.data.linguaSecondaria);
  const di = heading('di', p.data.linguaSecondaria);
  const it = `${rata.it} ${p.rata.numero} ${di.it} ${p.rata.di}`;
  return rata.second ? `${it} / ${rata.second} ${p.rata.numero} ${di.second} ${p.rata.di}` : it;
}

function parties(doc: Doc, p: PaginaAvviso, y: number): number {
  const { ente, debitore, linguaSecondaria } = p.data;
  const t = labeler(linguaSecondaria);
  const width = (CONTENT_WIDTH - 24) / 2;
  const rightX = PAGE.margin + width + 24;

  let left = sectionTitle(doc, 'enteCreditore', linguaSecondaria, PAGE.margin, y, width);
  left = write(doc, `${t('codiceFiscale')} ${ente.cf}`, PAGE.margin, left, { size: 8, color: COLOR.muted, width });
  left = write(doc, ente.ragioneSociale, PAGE.margin, left + 1, { font: 'bold', size: 10, width, lines: 2 });
  if (ente.settore) left = write(doc, ente.settore, PAGE.margin, left, { size: 8.5, width, lines: 1 });

  let right = sectionTitle(doc, 'destinatario', linguaSecondaria, rightX, y, width);
  right = write(doc, `${t('codiceFiscale')} ${debitore.cf}`, rightX, right, { size: 8, color: COLOR.muted, width });
  right = write(doc, debitore.anagrafica, rightX, right + 1, { font: 'bold', size: 10, width, lines: 2 });
  if (debitore.indirizzo) right = write(doc, debitore.indirizzo, rightX, right, { size: 8.5, width, lines: 2 });
  return Math.max(left, right) + 14;
}

function howAndWhere(doc: Doc, p: PaginaAvviso, y: number): number {
  const lingua = p.data.linguaSecondaria;
  const t = labeler(lingua);
  const pad = 12;
  const width = (CONTENT_WIDTH - 3 * pad) / 2;
  const rightX = PAGE.margin + 2 * pad + width;
  const height = lingua ? 128 : 118;
  doc.roundedRect(PAGE.margin, y, CONTENT_WIDTH, height, 6).fill(COLOR.tint);

  let left = sectionTitle(doc, 'quantoQuando', lingua, PAGE.margin + pad, y + pad, width);
  const amount = write(doc, p.importo, PAGE.margin + pad, left + 2, { font: 'bold', size: 20, color: COLOR.accent, width });
  left = p.scadenza
    ? write(doc, `${t('entroIl')} ${p.scadenza}`, PAGE.margin + pad, amount + 1, { font: 'bold', size: 11, width })
    : amount;
  write(doc, TESTI.importoAggiornato, PAGE.margin + pad, left + 5, { size: 7, color: COLOR.muted, width, lines: 3 });

  const right = sectionTitle(doc, 'dovePagare', lingua, rightX, y + pad, width);
  const online = write(doc, TESTI.pagaOnline, rightX, right + 2, { size: 7.5, width, lines: 3 });
  write(doc, TESTI.pagaTerritorio, rightX, online + 4, { size: 7.5, width, lines: 3 });
  return y + height + 10;
}

/** A bordered box with a filled title strip; returns the y where its body starts. */
function channelBox(doc: Doc, key: LabelKey, lingua: LinguaSecondaria | undefined, y: number, height: number): number {
  doc.roundedRect(PAGE.margin, y, CONTENT_WIDTH, height, 4).lineWidth(0.8).strokeColor(COLOR.rule).stroke();
  doc.rect(PAGE.margin, y, CONTENT_WIDTH, 18).fill(COLOR.accent);
  write(doc, labeler(lingua)(key), PAGE.margin + 10, y + 5, { font: 'bold', size: 9, color: '#FFFFFF', width: CONTENT_WIDTH - 20 });
  return y + 26;
}

const CODE_SIZE = 112;
const BOX_HEIGHT = 188;

function bankPart(doc: Doc, p: PaginaAvviso, y: number): number {
  const { ente, debitore, causale, linguaSecondaria } = p.data;
  const t = labeler(linguaSecondaria);
  const height = BOX_HEIGHT;
  const top = channelBox(doc, 'banche', linguaSecondaria, y, height);
  doc.image(p.qrCode, PAGE.margin + 12, top + 4, { width: CODE_SIZE, height: CODE_SIZE });
  write(doc, TESTI.banche, PAGE.margin + 10, top + CODE_SIZE + 8, { size: 6.5, color: COLOR.muted, width: CODE_SIZE + 8, lines: 4 });

  const x = PAGE.margin + CODE_SIZE + 30;
  const width = PAGE.width - PAGE.margin - 12 - x;
  const col = (width - 12) / 2;
  const x2 = x + col + 12;
  let row = top;
  field(doc, t('destinatario'), debitore.anagrafica, x, row, col);
  row = field(doc, t('euro'), p.importo, x2, row, col);
  field(doc, t('enteCreditore'), ente.ragioneSociale, x, row, col);
  row = field(doc, t('entroIl'), p.scadenza ?? '-', x2, row, col);
  row = field(doc, t('oggetto'), causale, x, row, width, 2);
  field(doc, t('cbill'), ente.cbill ?? '-', x, row, col);
  row = field(doc, t('codiceAvviso'), p.numeroAvviso, x2, row, col);
  field(doc, t('cfEnte'), ente.cf, x, row, col);
  if (p.iuv) field(doc, 'IUV', p.iuv, x2, row, col);
  return y + height + 10;
}

function postalPart(doc: Doc, p: PaginaAvviso, y: number): number {
  const { ente, debitore, causale, linguaSecondaria, postale } = p.data;
  if (!p.postale || !postale) return y;
  const t = labeler(linguaSecondaria);
  const height = BOX_HEIGHT;
  const top = channelBox(doc, 'bollettino', linguaSecondaria, y, height);
  doc.image(p.postale.dataMatrix, PAGE.margin + 12, top + 4, { width: CODE_SIZE, height: CODE_SIZE });
  write(doc, TESTI.bollettino, PAGE.margin + 10, top + CODE_SIZE + 8, { size: 6.5, color: COLOR.muted, width: CODE_SIZE + 8, lines: 4 });

  const x = PAGE.margin + CODE_SIZE + 30;
  const width = PAGE.width - PAGE.margin - 12 - x;
  const col = (width - 12) / 2;
  const x2 = x + col + 12;
  let row = top;
  field(doc, t('contoCorrente'), p.postale.conto, x, row, col);
  row = field(doc, t('euro'), p.importo, x2, row, col);
  field(doc, t('intestatario'), postale.intestatario, x, row, col);
  row = field(doc, t('destinatario'), debitore.anagrafica, x2, row, col);
  row = field(doc, t('oggetto'), causale, x, row, width, 2);
  field(doc, t('codiceAvviso'), p.numeroAvviso, x, row, col);
  row = field(doc, t('tipo'), 'P1', x2, row, col);
  field(doc, t('cfEnte'), ente.cf, x, row, col);
  if (postale.autorizzazione) field(doc, t('autorizzazione'), postale.autorizzazione, x2, row, col);
  return y + height + 10;
}

/** Draws the whole page of one rata on the document's current (empty, margin-less) page. */
export function drawPage(doc: Doc, p: PaginaAvviso): void {
  let y = header(doc, p, PAGE.margin);
  y = parties(doc, p, y);
  y = howAndWhere(doc, p, y);
  y = write(doc, TESTI.porzione, PAGE.margin, y, { font: 'italic', size: 8, color: COLOR.muted, width: CONTENT_WIDTH, align: 'center' }) + 6;
  y = bankPart(doc, p, y);
  postalPart(doc, p, y);
}

export const PAGE_SIZE: [number, number] = [PAGE.width, PAGE.height];

function decodeLogo(logo: string | undefined): Buffer | undefined {
  if (!logo) return undefined;
  const bytes = Buffer.from(logo.replace(/^data:[^,]*,/, ''), 'base64');
  const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  return png || jpeg ? bytes : undefined;
}
