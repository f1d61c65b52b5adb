import { READ_REVISION } from '../subgraphs/anagrafica/services';
import { posizioneStatement, sessioneDellaRicevuta, SESSIONE_IN_CORSO } from '../subgraphs/pagamenti/services';

/**
 * The SQL one operation of the hub issues on MariaDB, written out so that the floor (floor.ts) can
 * issue the same statements from a bare mysql2 pool: the reads and writes of one transaction, on
 * the same tables, with the same indexes. Align these lists with the hub's code when it changes
 * (capture one request with MariaDB's general log). As of 2026-12-06 (issue 15):
 *
 * - pa-verify (captured before issue 15's work): the anagrafica revision, the pendenza with its
 *   voci by numero avviso, the payment session in progress for it;
 * - pa-send-rt (/work/brief15/receipt-sql.md, the receipt path after issue 15): the revision, then
 *   in one transaction the pendenza with its voci by IUV (locked), the rpp (its unique key is the
 *   duplicate check), its riscossione, the pendenza and its voci set paid in one UPDATE, the
 *   session to close, the three outbox jobs (the Ente's notification, two events) in one INSERT;
 * - put-rest (/work/brief15/put-sql.md, after issue 15): the revision (REST authentication), then
 *   in one transaction the revision again and the pendenza sent together, its voce, its event.
 *   The IUV progressives the PUT reserves once every 50 pendenze are left out.
 *
 * Not counted for any of them: the Giornale degli Eventi's rows, written in batches off the
 * request path, and the outbox worker's own work after the commit (the end-to-end receipt run
 * measures that).
 */
export type Row = Record<string, unknown>;

/** What one operation's statements read and write, per operation `n`. */
export interface FloorFixture {
  /** The held avviso verify reads. */
  verify: { idDominio: string; numeroAvviso: string; pendenzaId: number };
  /** Unpaid pendenze the receipts pay, cycled (floor.ts loads them). */
  pagabili: Array<{ id: number; iuv: string }>;
  /** Rows as the hub wrote them, whose columns and sizes the floor's INSERTs copy. */
  template: { pendenza: Row; voce: Row; rpp?: Row; riscossione?: Row };
  /** Keeps the keys of this run's rows apart from the hub's. */
  tag: string;
  /** The next operation's number, over every measurement of the run (keys stay unique). */
  next: number;
}

/** The state of one operation while its statements run: what earlier statements returned. */
export interface OpState {
  n: number;
  f: FloorFixture;
  now: Date;
  pendenzaId?: number;
  rppId?: number;
  iuv?: string;
  ccp?: string;
}

export type FloorStatement =
  | { sql: string; params: (s: OpState) => unknown[]; keep?: (rows: Row[], s: OpState) => void }
  /** A multi-row INSERT of every column of `rows` (as the hub's RowInserter writes), keeping the first id. */
  | { insert: string; rows: (s: OpState) => Row[]; keep?: (insertId: number, s: OpState) => void }
  /** Statements sent on the connection without waiting for each other's answers, as the hub sends them. */
  | { together: FloorStatement[] };

export interface FloorOperation {
  /** The hub's scenario this is the floor of. */
  id: 'pa-verify' | 'pa-send-rt' | 'put-rest';
  statements: FloorStatement[];
}

const keepPendenza = (rows: Row[], s: OpState) => {
  s.pendenzaId = Number(rows[0]?.id ?? s.pendenzaId);
};

const verify: FloorOperation = {
  id: 'pa-verify',
  statements: [
    { sql: READ_REVISION, params: () => [] },
    {
      sql: posizioneStatement('numero_avviso', false),
      params: (s) => [s.f.verify.idDominio, s.f.verify.numeroAvviso],
      keep: keepPendenza,
    },
    {
      sql: SESSIONE_IN_CORSO,
      params: (s) => [s.pendenzaId],
    },
  ],
};

const TIMESTAMPS = (now: Date) => ({ created_at: now, updated_at: now });

const receipt: FloorOperation = {
  id: 'pa-send-rt',
  statements: [
    { sql: READ_REVISION, params: () => [] },
    { sql: 'BEGIN', params: () => [] },
    {
      sql: posizioneStatement('iuv', true),
      params: (s) => {
        const p = s.f.pagabili[s.n % s.f.pagabili.length];
        s.iuv = p.iuv;
        s.ccp = `${s.f.tag}-${String(s.n).padStart(12, '0')}`;
        return [s.f.verify.idDominio, p.iuv];
      },
      keep: keepPendenza,
    },
    {
      insert: 'rpp',
      rows: (s) => [{ ...s.f.template.rpp, iuv: s.iuv, ccp: s.ccp, pendenza_id: s.pendenzaId, impronta: s.ccp, ...TIMESTAMPS(s.now) }],
      keep: (id: number, s: OpState) => (s.rppId = id),
    },
    {
      insert: 'riscossioni',
      rows: (s) => [{ ...s.f.template.riscossione, iuv: s.iuv, iur: s.ccp, rpp_id: s.rppId, ...TIMESTAMPS(s.now) }],
    },
    {
      sql: `update pendenze p left join voci_pendenza v on v.pendenza_id = p.id
  set p.stato = 'ESEGUITA', p.data_pagamento = ?, p.descrizione_stato = NULL, p.updated_at = ?,
      v.stato = 'ESEGUITO', v.updated_at = ?
  where p.id = ?`,
      params: (s) => [s.now.toISOString().slice(0, 10), s.now, s.now, s.pendenzaId],
    },
    {
      sql: sessioneDellaRicevuta(true),
      params: (s) => [s.pendenzaId],
    },
    { insert: 'outbox', rows: (s) => receiptJobs(s) },
    { sql: 'COMMIT', params: () => [] },
  ],
};

function receiptJobs(s: OpState): Row[] {
  const d = s.f.verify.idDominio;
  const key = `${d}:${s.iuv}:${s.ccp}`;
  const at = s.now.toISOString();
  const ids = {
    idA2A: s.f.template.pendenza.id_a2a,
    idPendenza: `P${s.pendenzaId}`,
    idTipoPendenza: s.f.template.pendenza.id_tipo_pendenza,
  };
  // ESEGUITO at once, the only difference from the hub's rows: the hub's outbox worker must not take the floor's jobs.
  const job = (tipo: string, chiave: string, payload: object) => ({
    tipo,
    chiave,
    payload: JSON.stringify(payload),
    stato: 'ESEGUITO',
    tentativi: 0,
    prossimo_tentativo: s.now,
    ...TIMESTAMPS(s.now),
  });
  return [
    job('NOTIFICA_RICEVUTA', `floor:notifica:${key}`, { idDominio: d, iuv: s.iuv, ccp: s.ccp }),
    job('EVENTO', `floor:evento:ricevutaRegistrata:${key}`, {
      v: 1,
      tipo: 'ricevutaRegistrata',
      idDominio: d,
      iuv: s.iuv,
      idRicevuta: s.ccp,
      ...ids,
      at,
    }),
    job('EVENTO', `floor:evento:pendenzaAggiornata:${key}`, {
      v: 1,
      tipo: 'pendenzaAggiornata',
      idDominio: d,
      ...ids,
      stato: 'ESEGUITA',
      at,
    }),
  ];
}

const putPendenza: FloorStatement = {
  insert: 'pendenze',
  rows: (s) => {
    s.iuv = `38${s.f.tag.slice(-4)}${String(s.n).padStart(11, '0')}`.slice(0, 17);
    return [
      {
        ...s.f.template.pendenza,
        id_pendenza: `FLOORPUT-${s.f.tag}-${s.n}`,
        iuv: s.iuv,
        numero_avviso: `3${s.iuv}`,
        stato: 'NON_ESEGUITA',
        data_pagamento: null,
        uuid: `${s.f.tag}-${s.n}`,
        data_caricamento: s.now,
        ...TIMESTAMPS(s.now),
      },
    ];
  },
  keep: (id: number, s: OpState) => (s.pendenzaId = id),
};

const putEvent: FloorStatement = {
  insert: 'outbox',
  rows: (s) => [
    {
      tipo: 'EVENTO',
      chiave: `floor:evento:pendenzaAggiornata:${s.f.tag}:${s.n}`,
      payload: JSON.stringify({
        v: 1,
        tipo: 'pendenzaAggiornata',
        idDominio: s.f.verify.idDominio,
        idPendenza: `FLOORPUT-${s.n}`,
        stato: 'NON_ESEGUITA',
        at: s.now.toISOString(),
      }),
      stato: 'ESEGUITO',
      tentativi: 0,
      prossimo_tentativo: s.now,
      ...TIMESTAMPS(s.now),
    },
  ],
};

const put: FloorOperation = {
  id: 'put-rest',
  statements: [
    { sql: READ_REVISION, params: () => [] },
    { sql: 'BEGIN', params: () => [] },
    { together: [{ sql: READ_REVISION, params: () => [] }, putPendenza] },
    {
      insert: 'voci_pendenza',
      rows: (s) => [{ ...s.f.template.voce, pendenza_id: s.pendenzaId, stato: 'NON_ESEGUITO', ...TIMESTAMPS(s.now) }],
    },
    putEvent,
    { sql: 'COMMIT', params: () => [] },
  ],
};

export const FLOOR_OPERATIONS: FloorOperation[] = [verify, receipt, put];

/** Statements one operation issues (BEGIN and COMMIT included): what a row's floor stands for. */
export const statementCount = (op: FloorOperation): number =>
  op.statements.reduce((n, st) => n + ('together' in st ? st.together.length : 1), 0);
