import type { EntityManager } from '@mikro-orm/core';
import { MySqlPlatform } from '@mikro-orm/mysql';
import type { Soggetto, StatoPendenza, StatoVoce, TipoVoce } from '../../../schema/entities';
import { runStatement } from '../../../core/native-statement';

/** A voce as the station reads it. */
export interface VocePosizione {
  indice: number;
  idVocePendenza: string;
  importoCents: number;
  descrizione: string;
  descrizioneCausaleRPT: string | null;
  stato: StatoVoce;
  tipo: TipoVoce;
  idDominio: string | null;
  codEntrata: string | null;
  ibanAccredito: string | null;
  ibanAppoggio: string | null;
  tipoContabilita: string | null;
  codiceContabilita: string | null;
  tipoBollo: string | null;
  hashDocumento: string | null;
  provinciaResidenza: string | null;
  metadata: Record<string, unknown> | null;
}

/** A pendenza (debt position) as the station reads it: plain data, its voci in indice order. */
export interface Posizione {
  id: number;
  idA2A: string;
  idPendenza: string;
  idTipoPendenza: string;
  idDominio: string;
  idUnitaOperativa: number | null;
  numeroAvviso: string | null;
  iuv: string | null;
  stato: StatoPendenza;
  causale: string;
  importoCents: number;
  soggettoPagatore: Soggetto;
  dataValidita: string | null;
  dataScadenza: string | null;
  dataPagamento: string | null;
  voci: VocePosizione[];
}

const SELECT = `select p.id, p.id_a2a, p.id_pendenza, p.id_tipo_pendenza, p.id_dominio, p.unita_operativa_id, p.numero_avviso, p.iuv,
  p.stato, p.causale, p.importo_cents, p.soggetto_pagatore, p.data_validita, p.data_scadenza, p.data_pagamento,
  v.indice, v.id_voce_pendenza, v.importo_cents as v_importo_cents, v.descrizione, v.descrizione_causale_rpt, v.stato as v_stato,
  v.tipo, v.id_dominio as v_id_dominio, v.cod_entrata, v.iban_accredito, v.iban_appoggio, v.tipo_contabilita, v.codice_contabilita,
  v.tipo_bollo, v.hash_documento, v.provincia_residenza, v.metadata
from pendenze p left join voci_pendenza v on v.pendenza_id = p.id`;

/**
 * The statement that reads a pendenza of a dominio by `column` with its voci, locking its rows
 * when `forUpdate` (MySQL only). The floor bench issues exactly this text.
 */
export const posizioneStatement = (column: 'numero_avviso' | 'iuv', forUpdate: boolean): string =>
  `${SELECT} where p.id_dominio = ? and p.${column} = ? order by v.indice${forUpdate ? ' for update' : ''}`;

/**
 * Reads a pendenza of a dominio, by numero avviso or IUV, with its voci: one statement, without
 * the ORM's hydration (the station's verify is its hottest path). `forUpdate` locks the rows
 * inside the caller's transaction on MySQL; SQLite serialises writers, so it needs no lock.
 */
export async function readPosizione(
  em: EntityManager,
  key: { idDominio: string } & ({ numeroAvviso: string } | { iuv: string }),
  forUpdate = false,
): Promise<Posizione | null> {
  const [column, value] = 'numeroAvviso' in key ? (['numero_avviso', key.numeroAvviso] as const) : (['iuv', key.iuv] as const);
  const sql = posizioneStatement(column, forUpdate && em.getPlatform() instanceof MySqlPlatform);
  const rows = await runStatement(em, sql, [key.idDominio, value], 'all');
  if (!rows.length) return null;
  const p = rows[0];
  return {
    id: Number(p.id),
    idA2A: p.id_a2a,
    idPendenza: p.id_pendenza,
    idTipoPendenza: p.id_tipo_pendenza,
    idDominio: p.id_dominio,
    idUnitaOperativa: p.unita_operativa_id == null ? null : Number(p.unita_operativa_id),
    numeroAvviso: p.numero_avviso,
    iuv: p.iuv,
    stato: p.stato,
    causale: p.causale,
    importoCents: Number(p.importo_cents),
    soggettoPagatore: json(p.soggetto_pagatore) as Soggetto,
    dataValidita: date(p.data_validita),
    dataScadenza: date(p.data_scadenza),
    dataPagamento: date(p.data_pagamento),
    voci: rows.filter((r: Row) => r.indice != null).map(toVoce),
  };
}

type Row = Record<string, any>;

function toVoce(r: Row): VocePosizione {
  return {
    indice: Number(r.indice),
    idVocePendenza: r.id_voce_pendenza,
    importoCents: Number(r.v_importo_cents),
    descrizione: r.descrizione,
    descrizioneCausaleRPT: r.descrizione_causale_rpt,
    stato: r.v_stato,
    tipo: r.tipo,
    idDominio: r.v_id_dominio,
    codEntrata: r.cod_entrata,
    ibanAccredito: r.iban_accredito,
    ibanAppoggio: r.iban_appoggio,
    tipoContabilita: r.tipo_contabilita,
    codiceContabilita: r.codice_contabilita,
    tipoBollo: r.tipo_bollo,
    hashDocumento: r.hash_documento,
    provinciaResidenza: r.provincia_residenza,
    metadata: json(r.metadata) as Record<string, unknown> | null,
  };
}

/** JSON columns come back parsed (MySQL) or as text (MariaDB's LONGTEXT, SQLite). */
function json(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : (v ?? null);
}

/** DATE columns: text on both drivers (MikroORM sets mysql2's dateStrings); a Date only if a driver changes that. */
function date(v: unknown): string | null {
  if (v == null) return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}
