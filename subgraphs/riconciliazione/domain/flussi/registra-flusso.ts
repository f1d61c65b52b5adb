import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { errors } from '../../../../core/errors';
import type { HubEvent } from '../../../../core/events';
import { toGlobalId } from '../../../../core/global-id';
import { perDatabase } from '../../../../core/per-database';
import { RowInserter } from '../../../../core/row-inserter';
import { transaction } from '../../../../core/transaction';
import { Dominio, FlussoRendicontazione, Rendicontazione, type Segnalazione } from '../../../../schema/entities';
import { enqueue, signalCommitted } from '../../../../schema/outbox';
import { abbina, type Abbinamento } from './abbinamento';
import type { EsitoRegistrazioneFlusso, FlussoAcquisito, RegistraFlusso } from './flusso-acquisito';
import { flussoNonConforme, numeroNonCorrispondente, totaleNonCorrispondente } from './segnalazioni';

const FLUSSO_COLUMNS = [
  'dominio',
  'idFlusso',
  'dataOraFlusso',
  'revisione',
  'obsoleto',
  'sorgente',
  'idPsp',
  'bicRiversamento',
  'trn',
  'dataRegolamento',
  'numeroPagamenti',
  'importoTotaleCents',
  'stato',
  'segnalazioni',
  'dataAcquisizione',
  'xml',
  'createdAt',
  'updatedAt',
] as const;
const RIGA_COLUMNS = [
  'flusso',
  'dominio',
  'iuv',
  'iur',
  'indice',
  'importoCents',
  'esito',
  'data',
  'stato',
  'segnalazioni',
  'rpp',
  'createdAt',
  'updatedAt',
] as const;

const inserters = (em: EntityManager) =>
  perDatabase(em, 'flussi.inserters', () => ({
    flusso: new RowInserter(em, FlussoRendicontazione, FLUSSO_COLUMNS),
    riga: new RowInserter(em, Rendicontazione, RIGA_COLUMNS),
  }));

/** The graph's name of a stored revision. */
export const flussoGlobalId = (id: number): string => toGlobalId('FlussoRendicontazione', id);

/**
 * Stores an acquired flow and its lines in one transaction, with the receipts they settle and
 * their anomalies, and announces it (`flussoRendicontazioneAcquisito`, through the outbox). The
 * same revision (dominio, idFlusso, dataOraFlusso) again is a DUPLICATO and writes nothing, also
 * when another instance stores it at the same moment: the unique index decides, and the loser
 * answers DUPLICATO. A later revision makes the earlier ones obsoleto; an earlier one arriving
 * late is kept as history, obsoleto at once. A flow with anomalies is stored all the same (ANOMALO).
 */
export const registraFlusso: RegistraFlusso = async (em, flusso) => {
  try {
    const esito = await transaction(em, (tx) => registra(tx, flusso));
    if (esito.esito === 'NUOVO') signalCommitted(em, ['EVENTO']);
    return esito;
  } catch (e) {
    if (!(e instanceof UniqueConstraintViolationException)) throw e;
    const esistente = await em
      .fork()
      .findOneOrFail(
        FlussoRendicontazione,
        { dominio: flusso.idDominio, idFlusso: flusso.idFlusso, dataOraFlusso: flusso.dataOraFlusso },
        { fields: ['id'] },
      );
    return { esito: 'DUPLICATO', id: esistente.id, anomalie: 0 };
  }
};

async function registra(tx: EntityManager, flusso: FlussoAcquisito): Promise<EsitoRegistrazioneFlusso> {
  const revisioni = await revisioniOf(tx, flusso);
  const dominio = await tx.findOne(Dominio, flusso.idDominio, { fields: ['intermediato', 'auxDigit', 'segregationCode'] });
  if (!dominio) throw errors.notFound(`Dominio ${flusso.idDominio} inesistente.`);
  const stessa = revisioni.find((r) => r.dataOraFlusso.getTime() === flusso.dataOraFlusso.getTime());
  if (stessa) return { esito: 'DUPLICATO', id: stessa.id, anomalie: 0 };

  const righe = await abbina(tx, dominio, flusso.pagamenti);
  const segnalazioni = flusso.rifiuto ? [flussoNonConforme(flusso.rifiuto)] : quadratura(flusso);
  const anomalie = segnalazioni.length + righe.reduce((n, r) => n + r.segnalazioni.length, 0);
  const obsoleto = revisioni.some((r) => r.dataOraFlusso > flusso.dataOraFlusso);
  const now = new Date();
  const { flusso: flussi, riga } = inserters(tx);
  const id = await flussi.insert(tx, [
    {
      dominio: flusso.idDominio,
      idFlusso: flusso.idFlusso,
      dataOraFlusso: flusso.dataOraFlusso,
      revisione: flusso.revisione ?? Math.max(0, ...revisioni.map((r) => r.revisione)) + 1,
      obsoleto,
      sorgente: flusso.sorgente,
      idPsp: flusso.idPsp,
      bicRiversamento: flusso.bicRiversamento ?? null,
      trn: flusso.trn,
      dataRegolamento: flusso.dataRegolamento,
      numeroPagamenti: flusso.numeroPagamenti,
      importoTotaleCents: flusso.importoTotaleCents,
      stato: flusso.rifiuto ? 'RIFIUTATO' : anomalie ? 'ANOMALO' : 'ACQUISITO',
      segnalazioni,
      dataAcquisizione: now,
      xml: flusso.xml ?? null,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  if (!obsoleto && revisioni.length) {
    await tx.nativeUpdate(FlussoRendicontazione, { id: { $in: revisioni.map((r) => r.id) } }, { obsoleto: true, updatedAt: now });
  }
  await riga.insert(
    tx,
    flusso.pagamenti.map((p, i) => rigaOf(id, flusso.idDominio, p, righe[i], now)),
  );
  const evento: HubEvent = {
    v: 1,
    tipo: 'flussoRendicontazioneAcquisito',
    idDominio: flusso.idDominio,
    id: flussoGlobalId(id),
    at: now.toISOString(),
  };
  await enqueue(tx, [{ tipo: 'EVENTO', chiave: `evento:flussoRendicontazioneAcquisito:${id}`, payload: evento }]);
  return { esito: 'NUOVO', id, anomalie };
}

/**
 * The revisions already stored of this idFlusso, read after taking the write lock on them: a no-op
 * UPDATE locks their rows (and the gap where a first revision goes) on MySQL/MariaDB and the whole
 * file on SQLite, so two revisions of one flow stored at once take turns and number themselves one
 * after the other, and two instances on one SQLite file wait for each other instead of both
 * reading and then failing to write. It must be the transaction's first statement: InnoDB's
 * snapshot then starts after the lock, and the read that follows sees what the previous holder
 * committed.
 */
async function revisioniOf(
  tx: EntityManager,
  flusso: FlussoAcquisito,
): Promise<Pick<FlussoRendicontazione, 'id' | 'dataOraFlusso' | 'revisione'>[]> {
  await tx
    .getConnection()
    .execute(
      'update flussi_rendicontazione set obsoleto = obsoleto where id_dominio = ? and id_flusso = ?',
      [flusso.idDominio, flusso.idFlusso],
      'run',
      tx.getTransactionContext(),
    );
  return tx.find(
    FlussoRendicontazione,
    { dominio: flusso.idDominio, idFlusso: flusso.idFlusso },
    { fields: ['id', 'dataOraFlusso', 'revisione'], disableIdentityMap: true },
  );
}

/** The flow's own anomalies: its declared total and count against its lines. */
function quadratura(flusso: FlussoAcquisito): Segnalazione[] {
  const somma = flusso.pagamenti.reduce((s, p) => s + p.importoCents, 0);
  const segnalazioni: Segnalazione[] = [];
  if (somma !== flusso.importoTotaleCents) segnalazioni.push(totaleNonCorrispondente(somma, flusso.importoTotaleCents));
  if (flusso.pagamenti.length !== flusso.numeroPagamenti)
    segnalazioni.push(numeroNonCorrispondente(flusso.pagamenti.length, flusso.numeroPagamenti));
  return segnalazioni;
}

function rigaOf(flusso: number, idDominio: string, p: FlussoAcquisito['pagamenti'][number], a: Abbinamento, now: Date) {
  return {
    flusso,
    dominio: idDominio,
    iuv: p.iuv,
    iur: p.iur,
    indice: p.indice ?? null,
    importoCents: p.importoCents,
    esito: p.esito,
    data: p.data,
    stato: a.stato,
    segnalazioni: a.segnalazioni,
    rpp: a.rppId,
    createdAt: now,
    updatedAt: now,
  };
}
