import type { EntityManager } from '@mikro-orm/core';
import {
  Applicazione,
  ContoAccredito,
  Dominio,
  EntrataDominio,
  TipoPendenzaDominio,
  UnitaOperativa,
} from '../../../schema/entities';
import { anagraficaRevision } from '../../anagrafica/domain/revision';
import { perDatabase } from '../../shared/per-database';

/** What loading a pendenza needs to know of a dominio's configuration, as plain data. */
export interface DominioRef {
  idDominio: string;
  ragioneSociale: string;
  abilitato: boolean;
  auxDigit: string;
  segregationCode: string | null;
  iuvPrefix: string | null;
  idStazione: string;
  applicationCode: string;
  unita: Map<string, { id: number; idUnita: string; ragioneSociale: string; abilitato: boolean }>;
  /** Enabled only when both the tipo pendenza and its binding to the dominio are. */
  tipi: Map<string, { abilitato: boolean; codificaIUV: string | null }>;
  entrate: Map<string, { abilitato: boolean; iban: string }>;
  conti: Map<string, { abilitato: boolean; postale: boolean }>;
}

export interface ApplicazioneRef {
  idA2A: string;
  codificaIuv: string | null;
  regExpIuv: string | null;
}

/**
 * The anagrafica as the pendenze context reads it, cached per database and dropped whenever the
 * anagrafica revision moves (every configuration change moves it in its own transaction), so a
 * PUT costs one primary-key read instead of a query per dominio, unità, tipo, entrata and conto.
 */
export class ReferenceCache {
  private revision = -1;
  private domini = new Map<string, Promise<DominioRef | null>>();
  private applicazioni = new Map<string, Promise<ApplicazioneRef | null>>();

  /** Brings the cache up to the database's revision; call once per request or chunk. */
  async refresh(em: EntityManager): Promise<void> {
    const revision = await anagraficaRevision(em);
    if (revision === this.revision) return;
    this.revision = revision;
    // New maps, not clear(): a load still running for the old revision fills the old map only.
    this.domini = new Map();
    this.applicazioni = new Map();
  }

  dominio(em: EntityManager, idDominio: string): Promise<DominioRef | null> {
    return cached(this.domini, idDominio, () => loadDominio(em.fork(), idDominio));
  }

  applicazione(em: EntityManager, idA2A: string): Promise<ApplicazioneRef | null> {
    return cached(this.applicazioni, idA2A, async () => {
      const a = await em.fork().findOne(Applicazione, { idA2A }, { fields: ['idA2A', 'codificaIuv', 'regExpIuv'] });
      return a ? { idA2A: a.idA2A, codificaIuv: a.codificaIuv ?? null, regExpIuv: a.regExpIuv ?? null } : null;
    });
  }
}

export const referenceCache = (em: EntityManager): ReferenceCache => perDatabase(em, 'pendenze.references', () => new ReferenceCache());

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = load();
    map.set(key, p);
    // A failed load (database down) must not be remembered.
    p.catch(() => map.get(key) === p && map.delete(key));
  }
  return p;
}

async function loadDominio(em: EntityManager, idDominio: string): Promise<DominioRef | null> {
  const d = await em.findOne(Dominio, { idDominio }, { populate: ['stazione'] });
  if (!d) return null;
  // One after the other: an EntityManager runs one query at a time.
  const unita = await em.find(UnitaOperativa, { dominio: d });
  const tipi = await em.find(TipoPendenzaDominio, { dominio: d }, { populate: ['tipoPendenza'] });
  const entrate = await em.find(EntrataDominio, { dominio: d }, { populate: ['ibanAccredito'] });
  const conti = await em.find(ContoAccredito, { dominio: d });
  return {
    idDominio: d.idDominio,
    ragioneSociale: d.ragioneSociale,
    abilitato: d.abilitato,
    auxDigit: d.auxDigit,
    segregationCode: d.segregationCode ?? null,
    iuvPrefix: d.iuvPrefix ?? null,
    idStazione: d.stazione.idStazione,
    applicationCode: d.stazione.applicationCode,
    unita: new Map(unita.map((u) => [u.idUnita, { id: u.id, idUnita: u.idUnita, ragioneSociale: u.ragioneSociale, abilitato: u.abilitato }])),
    tipi: new Map(
      tipi.map((t) => [
        t.tipoPendenza.idTipoPendenza,
        { abilitato: t.abilitato && t.tipoPendenza.abilitato, codificaIUV: t.codificaIUV ?? t.tipoPendenza.codificaIUV ?? null },
      ]),
    ),
    entrate: new Map(entrate.map((e) => [e.tipoEntrata.idEntrata, { abilitato: e.abilitato, iban: e.ibanAccredito.iban }])),
    conti: new Map(conti.map((c) => [c.iban, { abilitato: c.abilitato, postale: c.postale }])),
  };
}
