/**
 * The small, versioned events subgraphs publish after commit (through the outbox) and the
 * gateway turns into subscription results by querying the graph for the subscriber's selection.
 * They carry keys and filter fields only, never data a subscriber might not be allowed to see.
 */
export type HubEvent =
  | {
      v: 1;
      tipo: 'pendenzaAggiornata';
      idDominio: string;
      idA2A: string;
      idPendenza: string;
      idTipoPendenza: string;
      stato: string;
      /** ISO-8601 UTC, when the change was committed. */
      at: string;
    }
  | {
      v: 1;
      tipo: 'ricevutaRegistrata';
      idDominio: string;
      iuv: string;
      /** The receipt's receiptId (GovPay's ccp). */
      idRicevuta: string;
      idA2A: string | null;
      idPendenza: string | null;
      idTipoPendenza: string | null;
      at: string;
    }
  | {
      v: 1;
      tipo: 'pagamentoAggiornato';
      /** The payment session's GovPay id (Pagamento.idPagamento; its global id is made from it). */
      id: string;
      stato: string;
      /** The applicazione that started it; null when an operatore did. */
      idA2A: string | null;
      /** The domini and tipi pendenza of its cart: who else may see it. */
      domini: string[];
      tipiPendenza: string[];
      at: string;
    }
  | {
      v: 1;
      tipo: 'flussoRendicontazioneAcquisito';
      idDominio: string;
      /** The stored revision's graph id (FlussoRendicontazione.id). */
      id: string;
      at: string;
    }
  | {
      v: 1;
      tipo: 'riconciliazioneRegistrata';
      idDominio: string;
      idRiconciliazione: string;
      at: string;
    };

export type HubEventType = HubEvent['tipo'];

/**
 * Fan-out of events: in process when the hub runs alone, over Redis pub/sub across instances.
 * Every subscriber on every instance receives every published event.
 */
export interface EventBus {
  publish(event: HubEvent): Promise<void>;
  /** Returns the function that removes the handler. */
  subscribe(handler: (event: HubEvent) => void): () => void;
  close(): Promise<void>;
}
