import { randomInt } from 'node:crypto';
import type { MarcaDaBolloRequest } from './types';
import { group, leaf, type Xml } from '../../pagopa/soap/xml';

/**
 * The digital marca da bollo a PSP sells for a transfer that asks for one (V2's
 * richiestaMarcaDaBollo), delivered base64 in the receipt's MBDAttachment. It follows Agenzia
 * delle Entrate's MarcaDaBollo layout but is not signed: no one can issue a real one here.
 */
const MDB_NS = 'http://www.agenziaentrate.gov.it/2014/MarcaDaBollo';
const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';

export interface MarcaDaBolloIssue {
  request: MarcaDaBolloRequest;
  amount: string;
  pspFiscalCode: string;
  pspName: string;
  purchasedAt: string;
}

export function issueMarcaDaBollo(m: MarcaDaBolloIssue): string {
  // The IUBD is the stamp's unique 14-digit number.
  const iubd = Array.from({ length: 14 }, () => randomInt(10)).join('');
  const content: Xml[] = [
    group('PSP', [leaf('CodiceFiscale', m.pspFiscalCode), leaf('Denominazione', m.pspName)]),
    leaf('IUBD', iubd),
    leaf('OraAcquisto', m.purchasedAt),
    leaf('Importo', m.amount),
    leaf('TipoBollo', m.request.tipoBollo),
    group('ImprontaDocumento', [
      '<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>' as Xml,
      leaf('ds:DigestValue', m.request.hashDocumento),
    ]),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?><marcaDaBollo xmlns="${MDB_NS}" xmlns:ds="${DS_NS}">${content.join('')}</marcaDaBollo>`;
  return Buffer.from(xml, 'utf8').toString('base64');
}
