import type { Step } from '../soap/client';

/**
 * What the Nodo would answer the PSP when a payment stops: it relays a station's KO as
 * PPT_ERRORE_EMESSO_DA_PAA (the station's code in originalFaultCode), and names its own
 * failures with its own codes and id.
 */
export interface NodoFault {
  faultCode: string;
  faultString: string;
  id: string;
  description?: string;
  originalFaultCode?: string;
  originalFaultString?: string;
  originalDescription?: string;
}

const NODO_ID = 'NodoDeiPagamentiSPC';

/** The fault for a verify or an activation that did not give usable data. */
export function stationFault(step: Step, idPA: string): NodoFault {
  if (step.timedOut)
    return {
      faultCode: 'PPT_STAZIONE_INT_PA_TIMEOUT',
      faultString: 'Timeout risposta dalla stazione',
      id: NODO_ID,
      description: step.error,
    };
  if (step.outcome === 'KO') {
    return {
      faultCode: 'PPT_ERRORE_EMESSO_DA_PAA',
      faultString: "Errore restituito dall'ente creditore",
      id: idPA,
      originalFaultCode: step.fault?.faultCode,
      originalFaultString: step.fault?.faultString,
      originalDescription: step.fault?.description,
    };
  }
  return {
    faultCode: 'PPT_STAZIONE_INT_PA_ERRORE_RESPONSE',
    faultString: 'Errore di risposta dalla stazione',
    id: NODO_ID,
    description: step.error,
  };
}

export function tokenExpired(expiresAt: string): NodoFault {
  return {
    faultCode: 'PPT_TOKEN_SCADUTO',
    faultString: 'Token scaduto',
    id: NODO_ID,
    description: `il token e' scaduto alle ${expiresAt}`,
  };
}
