/**
 * The Avviso pagoPA PDF renderer and the payloads it prints (QR code, Poste data matrix), and the
 * drawing kit the hub's other printed documents share with it.
 */
export { COLOR, CONTENT_WIDTH, drawLogo, field, PAGE, renderPdf, sectionTitle, write, type Doc } from './drawing';
export { renderAvvisoPdf, type AvvisoPdfData, type AvvisoPdfRata, type LinguaSecondaria } from './avviso-pdf';
export { LINGUE_SECONDARIE } from './labels';
export {
  asciiFoldUpper,
  codiceImporto,
  contoCorrentePostale,
  formatData,
  formatEuro,
  formatNumeroAvviso,
  posteDataMatrixPayload,
  qrCodePayload,
  toCents,
  type PosteDataMatrixInput,
} from './payloads';
