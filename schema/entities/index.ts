import { ContoAccredito, Dominio, UnitaOperativa } from './dominio';
import { EntrataDominio, TipoEntrata } from './entrata';
import { Intermediario, Stazione } from './intermediario';
import { Configurazione } from './configurazione';
import { Evento } from './evento';
import { Lease } from './lease';
import { OutboxJob, Rpp } from './pagamento';
import { PagamentoPortale, PagamentoPortalePendenza } from './pagamento-portale';
import { Riconciliazione, Riscossione } from './incasso';
import { AllegatoPendenza, IuvSequence, Pendenza, VocePendenza } from './pendenza';
import { FlussoRendicontazione, Rendicontazione } from './rendicontazione';
import { AnagraficaRevisione } from './revisione';
import { Sessione } from './sessione';
import { Ruolo } from './ruolo';
import { TipoPendenza, TipoPendenzaDominio } from './tipo-pendenza';
import { OperazioneTracciato, ParteTracciato, TracciatoPendenze } from './tracciato';
import { Applicazione, Operatore } from './utenze';

export * from './configurazione';
export * from './dominio';
export * from './entrata';
export * from './evento';
export * from './incasso';
export * from './intermediario';
export * from './lease';
export * from './pagamento';
export * from './pagamento-portale';
export * from './pendenza';
export * from './rendicontazione';
export * from './revisione';
export * from './sessione';
export * from './ruolo';
export * from './tipo-pendenza';
export * from './tracciato';
export * from './utenze';

/** Every entity of the data model, in the order MikroORM discovers them. */
export const entities = [
  Intermediario,
  Stazione,
  Dominio,
  UnitaOperativa,
  ContoAccredito,
  TipoEntrata,
  EntrataDominio,
  TipoPendenza,
  TipoPendenzaDominio,
  Applicazione,
  Operatore,
  Ruolo,
  Pendenza,
  VocePendenza,
  AllegatoPendenza,
  IuvSequence,
  AnagraficaRevisione,
  TracciatoPendenze,
  ParteTracciato,
  OperazioneTracciato,
  Rpp,
  OutboxJob,
  PagamentoPortale,
  PagamentoPortalePendenza,
  FlussoRendicontazione,
  Rendicontazione,
  Riconciliazione,
  Riscossione,
  Lease,
  Sessione,
  Evento,
  Configurazione,
];
