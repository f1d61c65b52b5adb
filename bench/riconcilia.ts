import { openDatabase } from '../schema/orm';
import { Riscossione } from '../schema/entities';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { RowInserter } from '../core/row-inserter';
import type { Scenario } from './scenario';
import { DEMO_AUTHORIZATION } from './servers';

const ID_DOMINIO = '12345678901';
const IMPORTO_CENTS = 10099;
const RICONCILIA =
  'mutation ($input: RiconciliaInput!) { riconcilia(input: $input) { creata riconciliazione { idRiconciliazione riscossioni { iuv stato } } } }';
const COLUMNS = ['dominio', 'iuv', 'iur', 'indice', 'importoCents', 'tipo', 'stato', 'data', 'createdAt', 'updatedAt'] as const;

/** The bench's own IUVs (prefix 9, never the demo numbering plan's), one per payment. */
const iuvOf = (n: number) => `9${String(n).padStart(16, '0')}`;

/**
 * `riconcilia` of single payments through the graph: each request the bank entry of another paid
 * payment (`/RFB/<iuv>/100.99` in a bank description), as a treasury feed posts them. The
 * payments' riscossioni are written straight to the database first, as the station writes them
 * with a receipt (the receipts themselves play no part in a single payment's reconciliation).
 */
export async function riconciliaScenario(port: number, databaseUrl: string, pagamenti: number): Promise<Scenario> {
  console.log(`bench: writing ${pagamenti} riscossioni to reconcile`);
  const orm = await openDatabase(loadConfig({ DATABASE_URL: databaseUrl }).database, createLogger('silent'), 2);
  try {
    const em = orm.em.fork();
    const now = new Date();
    const rows = Array.from({ length: pagamenti }, (_, n) => ({
      dominio: ID_DOMINIO,
      iuv: iuvOf(n),
      iur: `IUR${n}`,
      indice: 1,
      importoCents: IMPORTO_CENTS,
      tipo: 'ENTRATA',
      stato: 'RISCOSSA',
      data: now,
      createdAt: now,
      updatedAt: now,
    }));
    await em.transactional((tx) => new RowInserter(tx, Riscossione, COLUMNS).insert(tx, rows));
  } finally {
    await orm.close(true);
  }
  const body = (n: number) =>
    JSON.stringify({
      query: RICONCILIA,
      variables: {
        input: {
          idDominio: ID_DOMINIO,
          causale: `BONIFICO SEPA DA PSP BENCH /RFB/${iuvOf(n % pagamenti)}/100.99/TXT/BENCH`,
          importo: '100.99',
          sct: `SCT-BENCH-${n}`,
        },
      },
    });
  // Its own count (autocannon's request numbers run on across scenarios): a new payment per request.
  let next = 1;
  return {
    id: 'riconcilia',
    label: 'riconcilia a single payment (/RFB/): graph',
    baseline: 'riconcilia',
    request: {
      url: `http://127.0.0.1:${port}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: DEMO_AUTHORIZATION },
      body: body(0),
      vary: () => ({ body: body(next++) }),
    },
    check: (b) => (b as { data?: { riconcilia?: { creata?: boolean } } }).data?.riconcilia?.creata === true,
  };
}
