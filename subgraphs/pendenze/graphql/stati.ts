import { ESITI_OPERAZIONE, STATI_OPERAZIONE, STATI_TRACCIATO, STATI_VOCE, TIPI_OPERAZIONE } from '../../../schema/entities';
import { enumOf } from '../../runtime/closed-set';
import { STATI_PENDENZA, TIPOLOGIE_PENDENZA } from '../domain/views';

/* The closed sets of pendenze, their voci, tracciati and their rows as the graph shows them and as their lists filter on them. */

export const StatoPendenza = enumOf(STATI_PENDENZA, 'StatoPendenza', "A pendenza's state (GovPay's StatoPendenza).", {
  NON_ESEGUITA: 'Not paid, and not past its dataScadenza.',
  ESEGUITA_PARZIALE: 'Paid in part.',
  SCADUTA: 'Not paid and past its dataScadenza (stored as NON_ESEGUITA).',
});

export const TipologiaPendenza = enumOf(TIPOLOGIE_PENDENZA, 'TipologiaPendenza', "GovPay's tipologia of a pendenza.", {
  DOVUTO: 'Owed: loaded by the Ente (every pendenza the hub holds today).',
  SPONTANEO: 'Asked for by the citizen (a spontaneous payment).',
});

export const StatoVocePendenza = enumOf(STATI_VOCE, 'StatoVocePendenza', "A voce's state: paid with its pendenza, or not.", {
  ANOMALO: "GovPay's; the hub does not set it (a receipt for a cancelled pendenza marks the pendenza anomalo).",
});

export const StatoTracciato = enumOf(STATI_TRACCIATO, 'StatoTracciato', "A tracciato's progress.", {
  IN_ATTESA: 'Uploaded, waiting for a worker.',
  ESEGUITO_CON_ERRORI: 'Processed; some rows failed.',
  SCARTATO: 'Refused as a whole.',
});

export const TipoOperazioneTracciato = enumOf(TIPI_OPERAZIONE, 'TipoOperazioneTracciato', 'What a row of a tracciato asks for.', {
  ADD: 'Load (create or replace) a pendenza.',
  DEL: 'Cancel a pendenza.',
  NON_VALIDA: 'Neither: the row names no pendenza.',
});

export const StatoOperazioneTracciato = enumOf(STATI_OPERAZIONE, 'StatoOperazioneTracciato', 'How a row of a tracciato ended.');

export const EsitoOperazioneTracciato = enumOf(
  ESITI_OPERAZIONE,
  'EsitoOperazioneTracciato',
  "A row's outcome, as GovPay names it: its tipo and OK or KO, or NON_VALIDA.",
);
