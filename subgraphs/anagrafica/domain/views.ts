import type {
  Applicazione,
  ConnettoreIntegrazione,
  ContoAccredito,
  Dominio,
  EntrataDominio,
  Intermediario,
  Operatore,
  Recapiti,
  Ruolo,
  Stazione,
  TipoEntrata,
  TipoPendenza,
  TipoPendenzaDominio,
  TipoContabilita,
  TipoPendenzaLayout,
  UnitaOperativa,
  VersioneStazione,
} from '../../../schema/entities';
import { compact } from '../../../core/compact';
import type { Acl, Autenticazione } from '../../../core/principal';
import { toGlobalId } from '../../../core/global-id';
import { maskSecrets } from './secrets';

/**
 * What the anagrafica shows of its records: plain objects shared by the graph and REST, so that
 * secrets (password hashes, the passwords and keys of connectors) can never leak through an edge
 * by accident.
 */
export interface IntermediarioView {
  idIntermediario: string;
  denominazione: string;
  principalPagoPa: string;
  servizioPagoPa: Record<string, unknown>;
  altriServizi: Record<string, unknown>;
  abilitato: boolean;
}

export interface StazioneView {
  idStazione: string;
  idIntermediario: string;
  versione: VersioneStazione;
  abilitato: boolean;
  applicationCode: string;
  password: boolean;
}

export type RecapitiView = Recapiti;

export interface DominioView extends RecapitiView {
  idDominio: string;
  ragioneSociale: string;
  gln: string;
  cbill?: string;
  iuvPrefix?: string;
  idStazione: string;
  auxDigit: string;
  segregationCode?: string;
  abilitato: boolean;
  autStampaPosteItaliane?: string;
  area?: string;
  intermediato: boolean;
  scaricaFr: boolean;
  urlRitorno?: string;
}

export interface UnitaOperativaView extends RecapitiView {
  idDominio: string;
  idUnita: string;
  ragioneSociale: string;
  area?: string;
  abilitato: boolean;
}

export interface ContoAccreditoView {
  idDominio: string;
  iban: string;
  bic?: string;
  postale: boolean;
  mybank: boolean;
  abilitato: boolean;
  descrizione?: string;
  intestatario?: string;
  autStampaPosteItaliane?: string;
}

export interface TipoEntrataView {
  idEntrata: string;
  descrizione: string;
  tipoContabilita: TipoContabilita;
  codiceContabilita: string;
}

export interface EntrataDominioView {
  idDominio: string;
  idEntrata: string;
  tipoEntrata: TipoEntrataView;
  ibanAccredito: string;
  ibanAppoggio?: string;
  tipoContabilita?: TipoContabilita;
  codiceContabilita?: string;
  abilitato: boolean;
}

export interface TipoPendenzaView extends TipoPendenzaLayout {
  idTipoPendenza: string;
  descrizione: string;
  codificaIUV?: string;
  pagaTerzi: boolean;
  abilitato: boolean;
}

export interface TipoPendenzaDominioView extends TipoPendenzaView {
  idDominio: string;
  /** The dominio's own settings, before falling back to the tipo pendenza's. */
  valori: TipoPendenzaLayout & { codificaIUV?: string; pagaTerzi?: boolean; abilitato: boolean };
}

export interface RuoloView {
  id: string;
  idRuolo: string;
  acl: Acl[];
}

export const toRuoloView = (r: Ruolo): RuoloView => ({ id: toGlobalId('Ruolo', r.id), idRuolo: r.idRuolo, acl: r.acl });

export interface UnitaAutorizzataView {
  idUnita: string;
  ragioneSociale: string;
}

export interface DominioAutorizzatoView {
  idDominio: string;
  ragioneSociale: string;
  unitaOperative?: UnitaAutorizzataView[];
}

export interface TipoPendenzaAutorizzatoView {
  idTipoPendenza: string;
  descrizione: string;
}

interface UtenzaView {
  principal: string;
  password: boolean;
  domini: DominioAutorizzatoView[];
  tipiPendenza: TipoPendenzaAutorizzatoView[];
  acl: Acl[];
  ruoli: string[];
  /** The roles it holds that exist, with their ACLs. */
  ruoliAssegnati: RuoloView[];
  abilitato: boolean;
}

export interface ProfiloView {
  nome: string;
  domini: DominioAutorizzatoView[];
  tipiPendenza: TipoPendenzaAutorizzatoView[];
  acl: Acl[];
  autenticazione: Autenticazione;
}

export interface ApplicazioneView extends UtenzaView {
  idA2A: string;
  codificaAvvisi: { codificaIuv?: string; regExpIuv?: string; generazioneIuvInterna: boolean };
  apiPagamenti: boolean;
  apiPendenze: boolean;
  apiRagioneria: boolean;
  servizioIntegrazione?: { url: string; versioneApi?: ConnettoreIntegrazione['versioneApi']; auth?: Record<string, unknown> };
  urlRitorno?: string;
}

export interface OperatoreView extends UtenzaView {
  ragioneSociale: string;
}

export const toIntermediarioView = (i: Intermediario): IntermediarioView => ({
  idIntermediario: i.idIntermediario,
  denominazione: i.denominazione,
  principalPagoPa: i.principalPagoPa,
  servizioPagoPa: maskSecrets(i.servizioPagoPa),
  altriServizi: maskSecrets(i.altriServizi ?? {}),
  abilitato: i.abilitato,
});

export const toStazioneView = (s: Stazione): StazioneView => ({
  idStazione: s.idStazione,
  idIntermediario: s.intermediario.idIntermediario,
  versione: s.versione,
  abilitato: s.abilitato,
  applicationCode: s.applicationCode,
  password: !!s.passwordHash,
});

export const toDominioView = (d: Dominio): DominioView =>
  compact({
    idDominio: d.idDominio,
    ragioneSociale: d.ragioneSociale,
    ...(d.recapiti ?? {}),
    gln: d.gln,
    cbill: d.cbill ?? undefined,
    iuvPrefix: d.iuvPrefix ?? undefined,
    idStazione: d.stazione.idStazione,
    auxDigit: d.auxDigit,
    segregationCode: d.segregationCode ?? undefined,
    abilitato: d.abilitato,
    autStampaPosteItaliane: d.autStampaPosteItaliane ?? undefined,
    area: d.area ?? undefined,
    intermediato: d.intermediato,
    scaricaFr: d.scaricaFr,
    urlRitorno: d.urlRitorno ?? undefined,
  });

export const toUnitaOperativaView = (u: UnitaOperativa): UnitaOperativaView =>
  compact({
    idDominio: u.dominio.idDominio,
    idUnita: u.idUnita,
    ragioneSociale: u.ragioneSociale,
    ...(u.recapiti ?? {}),
    area: u.area ?? undefined,
    abilitato: u.abilitato,
  });

export const toContoAccreditoView = (c: ContoAccredito): ContoAccreditoView =>
  compact({
    idDominio: c.dominio.idDominio,
    iban: c.iban,
    bic: c.bic ?? undefined,
    postale: c.postale,
    mybank: c.mybank,
    abilitato: c.abilitato,
    descrizione: c.descrizione ?? undefined,
    intestatario: c.intestatario ?? undefined,
    autStampaPosteItaliane: c.autStampaPosteItaliane ?? undefined,
  });

export const toTipoEntrataView = (t: TipoEntrata): TipoEntrataView => ({
  idEntrata: t.idEntrata,
  descrizione: t.descrizione,
  tipoContabilita: t.tipoContabilita,
  codiceContabilita: t.codiceContabilita,
});

export const toEntrataDominioView = (e: EntrataDominio): EntrataDominioView =>
  compact({
    idDominio: e.dominio.idDominio,
    idEntrata: e.tipoEntrata.idEntrata,
    tipoEntrata: toTipoEntrataView(e.tipoEntrata),
    ibanAccredito: e.ibanAccredito.iban,
    ibanAppoggio: e.ibanAppoggio?.iban,
    tipoContabilita: e.tipoContabilita ?? undefined,
    codiceContabilita: e.codiceContabilita ?? undefined,
    abilitato: e.abilitato,
  });

export const toTipoPendenzaView = (t: TipoPendenza): TipoPendenzaView =>
  compact({
    idTipoPendenza: t.idTipoPendenza,
    descrizione: t.descrizione,
    codificaIUV: t.codificaIUV ?? undefined,
    pagaTerzi: t.pagaTerzi,
    abilitato: t.abilitato,
    ...(t.layout ?? {}),
  });

export const toTipoPendenzaDominioView = (t: TipoPendenzaDominio): TipoPendenzaDominioView => {
  const base = toTipoPendenzaView(t.tipoPendenza);
  const own = compact({
    codificaIUV: t.codificaIUV ?? undefined,
    pagaTerzi: t.pagaTerzi ?? undefined,
    abilitato: t.abilitato,
    ...(t.layout ?? {}),
  });
  return {
    ...base,
    ...own,
    pagaTerzi: own.pagaTerzi ?? base.pagaTerzi,
    idDominio: t.dominio.idDominio,
    valori: own,
  };
};

export interface UtenzaNames {
  domini: Map<string, string>;
  unita: Map<string, string>;
  tipiPendenza: Map<string, string>;
  ruoli: Map<string, RuoloView>;
}

export function utenzaScope(u: Applicazione | Operatore, names: UtenzaNames) {
  return {
    principal: u.principal,
    password: !!u.passwordHash,
    domini: u.domini.map((d) =>
      compact({
        idDominio: d.idDominio,
        ragioneSociale: d.idDominio === '*' ? 'Tutti' : (names.domini.get(d.idDominio) ?? d.idDominio),
        unitaOperative: d.unitaOperative?.map((idUnita) => ({
          idUnita,
          ragioneSociale: names.unita.get(`${d.idDominio}/${idUnita}`) ?? idUnita,
        })),
      }),
    ),
    tipiPendenza: u.tipiPendenza.map((id) => ({
      idTipoPendenza: id,
      descrizione: id === '*' ? 'Tutti' : (names.tipiPendenza.get(id) ?? id),
    })),
    acl: u.acl,
    ruoli: u.ruoli,
    ruoliAssegnati: u.ruoli.flatMap((id) => names.ruoli.get(id) ?? []),
    abilitato: u.abilitato,
  };
}

export const toApplicazioneView = (a: Applicazione, names: UtenzaNames): ApplicazioneView =>
  compact({
    idA2A: a.idA2A,
    ...utenzaScope(a, names),
    codificaAvvisi: compact({
      codificaIuv: a.codificaIuv ?? undefined,
      regExpIuv: a.regExpIuv ?? undefined,
      generazioneIuvInterna: a.generazioneIuvInterna,
    }),
    apiPagamenti: a.apiPagamenti,
    apiPendenze: a.apiPendenze,
    apiRagioneria: a.apiRagioneria,
    servizioIntegrazione: a.servizioIntegrazione
      ? compact({
          url: a.servizioIntegrazione.url,
          versioneApi: a.servizioIntegrazione.versioneApi,
          auth: maskSecrets(a.servizioIntegrazione.auth),
        })
      : undefined,
    urlRitorno: a.urlRitorno ?? undefined,
  });

export const toOperatoreView = (o: Operatore, names: UtenzaNames): OperatoreView => ({
  ragioneSociale: o.ragioneSociale,
  ...utenzaScope(o, names),
});
