/** The Avviso pagoPA PDF renderer and the payloads it prints (QR code, Poste data matrix). */
export { renderAvvisoPdf, type AvvisoPdfData, type AvvisoPdfRata, type LinguaSecondaria } from './avviso-pdf';
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
