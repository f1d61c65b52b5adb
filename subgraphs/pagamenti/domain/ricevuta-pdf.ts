import { romeDateTime } from '../../../core/rome-time';
import {
  COLOR,
  CONTENT_WIDTH,
  drawLogo,
  field,
  formatEuro,
  formatNumeroAvviso,
  PAGE,
  renderPdf,
  sectionTitle,
  write,
  type Doc,
} from '../../pendenze/services';
import type { Soggetto } from '../../../schema/entities';
import type { RicevutaView } from './ricevuta';

/**
 * The ricevuta di pagamento as a PDF, one A4 page drawn with the avviso's kit: the Ente (with its
 * logo when the dominio has one), the outcome, amount and time, the debtor and the payer when
 * someone else paid, the notice's codes, the PSP, and what was paid voce by voce.
 */
export function renderRicevutaPdf(r: RicevutaView, logo?: string): Promise<Buffer> {
  return renderPdf(
    {
      title: `Ricevuta di pagamento - ${r.causale ?? r.iuv}`,
      author: r.ragioneSocialeDominio,
      subject: `${r.idDominio} ${r.iuv} ${r.idRicevuta}`,
    },
    [(doc) => drawRicevuta(doc, r, logo)],
  );
}

/** A date-time as people read it in Italy: Europe/Rome, `dd/MM/yyyy HH:mm:ss`. */
export function dataOra(instant: Date): string {
  const [date, time] = romeDateTime(instant).split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time.slice(0, 8)}`;
}

const ESITO = { ESEGUITO: 'PAGAMENTO ESEGUITO', NON_ESEGUITO: 'PAGAMENTO NON ESEGUITO' };

function drawRicevuta(doc: Doc, r: RicevutaView, logo: string | undefined): void {
  let y = header(doc, r, logo, PAGE.margin);
  y = outcome(doc, r, y);
  y = parties(doc, r, y);
  y = payment(doc, r, y);
  y = voci(doc, r, y);
  write(
    doc,
    `Ricevuta prodotta dalla ricevuta telematica pagoPA ${r.idRicevuta}, che il prestatore del servizio di pagamento ha inviato all'Ente Creditore.`,
    PAGE.margin,
    y + 8,
    { size: 7.5, color: COLOR.muted, width: CONTENT_WIDTH, lines: 3 },
  );
}

function header(doc: Doc, r: RicevutaView, logo: string | undefined, y: number): number {
  const rightWidth = 210;
  const x = drawLogo(doc, logo, PAGE.margin, y, 54) ? PAGE.margin + 64 : PAGE.margin;
  const leftWidth = PAGE.width - PAGE.margin - rightWidth - 12 - x;
  let left = write(doc, r.ragioneSocialeDominio, x, y, { font: 'bold', size: 13, width: leftWidth, lines: 2 });
  left = write(doc, `Cod. Fiscale ${r.idDominio}`, x, left + 1, { size: 8, color: COLOR.muted, width: leftWidth });
  const rightX = PAGE.width - PAGE.margin - rightWidth;
  let right = write(doc, 'RICEVUTA DI PAGAMENTO', rightX, y, {
    font: 'bold',
    size: 16,
    color: COLOR.accent,
    width: rightWidth,
    align: 'right',
  });
  right = write(doc, 'pagoPA', rightX, right + 2, { font: 'bold', size: 9, width: rightWidth, align: 'right' });
  return Math.max(left, right, logo ? y + 54 : y) + 16;
}

function outcome(doc: Doc, r: RicevutaView, y: number): number {
  const pad = 12;
  const height = 62;
  doc.roundedRect(PAGE.margin, y, CONTENT_WIDTH, height, 6).fill(COLOR.tint);
  const half = (CONTENT_WIDTH - 3 * pad) / 2;
  const color = r.esito === 'ESEGUITO' ? COLOR.accent : '#B00020';
  const esito = write(doc, ESITO[r.esito], PAGE.margin + pad, y + pad, { font: 'bold', size: 14, color, width: half });
  write(doc, `il ${dataOra(r.dataPagamento)}`, PAGE.margin + pad, esito + 2, { size: 10, width: half });
  const rightX = PAGE.margin + 2 * pad + half;
  const label = write(doc, 'Importo', rightX, y + pad, { size: 8, color: COLOR.muted, width: half, align: 'right' });
  write(doc, formatEuro(r.importoCents), rightX, label + 1, { font: 'bold', size: 20, color: COLOR.accent, width: half, align: 'right' });
  return y + height + 14;
}

function parties(doc: Doc, r: RicevutaView, y: number): number {
  const columns = r.versante ? 3 : 2;
  const gap = 18;
  const width = (CONTENT_WIDTH - (columns - 1) * gap) / columns;
  const at = (i: number) => PAGE.margin + i * (width + gap);
  const bottoms = [party(doc, 'ENTE CREDITORE', { identificativo: r.idDominio, anagrafica: r.ragioneSocialeDominio }, at(0), y, width)];
  bottoms.push(party(doc, 'DEBITORE', r.debitore, at(1), y, width));
  if (r.versante) bottoms.push(party(doc, 'VERSANTE (CHI HA PAGATO)', r.versante, at(2), y, width));
  return Math.max(...bottoms) + 12;
}

function party(doc: Doc, title: string, s: Partial<Soggetto>, x: number, y: number, width: number): number {
  let bottom = sectionTitle(doc, { it: title }, x, y, width);
  bottom = write(doc, s.anagrafica ?? '-', x, bottom, { font: 'bold', size: 10, width, lines: 2 });
  bottom = write(doc, `Cod. Fiscale ${s.identificativo ?? '-'}`, x, bottom + 1, { size: 8, color: COLOR.muted, width });
  const street = [s.indirizzo, s.civico].filter(Boolean).join(' ');
  const place = [s.cap, s.localita, s.provincia && `(${s.provincia})`].filter(Boolean).join(' ');
  const address = [street, place].filter(Boolean).join(', ');
  return address ? write(doc, address, x, bottom + 1, { size: 8, width, lines: 2 }) : bottom;
}

function payment(doc: Doc, r: RicevutaView, y: number): number {
  const top = sectionTitle(doc, { it: 'DATI DEL PAGAMENTO' }, PAGE.margin, y, CONTENT_WIDTH);
  const col = (CONTENT_WIDTH - 12) / 2;
  const x2 = PAGE.margin + col + 12;
  let row = field(doc, 'Oggetto del pagamento', r.causale ?? '-', PAGE.margin, top, CONTENT_WIDTH, 2);
  field(
    doc,
    'Codice Avviso',
    r.numeroAvviso && /^\d{18}$/.test(r.numeroAvviso) ? formatNumeroAvviso(r.numeroAvviso) : (r.numeroAvviso ?? '-'),
    PAGE.margin,
    row,
    col,
  );
  row = field(doc, 'Codice IUV', r.iuv, x2, row, col);
  field(doc, 'Identificativo univoco di riscossione (IUR)', r.idRicevuta, PAGE.margin, row, col);
  row = field(doc, 'Data e ora del pagamento', dataOra(r.dataPagamento), x2, row, col);
  field(doc, 'Prestatore del servizio di pagamento (PSP)', r.psp.ragioneSociale ?? r.psp.idPsp, PAGE.margin, row, col);
  row = field(doc, 'Codice PSP', r.psp.idPsp, x2, row, col);
  return row + 8;
}

function voci(doc: Doc, r: RicevutaView, y: number): number {
  let row = sectionTitle(doc, { it: 'DETTAGLIO DEL PAGAMENTO' }, PAGE.margin, y, CONTENT_WIDTH);
  const amountWidth = 110;
  const textWidth = CONTENT_WIDTH - amountWidth - 12;
  const amountX = PAGE.margin + CONTENT_WIDTH - amountWidth;
  write(doc, 'Descrizione', PAGE.margin, row, { size: 7, color: COLOR.muted, width: textWidth });
  row = write(doc, 'Importo', amountX, row, { size: 7, color: COLOR.muted, width: amountWidth, align: 'right' }) + 3;
  for (const v of r.voci) {
    const bottom = write(doc, v.descrizione, PAGE.margin, row, { size: 10, width: textWidth, lines: 2 });
    write(doc, formatEuro(v.importoCents), amountX, row, { size: 10, width: amountWidth, align: 'right' });
    row = bottom + 4;
    doc
      .moveTo(PAGE.margin, row - 2)
      .lineTo(PAGE.margin + CONTENT_WIDTH, row - 2)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke();
  }
  write(doc, 'Totale', PAGE.margin, row + 2, { font: 'bold', size: 10, width: textWidth });
  return write(doc, formatEuro(r.importoCents), amountX, row + 2, { font: 'bold', size: 10, width: amountWidth, align: 'right' }) + 6;
}
