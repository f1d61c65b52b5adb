/** The parts of the hub whose exchanges GovPay's Giornale degli Eventi records (its componenteEvento). */
export const COMPONENTI = ['API_BACKOFFICE', 'API_PENDENZE', 'API_PAGAMENTO', 'API_RAGIONERIA', 'API_PAGOPA', 'API_ENTE'] as const;
export type Componente = (typeof COMPONENTI)[number];
/** An exchange's outcome: done, refused (a 4xx, a pagoPA fault), failed (a 5xx, no answer). */
export const ESITI_EVENTO = ['OK', 'KO', 'FAIL'] as const;
export type EsitoEvento = (typeof ESITI_EVENTO)[number];
/** GovPay's categories of event; the hub's exchanges are all INTERFACCIA. */
export const CATEGORIE_EVENTO = ['INTERNO', 'INTERFACCIA', 'UTENTE'] as const;
export type CategoriaEvento = (typeof CATEGORIE_EVENTO)[number];
/** Who spoke first: SERVER, the hub was called; CLIENT, it called. */
export const RUOLI_EVENTO = ['CLIENT', 'SERVER'] as const;
export type RuoloEvento = (typeof RUOLI_EVENTO)[number];

/**
 * GovPay's giornaleEventi configuration (the Backoffice's Configurazione.giornaleEventi): per
 * interface, for reads ("letture") and changes ("scritture"), whether an exchange is logged and
 * whether its messages are dumped: always, only on error (KO or FAIL), never.
 */
export type Modalita = 'sempre' | 'solo errore' | 'mai';
export interface GdeEvento {
  log: Modalita;
  dump: Modalita;
}
export interface GdeInterfaccia {
  letture?: GdeEvento;
  scritture?: GdeEvento;
}
export const INTERFACCE = [
  'apiEnte',
  'apiPagamento',
  'apiRagioneria',
  'apiBackoffice',
  'apiPagoPA',
  'apiPendenze',
  'apiBackendIO',
  'apiMaggioliJPPA',
] as const;
export type Interfaccia = (typeof INTERFACCE)[number];
export interface GiornaleEventi {
  interfacce: Record<Interfaccia, GdeInterfaccia>;
}

const INTERFACCIA: Record<Componente, Interfaccia> = {
  API_ENTE: 'apiEnte',
  API_PAGAMENTO: 'apiPagamento',
  API_RAGIONERIA: 'apiRagioneria',
  API_BACKOFFICE: 'apiBackoffice',
  API_PAGOPA: 'apiPagoPA',
  API_PENDENZE: 'apiPendenze',
};

/** The same modes for every interface, reads and changes alike: the default core/config.ts builds. */
export function giornaleUniforme(log: Modalita, dump: Modalita): GiornaleEventi {
  const evento = { log, dump };
  return {
    interfacce: Object.fromEntries(INTERFACCE.map((i) => [i, { letture: evento, scritture: evento }])) as Record<
      Interfaccia,
      GdeInterfaccia
    >,
  };
}

const applies = (m: Modalita | undefined, esito: EsitoEvento) => m === 'sempre' || (m === 'solo errore' && esito !== 'OK');

/** Whether an exchange is recorded and whether its messages are kept, as GovPay's EventiUtils decides. */
export function decisione(
  g: GiornaleEventi,
  componente: Componente,
  scrittura: boolean,
  esito: EsitoEvento,
): { log: boolean; dump: boolean } {
  const interfaccia = g.interfacce[INTERFACCIA[componente]];
  const evento = scrittura ? interfaccia?.scritture : interfaccia?.letture;
  return { log: applies(evento?.log, esito), dump: applies(evento?.dump, esito) };
}

/** Whether any exchange of the componente may need its messages: when not, entrances skip capturing them. */
export function mayDump(g: GiornaleEventi, componente: Componente): boolean {
  const i = g.interfacce[INTERFACCIA[componente]];
  return [i?.letture, i?.scritture].some((e) => e && e.log !== 'mai' && e.dump !== 'mai');
}
