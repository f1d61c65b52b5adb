import type { Principal } from '../../core/principal';
import { DOMINIO_FIELDS, type GraphDominio } from '../backoffice/domini';
import { PENDENZA_FIELDS, type GraphPendenza } from '../pendenze/mapping';
import type { GraphClient } from '../shared/graph-client';
import { GRAPH_PAGE, type GraphConnection } from '../shared/paging';

/**
 * What the riconciliazione graph gives the REST APIs over it (issue 13's contract), selected once
 * and typed once; each API maps these shapes to its own JSON.
 */

export interface GraphSegnalazione {
  codice: string;
  descrizione: string;
  dettaglio?: string | null;
}

export interface GraphFlusso {
  id: string;
  idFlusso: string;
  dataFlusso: string;
  revisione: number;
  idPsp: string;
  bicRiversamento?: string | null;
  idDominio: string;
  dominio: { ragioneSociale?: string | null };
  trn: string;
  dataRegolamento: string;
  numeroPagamenti: number;
  importoTotale: string;
  stato: 'ACQUISITO' | 'ANOMALO' | 'RIFIUTATO';
  segnalazioni: GraphSegnalazione[];
  dataAcquisizione: string;
}

export interface GraphRendicontazione {
  iuv: string;
  iur: string;
  indice?: number | null;
  importo: string;
  codiceEsito: number;
  data: string;
  stato: string;
  segnalazioni: GraphSegnalazione[];
}

/** A rendicontazione with its flow (the Backoffice's /rendicontazioni). */
export interface GraphRendicontazioneConFlusso extends GraphRendicontazione {
  flusso: GraphFlusso;
}

export interface GraphRiscossione {
  idDominio: string;
  dominio: GraphDominio & { ragioneSociale: string };
  iuv: string;
  iur: string;
  indice: number;
  importo: string;
  tipo: 'ENTRATA' | 'MBT' | 'ALTRO_INTERMEDIARIO' | 'ENTRATA_PA_NON_INTERMEDIATA';
  stato: 'RISCOSSA' | 'INCASSATA';
  data: string;
  riconciliazione?: { idRiconciliazione: string } | null;
  rpp?: {
    idDominio: string;
    iuv: string;
    ccp: string;
    stato: string;
    dettaglioStato?: string | null;
    rpt: Record<string, unknown>;
    rt: Record<string, unknown>;
  } | null;
  pendenza?: GraphPendenza | null;
}

export interface GraphRiconciliazione {
  idRiconciliazione: string;
  idDominio: string;
  dominio: GraphDominio & { ragioneSociale: string };
  causale?: string | null;
  iuv?: string | null;
  idFlusso?: string | null;
  importo: string;
  sct: string;
  dataValuta?: string | null;
  dataContabile?: string | null;
  contoAccredito?: string | null;
  stato: 'ACQUISITO' | 'ERRORE';
  descrizioneStato?: string | null;
  dataRichiesta: string;
}

export interface GraphRiconciliazioneDettaglio extends GraphRiconciliazione {
  riscossioni: GraphRiscossione[];
}

const SEGNALAZIONI = 'segnalazioni { codice descrizione dettaglio }';

export const FLUSSO_FIELDS = `id idFlusso dataFlusso revisione idPsp bicRiversamento idDominio dominio { ragioneSociale } trn dataRegolamento
  numeroPagamenti importoTotale stato ${SEGNALAZIONI} dataAcquisizione`;

export const RENDICONTAZIONE_FIELDS = `iuv iur indice importo codiceEsito data stato ${SEGNALAZIONI}`;

/**
 * A riscossione with everything any API shows of it: its dominio and its pendenza whole (GovPay's
 * v1 and Backoffice embed the dominio's index; the pendenza's voce `indice` is the voce paid), the
 * pendenza with `pendenzaCampi` beside the common fields (the Backoffice's pendenza shows more).
 */
export const riscossioneFields = (
  pendenzaCampi = 'anomalo',
) => `idDominio dominio { ${DOMINIO_FIELDS} } iuv iur indice importo tipo stato data
  riconciliazione { idRiconciliazione } rpp { idDominio iuv ccp stato dettaglioStato rpt rt }
  pendenza { ${PENDENZA_FIELDS} ${pendenzaCampi} dominio { ${DOMINIO_FIELDS} } }`;

export const RISCOSSIONE_FIELDS = riscossioneFields();

export const RICONCILIAZIONE_FIELDS = `idRiconciliazione idDominio dominio { ${DOMINIO_FIELDS} } causale iuv idFlusso importo sct
  dataValuta dataContabile contoAccredito stato descrizioneStato dataRichiesta`;

/**
 * GovPay's flow lines in its detail are every line, however many: read through the flow's own
 * field in consecutive graph pages (not allRows, which stops at a GovPay page of 5,000).
 */
export async function righeDelFlusso(graph: GraphClient, principal: Principal, id: string): Promise<GraphRendicontazione[]> {
  const righe: GraphRendicontazione[] = [];
  let after: string | undefined;
  for (;;) {
    const data = await graph.run<{
      flussoRendicontazione: { rendicontazioni: GraphConnection<GraphRendicontazione> & { pageInfo: { endCursor?: string } } };
    }>(
      `query ($id: ID!, $after: String) { flussoRendicontazione(id: $id) {
        rendicontazioni(first: ${GRAPH_PAGE}, after: $after, withCount: false) { nodes { ${RENDICONTAZIONE_FIELDS} } pageInfo { hasNextPage endCursor } } } }`,
      { id, after },
      principal,
    );
    const page = data.flussoRendicontazione.rendicontazioni;
    righe.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return righe;
    after = page.pageInfo.endCursor;
  }
}
