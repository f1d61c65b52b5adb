import type { RequestHandler, Response } from 'express';
import { once } from 'node:events';
import { errors } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { ZipWriter } from '../../core/zip';
import type { GraphClient } from '../shared/graph-client';
import { numericIdParam } from '../shared/http';

interface Operazione {
  tipoOperazione: string;
  esito: string;
  numeroAvviso?: string | null;
  richiesta?: { documento?: { identificativo?: string } | null } | null;
}

interface Tracciato {
  nomeFile: string;
  stato: string;
  stampaAvvisi: boolean;
  dominio: { idDominio: string };
}

/** Rows read per graph call: one page of the graph, its PDFs rendered and written one at a time. */
const PAGINA = 100;

/** GovPay's texts (PendenzeController.getStampeTracciatoPendenze, Tracciati). */
const NON_RICHIESTA = "La stampa degli avvisi di pagamento non e' stata richiesta per il tracciato";
const IN_CORSO = 'Stampe avvisi non disponibili per il tracciato: elaborazione ancora in corso';
const SCARTATO = 'Stampe avvisi non disponibili per il tracciato: tracciato scartato';
const NESSUNA = 'Attenzione: non sono presenti inserimenti andati a buon fine nel tracciato selezionato.';

/**
 * GET /pendenze/tracciati/{id}/stampe: the avvisi of the pendenze a tracciato created, as a ZIP of
 * PDFs named as GovPay names them (`{idDominio}_{numeroAvviso}.pdf`, the rate of a documento
 * together as `{idDominio}_DOC_{numeroDocumento}.pdf`), or `errore.txt` when none was created. The
 * archive streams: each PDF is rendered, written and let go before the next, so a tracciato of
 * thousands of rows never holds more than one PDF. The tracciato is checked first (rights, dominio,
 * state), so a refusal is still GovPay's fault; a failure once the archive has started ends the reply.
 */
export function stampeTracciato(graph: GraphClient): RequestHandler {
  return async (req, res, next) => {
    const principal = res.locals.principal as Principal;
    try {
      const id = numericIdParam(req);
      const { tracciatoPendenze: t } = await graph.run<{ tracciatoPendenze: Tracciato }>(
        'query ($numero: Int!) { tracciatoPendenze(numero: $numero) { nomeFile stato stampaAvvisi dominio { idDominio } } }',
        { numero: id },
        principal,
      );
      if (!t.stampaAvvisi) throw errors.notFound(NON_RICHIESTA);
      if (t.stato === 'IN_ATTESA' || t.stato === 'IN_ELABORAZIONE') throw errors.notFound(IN_CORSO);
      if (t.stato === 'SCARTATO') throw errors.notFound(SCARTATO);
      res
        .status(200)
        .type('application/zip')
        .attachment(`${t.nomeFile.replace(/\.[^.]*$/, '')}.zip`);
      await writeStampe(graph, principal, id, t.dominio.idDominio, new ZipWriter(sinkOf(res)));
      res.end();
    } catch (e) {
      if (!res.headersSent) return next(e);
      res.destroy(e as Error);
    }
  };
}

/** A response as the ZIP's sink, waiting for it to drain when the client reads slower than we write. */
const sinkOf = (res: Response) => ({ write: (chunk: Buffer) => (res.write(chunk) ? undefined : once(res, 'drain')) });

async function writeStampe(graph: GraphClient, principal: Principal, id: number, idDominio: string, zip: ZipWriter): Promise<void> {
  const scritti = new Set<string>();
  for (let offset = 0; ; offset += PAGINA) {
    const data = await graph.run<{ tracciatoPendenze: { operazioni: { nodes: Operazione[]; pageInfo: { hasNextPage: boolean } } } }>(
      `query ($numero: Int!, $first: Int!, $offset: Int!) { tracciatoPendenze(numero: $numero) {
        operazioni(first: $first, offset: $offset) { nodes { tipoOperazione esito numeroAvviso richiesta } pageInfo { hasNextPage } } } }`,
      { numero: id, first: PAGINA, offset },
      principal,
    );
    const { nodes, pageInfo } = data.tracciatoPendenze.operazioni;
    for (const o of nodes) {
      if (o.tipoOperazione !== 'ADD' || o.esito !== 'ADD_OK' || !o.numeroAvviso) continue;
      const documento = o.richiesta?.documento?.identificativo;
      const nome = documento ? `${idDominio}_DOC_${documento}.pdf` : `${idDominio}_${o.numeroAvviso}.pdf`;
      if (scritti.has(nome)) continue;
      scritti.add(nome);
      await zip.add(nome, await stampa(graph, principal, idDominio, o.numeroAvviso, documento));
    }
    if (!pageInfo.hasNextPage) break;
  }
  if (!scritti.size) await zip.add('errore.txt', Buffer.from(NESSUNA));
  await zip.finish();
}

/** One avviso's PDF, or the rate of its documento together. */
async function stampa(
  graph: GraphClient,
  principal: Principal,
  idDominio: string,
  numeroAvviso: string,
  documento?: string,
): Promise<Buffer> {
  if (documento) {
    const data = await graph.run<{ documentoAvvisiPdf: string }>(
      'query ($idDominio: ID!, $numero: ID!) { documentoAvvisiPdf(idDominio: $idDominio, numeroDocumento: $numero) }',
      { idDominio, numero: documento },
      principal,
    );
    return Buffer.from(data.documentoAvvisiPdf, 'base64');
  }
  const data = await graph.run<{ pendenzaByAvviso: { avvisoPdf: string } }>(
    'query ($idDominio: ID!, $numeroAvviso: ID!) { pendenzaByAvviso(idDominio: $idDominio, numeroAvviso: $numeroAvviso) { avvisoPdf } }',
    { idDominio, numeroAvviso },
    principal,
  );
  return Buffer.from(data.pendenzaByAvviso.avvisoPdf, 'base64');
}
