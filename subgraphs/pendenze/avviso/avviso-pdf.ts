import { dataMatrixMatrix, qrCodeMatrix } from './codes';
import { renderPdf } from './drawing';
import { drawPage, type PaginaAvviso } from './layout';
import { contoCorrentePostale, formatData, formatEuro, formatNumeroAvviso, posteDataMatrixPayload, qrCodePayload } from './payloads';
import type { AvvisoPdfData, AvvisoPdfRata } from './types';

export type { AvvisoPdfData, AvvisoPdfRata } from './types';
export type { LinguaSecondaria } from './labels';

/**
 * The Avviso pagoPA as a PDF: one A4 page per rata (a documento with several rate has several
 * pages), each with its QR code and, when `postale` is given, the Poste bollettino with its data
 * matrix. Bad data (numero avviso, codice fiscale ente, amount, date, IBAN) is refused with an Error
 * before anything is drawn.
 */
export async function renderAvvisoPdf(avviso: AvvisoPdfData): Promise<Buffer> {
  if (avviso.rate.length === 0) throw new Error("l'avviso non ha rate");
  const pages = avviso.rate.map((rata, i) => pageOf(avviso, rata, i));
  return renderPdf(
    {
      title: `Avviso di pagamento - ${avviso.causale}`,
      author: avviso.ente.ragioneSociale,
      subject: avviso.rate.map((r) => r.numeroAvviso).join(' '),
    },
    pages.map((page) => (doc) => drawPage(doc, page)),
  );
}

function pageOf(avviso: AvvisoPdfData, rata: AvvisoPdfRata, index: number): PaginaAvviso {
  const { ente, debitore, causale, postale } = avviso;
  const qrCode = qrCodeMatrix(qrCodePayload(rata.numeroAvviso, ente.cf, rata.importoCents));
  const page: PaginaAvviso = {
    data: avviso,
    rata: { numero: index + 1, di: avviso.rate.length },
    importo: formatEuro(rata.importoCents),
    scadenza: rata.dataScadenza === undefined ? undefined : formatData(rata.dataScadenza),
    numeroAvviso: formatNumeroAvviso(rata.numeroAvviso),
    iuv: rata.iuv,
    qrCode,
  };
  if (postale) {
    const payload = posteDataMatrixPayload({
      numeroAvviso: rata.numeroAvviso,
      ibanPostale: postale.iban,
      importoCents: rata.importoCents,
      cfEnte: ente.cf,
      cfDebitore: debitore.cf,
      anagraficaDebitore: debitore.anagrafica,
      causale,
    });
    page.postale = { conto: contoCorrentePostale(postale.iban), dataMatrix: dataMatrixMatrix(payload) };
  }
  return page;
}
