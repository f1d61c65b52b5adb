import type { CodeMatrix } from './codes';
import { COLOR, CONTENT_WIDTH, drawCode, drawLogo, field, PAGE, sectionTitle, write, type Doc } from './drawing';
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
  qrCode: CodeMatrix;
  postale?: { conto: string; dataMatrix: CodeMatrix };
}

function sectionTitleOf(doc: Doc, key: LabelKey, lingua: LinguaSecondaria | undefined, x: number, y: number, width: number): number {
  return sectionTitle(doc, heading(key, lingua), x, y, width);
}

function header(doc: Doc, p: PaginaAvviso, y: number): number {
  const { ente } = p.data;
  const rightWidth = 210;
  let x = PAGE.margin;
  const logo = drawLogo(doc, ente.logo, x, y, 54);
  if (logo) x += 64;
  const leftWidth = PAGE.width - PAGE.margin - rightWidth - 12 - x;
  let left = write(doc, ente.ragioneSociale, x, y, { font: 'bold', size: 13, width: leftWidth, lines: 2 });
  if (ente.settore) left = write(doc, ente.settore, x, left + 1, { size: 9, width: leftWidth, lines: 1 });
  if (ente.info) left = write(doc, ente.info, x, left + 1, { size: 7.5, color: COLOR.muted, width: leftWidth, lines: 3 });

  const rightX = PAGE.width - PAGE.margin - rightWidth;
  const title = heading('avviso', p.data.linguaSecondaria);
  let right = write(doc, title.it, rightX, y, { font: 'bold', size: 16, color: COLOR.accent, width: rightWidth, align: 'right' });
  if (title.second)
    right = write(doc, title.second, rightX, right, { font: 'bold', size: 10, color: COLOR.muted, width: rightWidth, align: 'right' });
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

  let left = sectionTitleOf(doc, 'enteCreditore', linguaSecondaria, PAGE.margin, y, width);
  left = write(doc, `${t('codiceFiscale')} ${ente.cf}`, PAGE.margin, left, { size: 8, color: COLOR.muted, width });
  left = write(doc, ente.ragioneSociale, PAGE.margin, left + 1, { font: 'bold', size: 10, width, lines: 2 });
  if (ente.settore) left = write(doc, ente.settore, PAGE.margin, left, { size: 8.5, width, lines: 1 });

  let right = sectionTitleOf(doc, 'destinatario', linguaSecondaria, rightX, y, width);
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

  let left = sectionTitleOf(doc, 'quantoQuando', lingua, PAGE.margin + pad, y + pad, width);
  const amount = write(doc, p.importo, PAGE.margin + pad, left + 2, { font: 'bold', size: 20, color: COLOR.accent, width });
  left = p.scadenza
    ? write(doc, `${t('entroIl')} ${p.scadenza}`, PAGE.margin + pad, amount + 1, { font: 'bold', size: 11, width })
    : amount;
  write(doc, TESTI.importoAggiornato, PAGE.margin + pad, left + 5, { size: 7, color: COLOR.muted, width, lines: 3 });

  const right = sectionTitleOf(doc, 'dovePagare', lingua, rightX, y + pad, width);
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
  drawCode(doc, p.qrCode, PAGE.margin + 12, top + 4, CODE_SIZE, CODE_SIZE);
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
  drawCode(doc, p.postale.dataMatrix, PAGE.margin + 12, top + 4, CODE_SIZE, CODE_SIZE);
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
  y =
    write(doc, TESTI.porzione, PAGE.margin, y, { font: 'italic', size: 8, color: COLOR.muted, width: CONTENT_WIDTH, align: 'center' }) + 6;
  y = bankPart(doc, p, y);
  postalPart(doc, p, y);
}
