import type { Journal, EsitoEvento } from '../../core/journal';
import type { StationExchange } from '../../pagopa/station/router';
import { iuvFromNumeroAvviso } from '../../subgraphs/pendenze/services';

/** The SOAP operations at the station, as the Giornale records them (componente API_PAGOPA, ruolo SERVER). */
export function journalStation(journal: Journal): (x: StationExchange) => void {
  return (x) => {
    const r = x.request;
    const qr = r && 'qrCode' in r.request ? r.request.qrCode : undefined;
    const receipt = r && 'receipt' in r.request ? r.request.receipt : undefined;
    const esito: EsitoEvento =
      x.outcome === 'OK' ? 'OK' : x.outcome === 'KO' && x.faultCode !== 'PAA_SYSTEM_ERROR' ? 'KO' : x.status === 401 ? 'KO' : 'FAIL';
    journal.record({
      componente: 'API_PAGOPA',
      ruolo: 'SERVER',
      tipoEvento: x.operation,
      // GovPay counts every paForNode operation among the scritture.
      scrittura: true,
      esito,
      sottotipoEsito: x.faultCode ?? String(x.status),
      dettaglioEsito: x.faultDescription,
      data: x.data,
      durataEvento: x.durataMs,
      idDominio: qr?.fiscalCode ?? receipt?.fiscalCode,
      iuv: qr ? iuvFromNumeroAvviso(qr.noticeNumber) : receipt?.creditorReferenceId,
      ccp: receipt?.receiptId,
      principal: x.caller?.idIntermediario,
      richiesta: () => ({ data: x.data, method: 'POST', headers: x.requestHeaders, payload: x.requestBody }),
      risposta: () => ({ data: new Date(), status: x.status, payload: x.responseBody }),
    });
  };
}
