import { Counter, type Registry } from 'prom-client';

export type EsitoFlusso = 'acquisito' | 'duplicato' | 'fallito' | 'rifiutato';
export type EsitoRun = 'eseguita' | 'lease_altrove' | 'errore_sorgente';

export interface AcquisizioneMetrics {
  flusso(sorgente: string, esito: EsitoFlusso): void;
  run(sorgente: string, esito: EsitoRun, codice?: string): void;
}

function counter(registry: Registry, name: string, help: string, labelNames: string[]): Counter {
  return (registry.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help, labelNames, registers: [registry] });
}

/**
 * govpay_rendicontazioni_flussi_total{sorgente, esito} (each listed flow's outcome) and
 * govpay_rendicontazioni_runs_total{sorgente, esito, codice} (runs, and the source's failures by
 * code: UNREACHABLE, HTTP_401, PPT_AUTENTICAZIONE…); nothing without a registry.
 */
export function acquisizioneMetrics(registry: Registry | undefined): AcquisizioneMetrics {
  if (!registry) return { flusso: () => undefined, run: () => undefined };
  const flussi = counter(
    registry,
    'govpay_rendicontazioni_flussi_total',
    'Reporting flows listed by the source, by outcome of their acquisition',
    ['sorgente', 'esito'],
  );
  const runs = counter(registry, 'govpay_rendicontazioni_runs_total', 'Acquisition runs and source failures by code', [
    'sorgente',
    'esito',
    'codice',
  ]);
  return {
    flusso: (sorgente, esito) => flussi.inc({ sorgente, esito }),
    run: (sorgente, esito, codice) => runs.inc({ sorgente, esito, codice: codice ?? '' }),
  };
}
