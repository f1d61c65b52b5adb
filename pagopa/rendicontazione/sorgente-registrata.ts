import { journaled, type Journal } from '../../core/journal';
import { SorgenteNonDisponibile, type DominioStazione, type FlussoElencato, type FlussoScaricato, type SorgenteFlussi } from './sorgente';

/** GovPay's operation names for the two sources' calls. */
const OPERAZIONI = {
  NODO: { elenco: 'nodoChiediElencoFlussiRendicontazione', scarica: 'nodoChiediFlussoRendicontazione' },
  FDR: { elenco: 'getAllPublishedFlows', scarica: 'getFlow' },
} as const;

/** A pagoPA fault is pagoPA's KO (its code the sottotipoEsito); no answer, an HTTP error or a malformed one is a FAIL. */
function failure(e: unknown) {
  if (!(e instanceof SorgenteNonDisponibile)) return { esito: 'FAIL' as const };
  return { esito: /^(PPT|PAA|FDR)_/.test(e.codice) ? ('KO' as const) : ('FAIL' as const), sottotipoEsito: e.codice };
}

/**
 * A source of reporting flows whose every call is recorded in the Giornale degli Eventi
 * (componente API_PAGOPA, ruolo CLIENT): the dominio, the flow asked for (sottotipoEvento), the esito.
 */
export function sorgenteRegistrata(sorgente: SorgenteFlussi, journal: Journal, url: string): SorgenteFlussi {
  const call = <T>(
    tipoEvento: string,
    d: DominioStazione,
    idFlusso: string | undefined,
    fn: () => Promise<T>,
    ko: (r: T) => string | undefined,
  ) =>
    journaled(
      journal,
      {
        componente: 'API_PAGOPA',
        tipoEvento,
        // GovPay counts reading flows from the Nodo among the letture.
        scrittura: false,
        idDominio: d.idDominio,
        sottotipoEvento: idFlusso,
        richiesta: () => ({ data: new Date(), url, payload: { idDominio: d.idDominio, idStazione: d.idStazione, idFlusso } }),
      },
      fn,
      (r) => {
        const problema = ko(r);
        return problema ? { esito: 'KO', dettaglioEsito: problema } : { esito: 'OK' };
      },
      failure,
    );
  const nomi = OPERAZIONI[sorgente.nome];
  return {
    nome: sorgente.nome,
    elenco: (d) =>
      call(
        nomi.elenco,
        d,
        undefined,
        () => sorgente.elenco(d),
        () => undefined,
      ),
    scarica: (d: DominioStazione, f: FlussoElencato) =>
      call(
        nomi.scarica,
        d,
        f.idFlusso,
        () => sorgente.scarica(d, f),
        (r: FlussoScaricato) => (r.ok ? undefined : r.errori.join('; ')),
      ),
  };
}
