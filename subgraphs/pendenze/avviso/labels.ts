/**
 * The avviso's labels in Italian and in the second languages GovPay offers (de, en, fr, sl). With a
 * second language the label is printed as "italiano / traduzione"; explanatory texts stay Italian.
 */
/** The second languages: the graph's name of each, and GovPay's code, which its REST takes (?linguaSecondaria=de). */
export const LINGUE_SECONDARIE = { DE: 'de', EN: 'en', FR: 'fr', SL: 'sl' } as const;
export type LinguaSecondaria = (typeof LINGUE_SECONDARIE)[keyof typeof LINGUE_SECONDARIE];

const IT = {
  avviso: 'AVVISO DI PAGAMENTO',
  enteCreditore: 'ENTE CREDITORE',
  destinatario: "DESTINATARIO DELL'AVVISO",
  quantoQuando: 'QUANTO E QUANDO PAGARE?',
  dovePagare: 'DOVE PAGARE?',
  entroIl: 'entro il',
  euro: 'Euro',
  codiceAvviso: 'Codice Avviso',
  cfEnte: 'Cod. Ente Creditore',
  codiceFiscale: 'Cod. Fiscale',
  cbill: 'Codice CBILL',
  oggetto: 'Oggetto del pagamento',
  rata: 'Rata',
  di: 'di',
  banche: 'BANCHE E ALTRI CANALI',
  bollettino: 'BOLLETTINO POSTALE PA',
  contoCorrente: 'sul C/C n.',
  intestatario: 'Intestato a',
  tipo: 'Tipo',
  autorizzazione: 'Aut. num.',
};

export type LabelKey = keyof typeof IT;

const TRANSLATIONS: Record<LinguaSecondaria, Record<LabelKey, string>> = {
  en: {
    avviso: 'PAYMENT NOTICE',
    enteCreditore: 'CREDITOR ENTITY',
    destinatario: 'RECIPIENT OF THE NOTICE',
    quantoQuando: 'HOW MUCH AND WHEN TO PAY?',
    dovePagare: 'WHERE TO PAY?',
    entroIl: 'by',
    euro: 'Euro',
    codiceAvviso: 'Notice code',
    cfEnte: 'Creditor code',
    codiceFiscale: 'Tax code',
    cbill: 'CBILL code',
    oggetto: 'Payment subject',
    rata: 'Instalment',
    di: 'of',
    banche: 'BANKS AND OTHER CHANNELS',
    bollettino: 'POSTAL PAYMENT SLIP',
    contoCorrente: 'on account no.',
    intestatario: 'Holder',
    tipo: 'Type',
    autorizzazione: 'Auth. no.',
  },
  de: {
    avviso: 'ZAHLUNGSMITTEILUNG',
    enteCreditore: 'GLÄUBIGERKÖRPERSCHAFT',
    destinatario: 'EMPFÄNGER DER MITTEILUNG',
    quantoQuando: 'WIE VIEL UND WANN ZAHLEN?',
    dovePagare: 'WO ZAHLEN?',
    entroIl: 'bis zum',
    euro: 'Euro',
    codiceAvviso: 'Kodex der Mitteilung',
    cfEnte: 'Kodex Gläubiger',
    codiceFiscale: 'Steuernummer',
    cbill: 'CBILL-Kodex',
    oggetto: 'Zahlungsgrund',
    rata: 'Rate',
    di: 'von',
    banche: 'BANKEN UND ANDERE KANÄLE',
    bollettino: 'POSTERLAGSCHEIN',
    contoCorrente: 'auf Konto Nr.',
    intestatario: 'Inhaber',
    tipo: 'Typ',
    autorizzazione: 'Gen. Nr.',
  },
  fr: {
    avviso: 'AVIS DE PAIEMENT',
    enteCreditore: 'ORGANISME CRÉANCIER',
    destinatario: "DESTINATAIRE DE L'AVIS",
    quantoQuando: 'COMBIEN ET QUAND PAYER ?',
    dovePagare: 'OÙ PAYER ?',
    entroIl: 'avant le',
    euro: 'Euro',
    codiceAvviso: "Code de l'avis",
    cfEnte: 'Code créancier',
    codiceFiscale: 'Code fiscal',
    cbill: 'Code CBILL',
    oggetto: 'Objet du paiement',
    rata: 'Échéance',
    di: 'sur',
    banche: 'BANQUES ET AUTRES CANAUX',
    bollettino: 'BULLETIN POSTAL',
    contoCorrente: 'sur le compte n°',
    intestatario: 'Titulaire',
    tipo: 'Type',
    autorizzazione: 'Aut. n°',
  },
  sl: {
    avviso: 'OBVESTILO O PLAČILU',
    enteCreditore: 'UPNIK',
    destinatario: 'PREJEMNIK OBVESTILA',
    quantoQuando: 'KOLIKO IN KDAJ PLAČATI?',
    dovePagare: 'KJE PLAČATI?',
    entroIl: 'do',
    euro: 'Evro',
    codiceAvviso: 'Koda obvestila',
    cfEnte: 'Koda upnika',
    codiceFiscale: 'Davčna številka',
    cbill: 'Koda CBILL',
    oggetto: 'Namen plačila',
    rata: 'Obrok',
    di: 'od',
    banche: 'BANKE IN DRUGI KANALI',
    bollettino: 'POŠTNA POLOŽNICA',
    contoCorrente: 'na račun št.',
    intestatario: 'Imetnik',
    tipo: 'Vrsta',
    autorizzazione: 'Dov. št.',
  },
};

/** Explanatory texts (Italian only, as short as the AgID template's). */
export const TESTI = {
  pagaOnline:
    'PAGA SUL SITO O CON LE APP del tuo Ente Creditore, della tua Banca o degli altri canali di pagamento. ' +
    'Potrai pagare con carte, conto corrente, CBILL.',
  pagaTerritorio:
    'PAGA SUL TERRITORIO in tutti gli Uffici Postali, in Banca, in Ricevitoria, dal Tabaccaio, al Bancomat, ' +
    'al Supermercato. Potrai pagare in contanti, con carte o conto corrente.',
  importoAggiornato:
    "L'importo è aggiornato automaticamente dal sistema e potrebbe subire variazioni per eventuali sgravi, " +
    'note di credito, indennità di mora, sanzioni o interessi.',
  porzione: 'Utilizza la porzione di avviso relativa al canale di pagamento che preferisci.',
  banche:
    'Qui accanto trovi il codice QR e il codice interbancario CBILL per pagare attraverso il circuito ' +
    'bancario e gli altri canali di pagamento abilitati.',
  bollettino:
    'Bollettino Postale pagabile in tutti gli Uffici Postali e sui canali fisici o digitali abilitati di ' +
    "Poste Italiane e dell'Ente Creditore.",
};

/** The label for `key`: Italian, followed by " / " and the second language's when there is one. */
export function labeler(lingua?: LinguaSecondaria): (key: LabelKey) => string {
  return (key) => {
    const second = lingua ? TRANSLATIONS[lingua][key] : undefined;
    return second && second !== IT[key] ? `${IT[key]} / ${second}` : IT[key];
  };
}

/** The Italian label and, apart, its translation (for headings printed on two lines). */
export function heading(key: LabelKey, lingua?: LinguaSecondaria): { it: string; second?: string } {
  return { it: IT[key], second: lingua ? TRANSLATIONS[lingua][key] : undefined };
}
