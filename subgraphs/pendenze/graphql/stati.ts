import { STATI_TRACCIATO } from '../../../schema/entities';
import { graphEnum } from '../../runtime/graph-enum';
import { STATI_PENDENZA } from '../domain/views';

/* The states of pendenze and tracciati as the graph shows them and as their lists filter on them. */

export const StatoPendenza = graphEnum('StatoPendenza', STATI_PENDENZA, "A pendenza's state (GovPay's StatoPendenza).", {
  NON_ESEGUITA: 'Not paid, and not past its dataScadenza.',
  ESEGUITA_PARZIALE: 'Paid in part.',
  SCADUTA: 'Not paid and past its dataScadenza (stored as NON_ESEGUITA).',
});

export const StatoTracciato = graphEnum('StatoTracciato', STATI_TRACCIATO, "A tracciato's progress.", {
  IN_ATTESA: 'Uploaded, waiting for a worker.',
  ESEGUITO_CON_ERRORI: 'Processed; some rows failed.',
  SCARTATO: 'Refused as a whole.',
});
