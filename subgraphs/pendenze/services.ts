// What the pendenze context publishes to the rest of the hub: the tracciati worker the edge runs,
// the avviso's codes REST renders and its drawing kit (the receipt is printed alike), what the
// pagamenti context needs to find, verify and pay a pendenza inside its own transaction
// (DESIGN.md §2: another context's table is changed only through its exported service), and how
// a change of a pendenza is announced. Anything else in this folder is the context's own.
export {
  codiceImporto,
  COLOR,
  CONTENT_WIDTH,
  drawLogo,
  field,
  formatEuro,
  formatNumeroAvviso,
  LINGUE_SECONDARIE,
  PAGE,
  qrCodePayload,
  renderPdf,
  sectionTitle,
  write,
  type Doc,
} from './avviso';
export { eventoPendenza } from './domain/eventi';
export { iuvFromNumeroAvviso, isIso11649 } from './domain/iuv';
export { ids as pendenzaIds, soggetto } from './domain/inputs';
export { registraPagamento } from './domain/pagamento';
export { PendenzeService, type PreparedPendenza } from './domain/pendenze';
export { referenceCache, type ConnettoreRef, type DominioRef, type StazioneRef } from './domain/references';
export { TracciatiWorker } from './domain/tracciati-worker';
export { TIPOLOGIA_GOVPAY, voceGovPay } from './domain/testi-govpay';
export { STATI_PENDENZA, toPendenzaView, type PendenzaView, type TipologiaPendenza, type VoceView } from './domain/views';
