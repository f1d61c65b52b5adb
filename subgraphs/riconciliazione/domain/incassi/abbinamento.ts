import type { EntityManager } from '@mikro-orm/core';
import { FlussoRendicontazione, Riconciliazione, Riscossione, type TipoRiscossione } from '../../../../schema/entities';
import { centsToDecimalString } from '../../../../core/money';
import { erroreIncasso } from './errori';
import type { RichiestaValida } from './richiesta';
import { chunks } from '../../../../core/chunks';

/** What a bank entry pays, once matched: the riscossioni it settles and, for a flow, each one's line. */
export interface Abbinamento {
  iuv: string | null;
  flusso: FlussoRendicontazione | null;
  riscossioni: number[];
  /** riscossione pk → rendicontazione pk (flows only). */
  righe: Map<number, number>;
}

/** Riscossioni an Ente's bank entry can carry: money of other creditors reaches other accounts. */
const INCASSABILI: TipoRiscossione[] = ['ENTRATA', 'MBT'];
/** Lines of a flow that report money paid (0 eseguito, 8 senza RPT, 9 standin senza RPT). */
const ESITI_PAGATI = [0, 8, 9];

const euro = (cents: number) => centsToDecimalString(cents);
const trnOf = (r: Riconciliazione) => r.iuv ?? r.flusso?.idFlusso ?? '';

/**
 * Matches a request to what it pays, with GovPay's checks and faults (Incassi.validaIncasso);
 * reads only, inside the caller's transaction.
 */
export async function abbina(tx: EntityManager, req: RichiestaValida): Promise<Abbinamento> {
  return req.riferimento.tipo === 'SINGOLO' ? singolo(tx, req, req.riferimento.iuv) : flusso(tx, req, req.riferimento.idFlusso);
}

async function singolo(tx: EntityManager, req: RichiestaValida, iuv: string): Promise<Abbinamento> {
  const rs = await tx.find(
    Riscossione,
    { dominio: req.idDominio, iuv, tipo: { $in: INCASSABILI } },
    { populate: ['riconciliazione.flusso'], orderBy: { iur: 'ASC', indice: 'ASC' } },
  );
  if (!rs.length) {
    throw erroreIncasso(
      'PAGAMENTO_NON_TROVATO',
      `Lo IUV ${iuv} estratto dalla causale di incasso non identifica alcun pagamento per il creditore ${req.idDominio}`,
    );
  }
  // A double payment (two receipts of one IUV) cannot tell which receipt the bank entry pays.
  if (new Set(rs.map((r) => r.iur)).size > 1) {
    throw erroreIncasso(
      'PAGAMENTO_NON_IDENTIFICATO',
      `Lo IUV ${iuv} estratto dalla causale di incasso identifica piu' di un pagamento per il creditore ${req.idDominio}`,
    );
  }
  const incassata = rs.find((r) => r.riconciliazione);
  if (incassata?.riconciliazione) {
    const prima = incassata.riconciliazione;
    throw erroreIncasso(
      'PAGAMENTO_GIA_INCASSATO',
      `Il pagamento [Dominio:${req.idDominio} Iuv:${iuv} Iur:${incassata.iur}] risulta gia' riconciliato [Sct:${prima.sct} Trn: ${trnOf(prima)}].`,
    );
  }
  const riscosso = rs.reduce((s, r) => s + r.importoCents, 0);
  if (riscosso !== req.importoCents) {
    throw erroreIncasso(
      'IMPORTO_ERRATO',
      `La richiesta di riconciliazione presenta un importo [${euro(req.importoCents)}] non corrispondente a quello riscosso [${euro(riscosso)}]`,
    );
  }
  return { iuv, flusso: null, riscossioni: rs.map((r) => r.id), righe: new Map() };
}

/** The latest revision of the flow still in force; the case of idFlusso is ignored only when asked. */
async function ultimaRevisione(tx: EntityManager, req: RichiestaValida, idFlusso: string): Promise<FlussoRendicontazione | null> {
  // LIKE without wildcards is case-insensitive on SQLite and on MariaDB's default collation alike;
  // the exact comparison, when asked, is made here.
  const escaped = idFlusso.replace(/[\\%_]/g, (c) => `\\${c}`);
  const revisions = await tx.find(
    FlussoRendicontazione,
    { dominio: req.idDominio, idFlusso: { $like: escaped }, obsoleto: false },
    { orderBy: { revisione: 'DESC', id: 'DESC' } },
  );
  const wanted = req.caseInsensitive ? idFlusso.toLowerCase() : idFlusso;
  return revisions.find((f) => (req.caseInsensitive ? f.idFlusso.toLowerCase() : f.idFlusso) === wanted) ?? null;
}

async function flusso(tx: EntityManager, req: RichiestaValida, idFlusso: string): Promise<Abbinamento> {
  const fr = await ultimaRevisione(tx, req, idFlusso);
  if (!fr) {
    throw erroreIncasso(
      'IDF_NON_TROVATO',
      `L'identificativo ${idFlusso} estratto dalla causale di incasso non identifica alcun flusso di rendicontazione`,
    );
  }
  const prima = await tx.findOne(Riconciliazione, { flusso: { dominio: req.idDominio, idFlusso: fr.idFlusso } }, { populate: ['flusso'] });
  if (prima) {
    throw erroreIncasso(
      'FLUSSO_GIA_INCASSATO',
      `Il flusso [IdFlusso:${fr.idFlusso}] risulta gia' riconciliato [Sct:${prima.sct} Trn:${trnOf(prima)}].`,
    );
  }
  if (fr.stato !== 'ACQUISITO') {
    throw erroreIncasso(
      'FR_ANOMALA',
      `Il flusso di rendicontazione [IdFlusso:${fr.idFlusso}] identificato dalla causale di incasso risulta avere delle anomalie`,
    );
  }
  if (fr.importoTotaleCents !== req.importoCents) {
    throw erroreIncasso(
      'IMPORTO_ERRATO',
      `L'importo del flusso di rendicontazione [${euro(fr.importoTotaleCents)}] non corrisponde all'importo del riversamento [${euro(req.importoCents)}]`,
    );
  }
  const righe = await righePagate(tx, fr.id);
  const candidate = await riscossioniDi(tx, req.idDominio, [...new Set(righe.map((r) => r.iuv))]);
  const perChiave = new Map(candidate.map((r) => [`${r.iuv}|${r.iur}|${r.indice}`, r]));
  const perRpp = new Map(candidate.filter((r) => r.rpp).map((r) => [`${r.rpp}|${r.indice}`, r]));
  const abbinate = new Map<number, number>();
  for (const riga of righe) {
    const indice = riga.indice ?? 1;
    const r = perChiave.get(`${riga.iuv}|${riga.iur}|${indice}`) ?? (riga.rpp ? perRpp.get(`${riga.rpp}|${indice}`) : undefined);
    if (!r || abbinate.has(r.id)) {
      throw erroreIncasso(
        'FR_ANOMALA',
        `La rendicontazione [Dominio:${req.idDominio} Iuv:${riga.iuv} Iur:${riga.iur} Indice:${indice}] non identifica univocamente un pagamento`,
      );
    }
    if (r.riconciliazione) {
      throw erroreIncasso(
        'PAGAMENTO_GIA_INCASSATO',
        `Il pagamento [Dominio:${req.idDominio} Iuv:${r.iuv} Iur:${r.iur}] risulta gia' riconciliato.`,
      );
    }
    abbinate.set(r.id, riga.id);
  }
  return { iuv: null, flusso: fr, riscossioni: [...abbinate.keys()], righe: abbinate };
}

/*
 * A flow's lines and riscossioni are read as plain rows, not entities: a flow of 10,000 payments
 * would otherwise hydrate 20,000 entities into the transaction's identity map only to compare keys.
 */
interface Riga {
  id: number;
  iuv: string;
  iur: string;
  indice: number | null;
  rpp: number | null;
}
interface Candidata {
  id: number;
  iuv: string;
  iur: string;
  indice: number;
  rpp: number | null;
  riconciliazione: number | null;
}

const rows = <T>(tx: EntityManager, sql: string, params: unknown[]): Promise<T[]> =>
  tx.getConnection().execute(sql, params, 'all', tx.getTransactionContext()) as Promise<T[]>;

/** The lines of flow `pk` that report money paid to this Ente, in their order. */
function righePagate(tx: EntityManager, pk: number): Promise<Riga[]> {
  return rows<Riga>(
    tx,
    `select id, iuv, iur, indice, rpp_id as rpp from rendicontazioni where flusso_id = ? and esito in (${ESITI_PAGATI.join(', ')}) and stato <> 'ALTRO_INTERMEDIARIO' order by id`,
    [pk],
  );
}

async function riscossioniDi(tx: EntityManager, idDominio: string, iuvs: string[]): Promise<Candidata[]> {
  const out: Candidata[] = [];
  for (const part of chunks(iuvs)) {
    out.push(
      ...(await rows<Candidata>(
        tx,
        `select id, iuv, iur, indice, rpp_id as rpp, riconciliazione_id as riconciliazione from riscossioni where id_dominio = ? and iuv in (${part.map(() => '?').join(', ')})`,
        [idDominio, ...part],
      )),
    );
  }
  return out;
}

/**
 * Marks the matched riscossioni INCASSATA for riconciliazione `pk` (and, for a flow, each with its
 * line). Only riscossioni still unreconciled change: a concurrent riconciliazione of the same
 * payment that committed first leaves fewer rows to change, and this one is refused (021406).
 */
export async function incassa(tx: EntityManager, pk: number, a: Abbinamento): Promise<void> {
  const now = new Date();
  let changed = 0;
  for (const part of chunks(a.riscossioni)) {
    changed += await tx.nativeUpdate(
      Riscossione,
      { id: { $in: part }, riconciliazione: null },
      { stato: 'INCASSATA', riconciliazione: pk, updatedAt: now },
    );
  }
  if (changed !== a.riscossioni.length) {
    throw erroreIncasso('PAGAMENTO_GIA_INCASSATO', "Uno o piu' pagamenti risultano gia' riconciliati da una richiesta concorrente.");
  }
  if (a.righe.size) await collegaRighe(tx, a.righe);
}

/** Sets each riscossione's rendicontazione, one CASE statement per chunk. */
async function collegaRighe(tx: EntityManager, righe: Map<number, number>): Promise<void> {
  const meta = tx.getMetadata().get(Riscossione.name);
  const platform = tx.getPlatform();
  const table = platform.quoteIdentifier(meta.tableName);
  const col = platform.quoteIdentifier(meta.properties.rendicontazione.fieldNames[0]);
  const id = platform.quoteIdentifier(meta.properties.id.fieldNames[0]);
  for (const part of chunks([...righe.entries()])) {
    const sql = `update ${table} set ${col} = case ${id} ${part.map(() => 'when ? then ?').join(' ')} end where ${id} in (${part.map(() => '?').join(', ')})`;
    const params = [...part.flat(), ...part.map(([r]) => r)];
    await tx.getConnection().execute(sql, params, 'run', tx.getTransactionContext());
  }
}
