import type { EntityManager } from '@mikro-orm/core';
import {
  Applicazione,
  ContoAccredito,
  Dominio,
  EntrataDominio,
  Intermediario,
  Operatore,
  Stazione,
  TipoPendenzaDominio,
  UnitaOperativa,
  type ConnettoreIntegrazione,
  type DominioAutorizzato,
  type TipoContabilita,
  type VersioneStazione,
} from '../../../schema/entities';
import { anagraficaRevision, principalOf } from '../../anagrafica/services';
import { errors } from '../../../core/errors';
import type { Principal } from '../../../core/principal';
import { perDatabase } from '../../../core/per-database';

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
  entrate: Map<string, EntrataRef>;
  conti: Map<string, { abilitato: boolean; postale: boolean }>;
}

/** An entrata of a dominio: where it is credited and its accounting (the dominio's override, else the tipo entrata's). */
export interface EntrataRef {
  abilitato: boolean;
  iban: string;
  ibanAppoggio: string | null;
  tipoContabilita: TipoContabilita;
  codiceContabilita: string;
}

/** A stazione with its intermediario, as the pagoPA station checks them on every call. */
export interface StazioneRef {
  idStazione: string;
  abilitato: boolean;
  versione: VersioneStazione;
  idIntermediario: string;
}

export interface IntermediarioRef {
  idIntermediario: string;
  abilitato: boolean;
}

/** An applicazione as the Ente's system the hub calls (verify, notifications). */
export interface ConnettoreRef {
  idA2A: string;
  /** Whom the hub acts as when it saves what this system answers; null when the applicazione is disabled. */
  principal: Principal | null;
  domini: DominioAutorizzato[];
  codificaIuv: string | null;
  regExpIuv: string | null;
  servizioIntegrazione: ConnettoreIntegrazione | null;
}

export interface ApplicazioneRef {
  idA2A: string;
  codificaIuv: string | null;
  regExpIuv: string | null;
}

/**
 * The anagrafica as the pendenze context (and the pagoPA station) reads it, cached per database
 * and dropped whenever the anagrafica revision moves (every configuration change moves it in its
 * own transaction), so a PUT or a station call costs one primary-key read instead of a query per
 * intermediario, stazione, dominio, unità, tipo, entrata, conto and applicazione.
 */
export class ReferenceCache {
  private revision = -1;
  private domini = new Map<string, Promise<DominioRef | null>>();
  private applicazioni = new Map<string, Promise<ApplicazioneRef | null>>();
  private stazioni = new Map<string, Promise<StazioneRef | null>>();
  private intermediari = new Map<string, Promise<IntermediarioRef | null>>();
  private utenze = new Map<string, Promise<Principal>>();
  /** One entry (the whole list), kept in a map to share `cached`'s failure handling. */
  private connettoriList = new Map<'all', Promise<ConnettoreRef[]>>();

  /** Brings the cache up to the database's revision; call once per request or chunk. */
  async refresh(em: EntityManager): Promise<void> {
    this.adopt(await anagraficaRevision(em));
  }

  /** The revision the cached entries belong to (-1 before the first refresh). */
  get revisione(): number {
    return this.revision;
  }

  /** Moves the cache to a revision the caller read itself (inside its own transaction). */
  adopt(revision: number): void {
    if (revision === this.revision) return;
    this.revision = revision;
    // New maps, not clear(): a load still running for the old revision fills the old map only.
    this.domini = new Map();
    this.applicazioni = new Map();
    this.stazioni = new Map();
    this.intermediari = new Map();
    this.utenze = new Map();
    this.connettoriList = new Map();
  }

  dominio(em: EntityManager, idDominio: string): Promise<DominioRef | null> {
    return cached(this.domini, idDominio, em, (db) => loadDominio(db, idDominio));
  }

  applicazione(em: EntityManager, idA2A: string): Promise<ApplicazioneRef | null> {
    return cached(this.applicazioni, idA2A, em, async (db) => {
      const a = await db.findOne(Applicazione, { idA2A }, { fields: ['idA2A', 'codificaIuv', 'regExpIuv'] });
      return a ? { idA2A: a.idA2A, codificaIuv: a.codificaIuv ?? null, regExpIuv: a.regExpIuv ?? null } : null;
    });
  }

  stazione(em: EntityManager, idStazione: string): Promise<StazioneRef | null> {
    return cached(this.stazioni, idStazione, em, async (db) => {
      const s = await db.findOne(Stazione, { idStazione });
      return s
        ? { idStazione: s.idStazione, abilitato: s.abilitato, versione: s.versione, idIntermediario: s.intermediario.idIntermediario }
        : null;
    });
  }

  intermediario(em: EntityManager, idIntermediario: string): Promise<IntermediarioRef | null> {
    return cached(this.intermediari, idIntermediario, em, async (db) => {
      const i = await db.findOne(Intermediario, { idIntermediario }, { fields: ['idIntermediario', 'abilitato'] });
      return i ? { idIntermediario: i.idIntermediario, abilitato: i.abilitato } : null;
    });
  }

  /**
   * The rights a utenza has now (as of the cached revision), for work done on its behalf after its
   * request (a tracciato's rows): refused (403) when it was disabled or removed meanwhile.
   */
  rights(em: EntityManager, who: Pick<Principal, 'kind' | 'principal' | 'autenticazione'>): Promise<Principal> {
    return cached(this.utenze, `${who.kind}\u0000${who.principal}`, em, async (db) => {
      const entity = who.kind === 'applicazione' ? Applicazione : Operatore;
      const utenza = await db.findOne(entity, { principal: who.principal });
      if (!utenza) throw errors.forbidden(`L'utenza ${who.principal} non esiste piu'.`);
      return principalOf(db, utenza, who.autenticazione);
    });
  }

  /** Every applicazione with what the hub needs to call its system. */
  connettori(em: EntityManager): Promise<ConnettoreRef[]> {
    return cached(this.connettoriList, 'all', em, async (db) =>
      Promise.all(
        (await db.find(Applicazione, {}, { orderBy: { idA2A: 'ASC' } })).map(async (a) => ({
          idA2A: a.idA2A,
          principal: a.abilitato ? await principalOf(db, a, 'BASIC') : null,
          domini: a.domini,
          codificaIuv: a.codificaIuv ?? null,
          regExpIuv: a.regExpIuv ?? null,
          servizioIntegrazione: a.servizioIntegrazione ?? null,
        })),
      ),
    );
  }
}

export const referenceCache = (em: EntityManager): ReferenceCache => perDatabase(em, 'pendenze.references', () => new ReferenceCache());

/**
 * A load shared by every request that wants the same entry, on a clean identity map. A caller
 * inside a transaction loads on that transaction (SQLite has one connection, so a load outside it
 * would wait for it forever) and shares only the result: the transaction may end before the load's
 * last query, and whoever waited on that load would fail with it.
 */
function cached<T>(map: Map<string, Promise<T>>, key: string, em: EntityManager, load: (db: EntityManager) => Promise<T>): Promise<T> {
  const hit = map.get(key);
  if (hit) return hit;
  if (em.isInTransaction()) {
    return load(em.fork({ keepTransactionContext: true })).then((value) => {
      if (!map.has(key)) map.set(key, Promise.resolve(value));
      return value;
    });
  }
  const p = load(em.fork());
  map.set(key, p);
  // A failed load (database down) must not be remembered.
  p.catch(() => map.get(key) === p && map.delete(key));
  return p;
}

async function loadDominio(em: EntityManager, idDominio: string): Promise<DominioRef | null> {
  const d = await em.findOne(Dominio, { idDominio }, { populate: ['stazione'] });
  if (!d) return null;
  // One after the other: an EntityManager runs one query at a time.
  const unita = await em.find(UnitaOperativa, { dominio: d });
  const tipi = await em.find(TipoPendenzaDominio, { dominio: d }, { populate: ['tipoPendenza'] });
  const entrate = await em.find(EntrataDominio, { dominio: d }, { populate: ['ibanAccredito', 'ibanAppoggio', 'tipoEntrata'] });
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
    unita: new Map(
      unita.map((u) => [u.idUnita, { id: u.id, idUnita: u.idUnita, ragioneSociale: u.ragioneSociale, abilitato: u.abilitato }]),
    ),
    tipi: new Map(
      tipi.map((t) => [
        t.tipoPendenza.idTipoPendenza,
        { abilitato: t.abilitato && t.tipoPendenza.abilitato, codificaIUV: t.codificaIUV ?? t.tipoPendenza.codificaIUV ?? null },
      ]),
    ),
    entrate: new Map(
      entrate.map((e) => [
        e.tipoEntrata.idEntrata,
        {
          abilitato: e.abilitato,
          iban: e.ibanAccredito.iban,
          ibanAppoggio: e.ibanAppoggio?.iban ?? null,
          tipoContabilita: e.tipoContabilita ?? e.tipoEntrata.tipoContabilita,
          codiceContabilita: e.codiceContabilita ?? e.tipoEntrata.codiceContabilita,
        },
      ]),
    ),
    conti: new Map(conti.map((c) => [c.iban, { abilitato: c.abilitato, postale: c.postale }])),
  };
}
