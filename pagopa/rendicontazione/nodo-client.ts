import { join } from 'node:path';
import { createClientAsync, type Client } from 'soap';
import { projectRoot } from '../../core/project-root';
import { parseRomeDateTime } from '../../core/rome-time';
import { leggiFlussoRiversamento } from './flusso-riversamento';
import { SorgenteNonDisponibile, type DominioStazione, type FlussoElencato, type FlussoScaricato, type SorgenteFlussi } from './sorgente';

/** The hub's own WSDL of the two nodeForPa operations (pagopa/wsdl). */
export const NODE_FOR_PA_WSDL = join(projectRoot(), 'pagopa', 'wsdl', 'nodeForPa.wsdl');

export interface NodoClientOptions {
  /** nodeForPa's endpoint. */
  url: string;
  /** The station's password, which the Nodo checks in every request's body. */
  password: string;
  /** pagoPA's API gateway subscription key (Ocp-Apim-Subscription-Key), when the Nodo is behind it. */
  apiKey?: string;
  timeoutMs: number;
}

interface FaultBean {
  faultCode?: string;
  faultString?: string;
  description?: string;
}
interface ElencoRisposta {
  fault?: FaultBean;
  elencoFlussiRendicontazione?: { totRestituiti?: number; idRendicontazione?: IdRendicontazione | IdRendicontazione[] | null };
}
interface IdRendicontazione {
  identificativoFlusso?: string;
  dataOraFlusso?: string;
}
interface FlussoRisposta {
  fault?: FaultBean;
  xmlRendicontazione?: string;
}
type Operation<R> = (args: object, options: object) => Promise<[R, string]>;

/**
 * The Nodo as a source of flows: nodoChiediElencoFlussiRendicontazione for a dominio, then
 * nodoChiediFlussoRendicontazione for each flow, through a `soap` client generated from the hub's
 * own WSDL (made once, on first use). The answer's dateTimes are kept as written (Rome time without
 * offset) and read as such: soap's own Date conversion would read them in the process's zone.
 */
export class NodoClient implements SorgenteFlussi {
  readonly nome = 'NODO';
  private client?: Promise<Client>;

  constructor(private readonly o: NodoClientOptions) {}

  private soap(): Promise<Client> {
    this.client ??= createClientAsync(NODE_FOR_PA_WSDL, {
      endpoint: this.o.url,
      customDeserializer: { dateTime: (text: string) => text },
    }).then((c) => {
      if (this.o.apiKey) c.addHttpHeader('Ocp-Apim-Subscription-Key', this.o.apiKey);
      return c;
    });
    return this.client;
  }

  private credenziali(d: DominioStazione) {
    return {
      identificativoIntermediarioPA: d.idIntermediario,
      identificativoStazioneIntermediarioPA: d.idStazione,
      password: this.o.password,
      identificativoDominio: d.idDominio,
    };
  }

  private async call<R extends { fault?: FaultBean }>(operation: string, args: object): Promise<R> {
    const client = await this.soap();
    let risposta: R;
    try {
      [risposta] = await (client[`${operation}Async`] as Operation<R>)(args, { timeout: this.o.timeoutMs });
    } catch (e) {
      throw unreachable(operation, e);
    }
    const fault = risposta?.fault;
    if (fault) {
      throw new SorgenteNonDisponibile(
        fault.faultCode ?? 'FAULT',
        `${operation}: the Nodo answered ${fault.faultCode} ${fault.faultString ?? ''}${fault.description ? ` (${fault.description})` : ''}`,
      );
    }
    return risposta ?? ({} as R);
  }

  async elenco(d: DominioStazione): Promise<FlussoElencato[]> {
    const r = await this.call<ElencoRisposta>('nodoChiediElencoFlussiRendicontazione', this.credenziali(d));
    const ids = r.elencoFlussiRendicontazione?.idRendicontazione;
    const list = ids ? (Array.isArray(ids) ? ids : [ids]) : [];
    return list.map((id) => {
      const dataOraFlusso = id.dataOraFlusso ? parseRomeDateTime(id.dataOraFlusso) : undefined;
      if (!id.identificativoFlusso || !dataOraFlusso) {
        throw new SorgenteNonDisponibile(
          'PROTOCOL',
          `nodoChiediElencoFlussiRendicontazione: an entry without identificativoFlusso or a valid dataOraFlusso`,
        );
      }
      return { idFlusso: id.identificativoFlusso, dataOraFlusso };
    });
  }

  async scarica(d: DominioStazione, flusso: FlussoElencato): Promise<FlussoScaricato> {
    const r = await this.call<FlussoRisposta>('nodoChiediFlussoRendicontazione', {
      ...this.credenziali(d),
      identificativoFlusso: flusso.idFlusso,
    });
    if (!r.xmlRendicontazione)
      throw new SorgenteNonDisponibile(
        'PROTOCOL',
        `nodoChiediFlussoRendicontazione ${flusso.idFlusso}: no xmlRendicontazione and no fault`,
      );
    const xml = Buffer.from(r.xmlRendicontazione, 'base64').toString('utf8');
    const letto = leggiFlussoRiversamento(xml);
    if (!letto.ok) return { ok: false, errori: letto.errori, xml };
    const { idDominioRicevente: _ricevente, ...resto } = letto.flusso;
    return { ok: true, flusso: { ...resto, sorgente: 'NODO', idDominio: d.idDominio } };
  }
}

/** soap's errors: the HTTP layer's (no answer, a status with no SOAP fault) or a SOAP Fault. */
function unreachable(operation: string, e: unknown): SorgenteNonDisponibile {
  const err = e as {
    response?: { status?: number };
    root?: { Envelope?: { Body?: { Fault?: { faultcode?: string; faultstring?: string } } } };
    code?: string;
    message?: string;
  };
  const soapFault = err.root?.Envelope?.Body?.Fault;
  if (soapFault)
    return new SorgenteNonDisponibile('SOAP_FAULT', `${operation}: SOAP Fault ${soapFault.faultcode}: ${soapFault.faultstring}`);
  if (err.response?.status)
    return new SorgenteNonDisponibile(`HTTP_${err.response.status}`, `${operation}: the Nodo answered HTTP ${err.response.status}`);
  return new SorgenteNonDisponibile('UNREACHABLE', `${operation}: the Nodo did not answer (${err.code ?? err.message ?? String(e)})`);
}
