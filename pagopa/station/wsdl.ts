import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { projectRoot } from '../../core/project-root';
import { escapeXml } from '../soap/xml';

/** The project's own WSDL and schema, served by the station at its endpoint. */
const WSDL_DIR = join(projectRoot(), 'pagopa', 'wsdl');

export const XSD_QUERY = 'paForNode.xsd';

export interface ServiceDescription {
  /** The WSDL with soap:address at `endpoint` and its schema at `endpoint?xsd=paForNode.xsd`. */
  wsdl(endpoint: string): string;
  xsd: string;
}

export function serviceDescription(): ServiceDescription {
  const wsdl = readFileSync(join(WSDL_DIR, 'paForNode.wsdl'), 'utf8');
  const xsd = readFileSync(join(WSDL_DIR, 'paForNode.xsd'), 'utf8');
  return {
    wsdl: (endpoint) => {
      const url = escapeXml(endpoint);
      return wsdl
        .replace(/(<soap:address location=")[^"]*(")/, `$1${url}$2`)
        .replace('schemaLocation="paForNode.xsd"', `schemaLocation="${url}?xsd=${XSD_QUERY}"`);
    },
    xsd,
  };
}

const HOST = /^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$/;

/**
 * The URL the station was asked at: the Host header and the connection's own scheme, never an
 * X-Forwarded-* header (nothing says who set it). Undefined when the Host header is not a host.
 */
export function requestedUrl(req: IncomingMessage, path: string): string | undefined {
  const host = req.headers.host;
  if (!host || !HOST.test(host)) return undefined;
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  return `${scheme}://${host}${path}`;
}
