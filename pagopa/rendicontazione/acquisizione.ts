import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '../../core/logger';
import { Dominio } from '../../schema/entities';
import { romeDate } from '../../core/rome-time';
import { chiaveRevisione, revisioniNote, type FlussoAcquisito, type RegistraFlusso } from '../../subgraphs/riconciliazione/services';
import { prendiLease, rilasciaLease } from './lease';
import type { AcquisizioneMetrics } from './metrics';
import { SorgenteNonDisponibile, type DominioStazione, type FlussoElencato, type SorgenteFlussi } from './sorgente';

/** What a run did, as the acquisisciFlussiRendicontazione mutation answers it. */
export interface EsitoAcquisizione {
  /** False when another instance held the lease: this one did nothing. */
  eseguita: boolean;
  elencati: number;
  acquisiti: number;
  duplicati: number;
  /** Stored RIFIUTATO: the flow breaks its schema (an anomaly; not asked for again). */
  rifiutati: number;
  /** Not stored this run (the source failed): asked again next run. */
  falliti: number;
}

export interface AcquisizioneOptions {
  em: EntityManager;
  sorgente: SorgenteFlussi;
  registra: RegistraFlusso;
  /** This instance's name in the lease. */
  owner: string;
  leaseMs: number;
  log: Logger;
  metrics: AcquisizioneMetrics;
}

/** The one lease every instance races for: acquisition runs on one instance at a time. */
export const LEASE_ACQUISIZIONE = 'acquisizione-rendicontazioni';

/**
 * One acquisition run: for each dominio the hub downloads flows for (abilitato, intermediato,
 * scaricaFr), the source's list, then each flow the hub does not hold yet, each stored in its own
 * transaction (registraFlusso). A flow that cannot be fetched or read is counted and left for the
 * next run; the others go on. A source that cannot list a dominio's flows stops that dominio only.
 */
export class AcquisizioneFlussi {
  constructor(private readonly o: AcquisizioneOptions) {}

  async esegui(): Promise<EsitoAcquisizione> {
    const { em, owner, leaseMs, log, metrics, sorgente } = this.o;
    const esito: EsitoAcquisizione = { eseguita: false, elencati: 0, acquisiti: 0, duplicati: 0, rifiutati: 0, falliti: 0 };
    if (!(await prendiLease(em, LEASE_ACQUISIZIONE, owner, leaseMs))) {
      metrics.run(sorgente.nome, 'lease_altrove');
      log.info({ sorgente: sorgente.nome }, 'reporting flows: another instance is acquiring, this run is skipped');
      return esito;
    }
    esito.eseguita = true;
    const started = Date.now();
    try {
      for (const d of await this.domini()) await this.dominio(d, esito);
    } finally {
      await rilasciaLease(em, LEASE_ACQUISIZIONE, owner);
    }
    metrics.run(sorgente.nome, 'eseguita');
    log.info({ sorgente: sorgente.nome, ...esito, ms: Date.now() - started }, 'reporting flows acquired');
    return esito;
  }

  private async domini(): Promise<DominioStazione[]> {
    const rows = await this.o.em
      .fork()
      .find(Dominio, { abilitato: true, intermediato: true, scaricaFr: true }, { populate: ['stazione'], orderBy: { idDominio: 'ASC' } });
    return rows.map((d) => ({
      idDominio: d.idDominio,
      idStazione: d.stazione.idStazione,
      idIntermediario: d.stazione.intermediario.idIntermediario,
    }));
  }

  private async dominio(d: DominioStazione, esito: EsitoAcquisizione): Promise<void> {
    const { sorgente, log, metrics } = this.o;
    let elenco: FlussoElencato[];
    try {
      elenco = await sorgente.elenco(d);
    } catch (e) {
      esito.falliti++;
      this.sourceFailed(d, e);
      return;
    }
    esito.elencati += elenco.length;
    const note = await revisioniNote(
      this.o.em,
      d.idDominio,
      elenco.map((f) => f.idFlusso),
    );
    for (const f of elenco) {
      if (note.has(chiaveRevisione(f.idFlusso, f.dataOraFlusso))) {
        esito.duplicati++;
        metrics.flusso(sorgente.nome, 'duplicato');
        continue;
      }
      const about = { sorgente: sorgente.nome, idDominio: d.idDominio, idFlusso: f.idFlusso, dataOraFlusso: f.dataOraFlusso.toISOString() };
      try {
        const scaricato = await sorgente.scarica(d, f);
        if (!scaricato.ok) {
          const r = await this.o.registra(this.o.em, rifiutato(sorgente.nome, d, f, scaricato.errori, scaricato.xml));
          if (r.esito === 'NUOVO') esito.rifiutati++;
          else esito.duplicati++;
          metrics.flusso(sorgente.nome, r.esito === 'NUOVO' ? 'rifiutato' : 'duplicato');
          log.warn(
            { ...about, errori: scaricato.errori },
            'reporting flow refused: it does not match its schema (stored RIFIUTATO, an anomaly; the others go on)',
          );
          continue;
        }
        const r = await this.o.registra(this.o.em, scaricato.flusso);
        if (r.esito === 'NUOVO') esito.acquisiti++;
        else esito.duplicati++;
        metrics.flusso(sorgente.nome, r.esito === 'NUOVO' ? 'acquisito' : 'duplicato');
        log.info({ ...about, esito: r.esito, anomalie: r.anomalie, pagamenti: scaricato.flusso.pagamenti.length }, 'reporting flow stored');
      } catch (e) {
        esito.falliti++;
        metrics.flusso(sorgente.nome, 'fallito');
        if (e instanceof SorgenteNonDisponibile) this.sourceFailed(d, e, f.idFlusso);
        else log.error({ ...about, err: e }, 'reporting flow not stored; retried next run');
      }
    }
  }

  private sourceFailed(d: DominioStazione, e: unknown, idFlusso?: string): void {
    const { sorgente, log, metrics } = this.o;
    const codice = e instanceof SorgenteNonDisponibile ? e.codice : 'ERRORE';
    metrics.run(sorgente.nome, 'errore_sorgente', codice);
    log.error(
      { sorgente: sorgente.nome, idDominio: d.idDominio, idFlusso, codice, err: e instanceof SorgenteNonDisponibile ? undefined : e },
      `reporting flows: ${(e as Error).message}; retried next run`,
    );
  }
}

/**
 * A flow that could not be read, as the list named it: stored RIFIUTATO, with no lines and no
 * amounts, so that the Ente sees it and the next run does not fetch it again.
 */
function rifiutato(
  sorgente: SorgenteFlussi['nome'],
  d: DominioStazione,
  f: FlussoElencato,
  errori: string[],
  xml?: string,
): FlussoAcquisito {
  return {
    sorgente,
    idDominio: d.idDominio,
    idFlusso: f.idFlusso,
    dataOraFlusso: f.dataOraFlusso,
    revisione: f.revisione,
    idPsp: f.idPsp ?? '',
    trn: '',
    dataRegolamento: romeDate(f.dataOraFlusso),
    numeroPagamenti: 0,
    importoTotaleCents: 0,
    pagamenti: [],
    xml,
    rifiuto: errori,
  };
}
