import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A Backoffice `form` session: opened by a utenza's Basic credentials, carried by a cookie whose
 * random token is kept here only as its SHA-256. In the database, not in a process, so every
 * instance knows it and a logout on one ends it on all at once. It ends at `scadenza` (idle time
 * after the last call, never after `scadenzaMassima`); expired rows are purged.
 */
@Entity({ tableName: 'sessioni' })
export class Sessione {
  @PrimaryKey({ type: 'string', length: 64 })
  tokenHash!: string;

  /** The utenza's principal (an operatore's login, an applicazione's principal). */
  @Property({ type: 'string', length: 255 })
  principal!: string;

  @Property({ type: 'Date', length: 3 })
  creazione!: Date;

  @Property({ type: 'Date', length: 3 })
  ultimoUso!: Date;

  @Index()
  @Property({ type: 'Date', length: 3 })
  scadenza!: Date;

  @Property({ type: 'Date', length: 3 })
  scadenzaMassima!: Date;
}
