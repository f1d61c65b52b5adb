import express, { type Request, type Response } from 'express';
import { parseSoap, type XmlElement } from '../../pagopa/soap/parse';
import { SOAP11_ENV_NS } from '../../pagopa/soap/protocol';
import { group, leaf, list, writable, type Xml } from '../../pagopa/soap/xml';
import type { SourceFaults } from './faults';
import { flowDateTime, flowXml } from './flow-xml';
import type { Flows } from './flows';

/** Where the simulated Nodo serves nodeForPa (RENDICONTAZIONI_NODO_URL's default points here). */
export const NODE_FOR_PA_PATH = '/nodo/nodeForPa';
export const NODE_FOR_PA_NS = 'http://ws.pagamenti.telematici.gov/';

/** Who may ask: the stations the simulator's Nodo knows, with the password the Nodo checks. */
export interface NodoCredentials {
  idIntermediarioPA: string;
  stations: string[];
  password: string;
}

interface Fault {
  faultCode: string;
  faultString: string;
  description?: string;
}

const OPERATIONS = ['nodoChiediElencoFlussiRendicontazione', 'nodoChiediFlussoRendicontazione'] as const;
type Operation = (typeof OPERATIONS)[number];

function envelope(operation: Operation | string, content: Xml[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP11_ENV_NS}" xmlns:nfpa="${NODE_FOR_PA_NS}">` +
    `<soapenv:Body><nfpa:${operation}Risposta>${content.join('')}</nfpa:${operation}Risposta></soapenv:Body></soapenv:Envelope>`
  );
}

/** The Nodo's fault bean (ctFaultBean), as its reporting primitives write it: id NodoDeiPagamentiSPC. */
function faultXml(f: Fault): Xml {
  return group('fault', [
    leaf('faultCode', f.faultCode),
    leaf('faultString', f.faultString),
    leaf('id', 'NodoDeiPagamentiSPC'),
    leaf('description', f.description === undefined ? undefined : writable(f.description)),
  ]);
}

const childText = (root: XmlElement, name: string) => root.children.find((c) => c.name === name)?.text;

/**
 * The Nodo's nodeForPa reporting primitives over SOAP 1.1, as pagoPA's Nodo answers them: the
 * station's credentials checked in the body (broker, station, password: PPT_AUTENTICAZIONE when
 * wrong), the list of each flow's latest revision, a flow as base64 FlussoRiversamento XML, and
 * PPT_ID_FLUSSO_SCONOSCIUTO for a flow it does not have. Business errors are a `fault` inside
 * the answer, never a SOAP Fault (the Nodo's practice); an unreadable request gets PPT_SINTASSI_XSD.
 */
export function nodoRoutes(flows: Flows, credentials: NodoCredentials, faults: SourceFaults): express.Router {
  const router = express.Router();
  router.post(NODE_FOR_PA_PATH, express.text({ type: () => true, limit: '1mb' }), (req: Request, res: Response) => {
    if (faults.nodo === 'hang') return;
    if (faults.nodo === 'down') return void req.socket.destroy();
    const parsed = parseSoap(typeof req.body === 'string' ? req.body : '');
    const reply = (operation: string, content: Xml[]) => res.type('text/xml; charset=utf-8').send(envelope(operation, content));
    if (!parsed.ok)
      return reply('nodoChiediElencoFlussiRendicontazione', [
        faultXml({ faultCode: 'PPT_SINTASSI_XSD', faultString: 'Errore di sintassi XSD', description: parsed.error }),
      ]);
    const root = parsed.document.root;
    const operation = OPERATIONS.find((o) => o === root.name && root.namespace === NODE_FOR_PA_NS);
    if (!operation)
      return reply(root.name, [
        faultXml({ faultCode: 'PPT_SINTASSI_XSD', faultString: 'Errore di sintassi XSD', description: `unknown operation ${root.name}` }),
      ]);
    const action = req.header('soapaction')?.replace(/^"|"$/g, '');
    if (action !== undefined && action !== operation) {
      return reply(operation, [
        faultXml({
          faultCode: 'PPT_SOAPACTION_ERRATA',
          faultString: 'SOAPAction errata',
          description: `SOAPAction ${action} for ${operation}`,
        }),
      ]);
    }
    if (faults.nodo === 'fault')
      return reply(operation, [
        faultXml({ faultCode: 'PPT_SYSTEM_ERROR', faultString: 'Errore generico.', description: 'simulated failure' }),
      ]);
    const denied = authenticate(root, credentials);
    if (denied) return reply(operation, [faultXml(denied)]);
    const idDominio = childText(root, 'identificativoDominio') ?? '';
    if (operation === 'nodoChiediElencoFlussiRendicontazione') {
      const idPsp = childText(root, 'identificativoPSP');
      const elenco = flows.latest(idDominio).filter((f) => !idPsp || f.idPsp === idPsp);
      return reply(operation, [
        group('elencoFlussiRendicontazione', [
          leaf('totRestituiti', String(elenco.length)),
          list(elenco, (f) =>
            group('idRendicontazione', [leaf('identificativoFlusso', f.idFlusso), leaf('dataOraFlusso', flowDateTime(f.dataOraFlusso))]),
          ),
        ]),
      ]);
    }
    const idFlusso = childText(root, 'identificativoFlusso') ?? '';
    const flow = flows.find(idDominio, idFlusso);
    if (!flow) {
      return reply(operation, [
        faultXml({
          faultCode: 'PPT_ID_FLUSSO_SCONOSCIUTO',
          faultString: 'Identificativo flusso sconosciuto o presente in SFTP',
          description: `flusso ${idFlusso} sconosciuto`,
        }),
      ]);
    }
    reply(operation, [leaf('xmlRendicontazione', Buffer.from(flowXml(flow), 'utf8').toString('base64'))]);
  });
  return router;
}

/** The Nodo's checks of the caller: broker, then station, then the station's password. */
function authenticate(root: XmlElement, c: NodoCredentials): Fault | undefined {
  const broker = childText(root, 'identificativoIntermediarioPA');
  const station = childText(root, 'identificativoStazioneIntermediarioPA');
  if (broker !== c.idIntermediarioPA) {
    return {
      faultCode: 'PPT_INTERMEDIARIO_PA_SCONOSCIUTO',
      faultString: 'Identificativo intermediario PA sconosciuto',
      description: `intermediario ${broker ?? ''} sconosciuto`,
    };
  }
  if (!station || !c.stations.includes(station)) {
    return {
      faultCode: 'PPT_STAZIONE_INT_PA_SCONOSCIUTA',
      faultString: 'Identificativo stazione PA sconosciuto',
      description: `stazione ${station ?? ''} sconosciuta`,
    };
  }
  if (childText(root, 'password') !== c.password) {
    return { faultCode: 'PPT_AUTENTICAZIONE', faultString: 'Errore di autenticazione', description: 'password errata' };
  }
  return undefined;
}
