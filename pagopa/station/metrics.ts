import { Counter, type Registry } from 'prom-client';

export type StationOutcome = 'OK' | 'KO' | 'SOAP_FAULT' | 'UNAUTHENTICATED' | 'THROTTLED';

export interface StationMetrics {
  count(operation: string, outcome: StationOutcome, faultCode?: string): void;
}

/** govpay_station_requests_total by operation, outcome and PAA fault code; nothing without a registry. */
export function stationMetrics(registry: Registry | undefined): StationMetrics {
  if (!registry) return { count: () => undefined };
  const name = 'govpay_station_requests_total';
  const counter =
    (registry.getSingleMetric(name) as Counter | undefined) ??
    new Counter({
      name,
      help: 'Requests of the Nodo to the pagoPA station by operation, outcome and PAA fault code',
      labelNames: ['operation', 'outcome', 'fault'],
      registers: [registry],
    });
  return { count: (operation, outcome, faultCode) => counter.inc({ operation, outcome, fault: faultCode ?? '' }) };
}
