import type { EntityManager } from '@mikro-orm/core';
import { Intermediario } from '../../../schema/entities';
import { SERVIZI, SYSTEM_PRINCIPAL } from '../../../core/principal';
import { CatalogoService } from './catalogo';
import { DominiService } from './domini';
import { IntermediariService } from './intermediari';
import { UtenzeService } from './utenze';

export const DEMO = {
  intermediario: '11111111113',
  stazione: '11111111113_01',
  dominio: '12345678901',
  iban: 'IT02L1234512345123451111111',
  ibanPostale: 'IT02L0760112345123452222222',
  unitaOperativa: '12345678901_01',
  applicazione: { idA2A: 'IDA2A01', password: 'Password1!' },
  operatore: { principal: 'gpadmin', password: 'Password1!' },
  nodo: { principal: 'ndpsym', password: 'Password1!' },
  /** The simulator's Ente on its default port (SIMULATOR_PORT 8081), for callers without a configuration (config: `pagopa.simulatorEnteUrl`). */
  enteUrl: 'http://127.0.0.1:8081/ente/v2',
} as const;

/** True when the database holds no anagrafica yet (a first start). */
export async function isEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Intermediario, {})) === 0;
}

/**
 * Loads the demo configuration of DESIGN.md §3 through the domain services, so it obeys the same
 * rules as any configuration a user enters. Saving is an upsert: running it twice changes nothing.
 * The applicazione's connector points at `enteUrl`, the simulator's Ente, so a demo payment ends
 * with a delivered notification.
 */
export async function seedDemo(em: EntityManager, enteUrl: string = DEMO.enteUrl): Promise<void> {
  const actor = SYSTEM_PRINCIPAL;
  const intermediari = new IntermediariService(em, actor);
  const domini = new DominiService(em, actor);
  const catalogo = new CatalogoService(em, actor);
  const utenze = new UtenzeService(em, actor);

  await intermediari.save(DEMO.intermediario, {
    denominazione: 'Intermediario Test',
    principalPagoPa: DEMO.nodo.principal,
    servizioPagoPa: { urlRPT: 'http://localhost:8081/nodo', auth: { username: DEMO.nodo.principal, password: DEMO.nodo.password } },
    abilitato: true,
  });
  await intermediari.saveStazione(DEMO.intermediario, DEMO.stazione, {
    password: DEMO.nodo.password,
    abilitato: true,
    versione: 'V2',
  });
  await domini.save(DEMO.dominio, {
    ragioneSociale: 'Ente Creditore Test',
    indirizzo: 'Piazza della Vittoria',
    civico: '10',
    cap: '00000',
    localita: 'Roma',
    provincia: 'RM',
    nazione: 'IT',
    gln: '8088888000000',
    cbill: 'AB123',
    iuvPrefix: '%(a)',
    stazione: DEMO.stazione,
    auxDigit: '0',
    segregationCode: '00',
    abilitato: true,
    autStampaPosteItaliane: 'Aut. num. 0129302934764583',
    intermediato: true,
    scaricaFr: true,
  });
  await domini.saveUnitaOperativa(DEMO.dominio, DEMO.unitaOperativa, {
    ragioneSociale: 'Ufficio Tributi',
    localita: 'Roma',
    abilitato: true,
  });
  await domini.saveContoAccredito(DEMO.dominio, DEMO.iban, { postale: false, abilitato: true, descrizione: 'Conto di tesoreria' });
  await domini.saveContoAccredito(DEMO.dominio, DEMO.ibanPostale, { postale: true, abilitato: true, descrizione: 'Conto corrente postale' });

  const tipi = [
    { id: 'SEGRETERIA', descrizione: 'Diritti di segreteria', iban: DEMO.iban, codice: '9/0101100IM/' },
    { id: 'LIBERO', descrizione: 'Pagamento libero', iban: DEMO.iban, codice: '9/0101200IM/' },
    { id: 'BOLLOT', descrizione: 'Marca da bollo telematica', iban: DEMO.ibanPostale, codice: '9/0101300IM/' },
  ];
  for (const t of tipi) {
    await catalogo.saveEntrata(t.id, { descrizione: t.descrizione, tipoContabilita: 'ALTRO', codiceContabilita: t.codice });
    await domini.saveEntrata(DEMO.dominio, t.id, { ibanAccredito: t.iban, abilitato: true });
    await catalogo.saveTipoPendenza(t.id, { descrizione: t.descrizione, abilitato: true });
    await domini.saveTipoPendenza(DEMO.dominio, t.id, { abilitato: true });
  }

  const rw = (servizio: (typeof SERVIZI)[number]) => ({ servizio, autorizzazioni: ['R', 'W'] });
  await utenze.saveApplicazione(DEMO.applicazione.idA2A, {
    principal: DEMO.applicazione.idA2A,
    password: DEMO.applicazione.password,
    codificaAvvisi: { codificaIuv: '34', regExpIuv: '34[0-9]*', generazioneIuvInterna: false },
    domini: ['*'],
    tipiPendenza: ['*'],
    acl: ['Pagamenti', 'Pendenze', 'Rendicontazioni e Incassi', 'Giornale degli Eventi'].map((s) => rw(s as never)),
    apiPagamenti: true,
    apiPendenze: true,
    apiRagioneria: true,
    servizioIntegrazione: { url: enteUrl, versioneApi: 'REST v2' },
    abilitato: true,
  });
  await utenze.saveOperatore(DEMO.operatore.principal, {
    ragioneSociale: 'Amministratore GovPay',
    password: DEMO.operatore.password,
    domini: ['*'],
    tipiPendenza: ['*'],
    acl: SERVIZI.map(rw),
    abilitato: true,
  });
}
