import { DEMO_AUTHORIZATION as ADMIN } from './servers';

/** Bulk loading: one tracciato of many new pendenze, uploaded through the Backoffice and followed to the end. */
export interface BulkResult {
  rows: number;
  /** From the start of the upload to its 201 (the rows stored, not yet processed). */
  uploadSeconds: number;
  /** From the start of the upload to the tracciato ESEGUITO. */
  totalSeconds: number;
  failed: number;
}

/** `tag`, in every causale, lets a scenario find the pendenze of its own load (unpaidAvvisi). */
export async function measureBulk(port: number, rows: number, idDominio: string, tag = ''): Promise<BulkResult> {
  const run = Date.now().toString(36);
  const inserimenti = Array.from({ length: rows }, (_, i) => ({
    idA2A: 'IDA2A01',
    idPendenza: `B${run}-${i}`,
    idTipoPendenza: 'SEGRETERIA',
    idDominio,
    causale: `Diritti di segreteria${tag ? ` ${tag}` : ''} n. ${i}`,
    soggettoPagatore: { tipo: 'F', identificativo: 'RSSMRA30A01H501I', anagrafica: 'Mario Rossi' },
    importo: 100.99,
    dataScadenza: '2999-12-31',
    voci: [{ idVocePendenza: '1', importo: 100.99, descrizione: 'Diritti di segreteria', codEntrata: 'SEGRETERIA' }],
  }));
  const body = JSON.stringify({ idTracciato: `BENCH-${run}`, idDominio, inserimenti });
  const base = `http://127.0.0.1:${port}`;
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const res = await fetch(`${base}/govpay/backend/api/backoffice/rs/basic/v1/pendenze/tracciati`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: ADMIN },
    body,
  });
  if (res.status !== 201) throw new Error(`bench: tracciato upload answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const uploadSeconds = seconds();
  const { id } = (await res.json()) as { id: number };
  let last = -1;
  for (;;) {
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: ADMIN },
      body: JSON.stringify({ query: `{ tracciatoPendenze(numero: ${id}) { stato numeroOperazioniElaborate numeroOperazioniFallite } }` }),
    });
    const t = (
      (await r.json()) as {
        data: { tracciatoPendenze: { stato: string; numeroOperazioniElaborate: number; numeroOperazioniFallite: number } };
      }
    ).data.tracciatoPendenze;
    if (t.stato === 'ESEGUITO' || t.stato === 'ESEGUITO_CON_ERRORI' || t.stato === 'SCARTATO') {
      return { rows, uploadSeconds, totalSeconds: seconds(), failed: t.numeroOperazioniFallite };
    }
    if (t.numeroOperazioniElaborate >= last + rows / 10) {
      console.log(`bench: bulk ${t.numeroOperazioniElaborate}/${rows} rows after ${seconds().toFixed(1)} s`);
      last = t.numeroOperazioniElaborate;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
