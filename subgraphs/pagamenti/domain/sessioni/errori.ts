import { DomainError, errors, RICHIESTA_NON_VALIDA } from '../../../../core/errors';

/**
 * The refusals of a payment start, with GovPay's codes and texts (govpay-exception-messages:
 * PAG_*, VER_*, APP_*, NDP_000), so API Pagamento's clients read what GovPay would have said.
 */
const richiesta = (status: number, codice: string, dettaglio: string) =>
  new DomainError(status, { categoria: 'RICHIESTA', codice, descrizione: RICHIESTA_NON_VALIDA, dettaglio });

/** `[Versamento: … BundleKey:- Debitore:- Dominio:… Iuv:…]`, how GovPay names what it asked an Ente about. */
const versamento = (v: { idPendenza?: string; idDominio?: string; iuv?: string }) =>
  `[Versamento: ${v.idPendenza ?? '-'} BundleKey:- Debitore:- Dominio:${v.idDominio ?? '-'} Iuv:${v.iuv ?? '-'}]`;

/** What the Ente said of a notice (the station's PAA code), as GovPay tells a portal (VER_010..013). */
const ESITI_ENTE: Record<string, string> = {
  PAA_PAGAMENTO_SCADUTO: 'VER_010',
  PAA_PAGAMENTO_SCONOSCIUTO: 'VER_011',
  PAA_PAGAMENTO_DUPLICATO: 'VER_012',
  PAA_PAGAMENTO_ANNULLATO: 'VER_013',
};

export const erroriPagamento = {
  applicazioneInesistente: (idA2A: string) => richiesta(400, 'APP_000', `Applicazione (${idA2A}) inesistente`),
  pendenzaInesistente: () => richiesta(422, 'VER_008', 'La pendenza non esiste.'),
  avvisoSconosciuto: (idDominio: string, iuv: string) =>
    richiesta(
      422,
      'VER_008',
      `L'avviso di pagamento [Dominio:${idDominio} Iuv:${iuv}] non risulta registrato, ne associabile ad un'applicazione censita.`,
    ),
  dominioInesistente: (idDominio: string) =>
    richiesta(
      422,
      'DOM_000',
      `Il pagamento non puo' essere avviato poiche' uno dei versamenti risulta associato ad un dominio non disponibile [Dominio:${idDominio}].`,
    ),
  dominioDisabilitato: (idDominio: string) => richiesta(422, 'DOM_001', `Dominio (${idDominio}) disabilitato`),
  /** The Ente's answer about a notice the hub asked it for: a PAA code, or no usable answer at all (502). */
  rifiutataDallEnte: (idA2A: string, v: { idDominio: string; iuv: string }, paa: string, descrizione: string) => {
    const codice = ESITI_ENTE[paa];
    if (codice)
      return richiesta(
        422,
        codice,
        `La verifica del versamento ${versamento(v)} all'applicazione competente [Applicazione:${idA2A}] ha dato esito ${paa}`,
      );
    return new DomainError(502, {
      categoria: 'EC',
      codice: '502000',
      descrizione: 'Errore ente creditore',
      dettaglio: `La verifica del versamento ${versamento(v)} all'applicazione competente [Applicazione:${idA2A}] e' fallita con errore: ${descrizione}`,
    });
  },
  nonAutorizzato: (actor: { kind: string; id: string }, p: { idA2A: string; idPendenza: string }) =>
    actor.kind === 'applicazione'
      ? new DomainError(403, {
          categoria: 'AUTORIZZAZIONE',
          codice: 'APP_003',
          descrizione: RICHIESTA_NON_VALIDA,
          dettaglio: `Applicazione (${actor.id}) non autorizzata a pagare la pendenza (IdA2A:${p.idA2A}, Id:${p.idPendenza})`,
        })
      : errors.forbidden(`Il chiamante non e' autorizzato a pagare la pendenza (IdA2A:${p.idA2A}, Id:${p.idPendenza}).`),
  dominioNonAutorizzato: (idDominio: string) =>
    errors.forbidden(`Il chiamante non e' autorizzato a pagare avvisi del dominio ${idDominio}.`),
  debitoreDiverso: (cf: string, p: { idA2A: string; idPendenza: string }, debitore: string) =>
    richiesta(
      422,
      'CIT_003',
      `L'utente cittadino (${cf}) non e' autorizzato ad effettuare il pagamento della pendenza (IdA2A:${p.idA2A} Id:${p.idPendenza}) per il soggetto debitore (${debitore}).`,
    ),
  stazioniDiverse: () => richiesta(400, 'PAG_000', 'Le pendenze di una richiesta di pagamento devono afferire alla stessa stazione'),
  ripetuta: (p: { idA2A: string; idPendenza: string }) =>
    errors.syntax(`La pendenza (IdA2A:${p.idA2A}, Id:${p.idPendenza}) compare piu' di una volta nel campo pendenze.`),
  nonPagabile: () => richiesta(422, 'PAG_006', "Il versamento e' in uno stato che non consente il pagamento"),
  scaduta: (p: { idA2A: string; idPendenza: string }, data: string) =>
    richiesta(
      422,
      'PAG_007',
      `Richiesto pagamento di una pendenza [Applicazione:${p.idA2A} IdPendenza:${p.idPendenza}] con data scadenza decorsa il ${data}.`,
    ),
  validitaDecorsa: (p: { idA2A: string; idPendenza: string }, data: string) =>
    richiesta(
      422,
      'PAG_012',
      `Richiesto pagamento di una pendenza [Applicazione:${p.idA2A} IdPendenza:${p.idPendenza}] con data validita' decorsa il ${data}.`,
    ),
  inCorso: (p: { idDominio: string; iuv: string }, idSession: string) =>
    richiesta(
      422,
      'PAG_014',
      `Il pagamento (IdDominio:${p.idDominio}, IUV:${p.iuv}, CCP:${idSession}) non e' eseguibile poiche' risulta in corso all'Ente Creditore`,
    ),
  dataEsecuzionePassata: (oggi: string) =>
    richiesta(422, 'SEMANTICA', `Il campo dataEsecuzionePagamento deve avere una data successiva a ${oggi}.`),
  dataEsecuzioneLontana: (giorni: number) =>
    richiesta(422, 'SEMANTICA', `Il campo dataEsecuzionePagamento deve avere una data entro ${giorni} giorni .`),
  urlRitornoMancante: () => errors.syntax('Il campo urlRitorno non deve essere vuoto.'),
  checkoutNonDisponibile: (dettaglio: string) =>
    new DomainError(502, { categoria: 'PAGOPA', codice: 'NDP_000', descrizione: 'Servizi pagoPA non disponibili.', dettaglio }),
};

/** The refusal with GovPay's FaultBeanEsteso fields: the FALLITO session it left and where to read it. */
export function conSessione(e: DomainError, idPagamento: string): DomainError {
  return new DomainError(e.status, { ...e.fault, id: idPagamento, location: `/pagamenti/${idPagamento}` });
}
