import { romeDateTime } from '../../core/rome-time';
import { formatAmount } from '../../pagopa/soap/amount';
import { group, leaf, list, type Xml } from '../../pagopa/soap/xml';
import type { FlowLine, PublishedFlow } from './flow';

export const PAGAMENTI_NS = 'http://www.digitpa.gov.it/schemas/2011/Pagamenti/';

/** pagoPA's date-time for a flow: Rome local time, no offset, milliseconds kept (they tell revisions apart). */
export const flowDateTime = (d: Date) => romeDateTime(d);

function line(l: FlowLine): Xml {
  return group('pay_i:datiSingoliPagamenti', [
    leaf('pay_i:identificativoUnivocoVersamento', l.iuv),
    leaf('pay_i:identificativoUnivocoRiscossione', l.iur),
    leaf('pay_i:indiceDatiSingoloPagamento', String(l.indice)),
    leaf('pay_i:singoloImportoPagato', formatAmount(l.importoCents)),
    leaf('pay_i:codiceEsitoSingoloPagamento', String(l.esito)),
    leaf('pay_i:dataEsitoSingoloPagamento', l.data),
  ]);
}

/**
 * The flow as the Nodo hands it out: a FlussoRiversamento 1.0.4 document (qualified elements, as
 * the schema's elementFormDefault says). A test's broken flow writes a versioneOggetto the schema
 * does not allow, so that only the schema check, not the reading, tells it apart.
 */
export function flowXml(f: PublishedFlow): string {
  const body = [
    leaf('pay_i:versioneOggetto', f.breaksXsd ? '9.9' : '1.0'),
    leaf('pay_i:identificativoFlusso', f.idFlusso),
    leaf('pay_i:dataOraFlusso', flowDateTime(f.dataOraFlusso)),
    leaf('pay_i:identificativoUnivocoRegolamento', f.trn),
    leaf('pay_i:dataRegolamento', f.dataRegolamento),
    group('pay_i:istitutoMittente', [
      group('pay_i:identificativoUnivocoMittente', [
        leaf('pay_i:tipoIdentificativoUnivoco', 'B'),
        leaf('pay_i:codiceIdentificativoUnivoco', f.idPsp),
      ]),
      leaf('pay_i:denominazioneMittente', f.pspName),
    ]),
    leaf('pay_i:codiceBicBancaDiRiversamento', f.bic),
    group('pay_i:istitutoRicevente', [
      group('pay_i:identificativoUnivocoRicevente', [
        leaf('pay_i:tipoIdentificativoUnivoco', 'G'),
        leaf('pay_i:codiceIdentificativoUnivoco', f.idDominio),
      ]),
      leaf('pay_i:denominazioneRicevente', f.ragioneSocialeDominio),
    ]),
    leaf('pay_i:numeroTotalePagamenti', String(f.lines.length)),
    leaf('pay_i:importoTotalePagamenti', formatAmount(f.importoTotaleCents)),
    list(f.lines, line),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<pay_i:FlussoRiversamento xmlns:pay_i="${PAGAMENTI_NS}">${body.join('')}</pay_i:FlussoRiversamento>`;
}
