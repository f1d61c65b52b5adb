import { JsonDocument } from './json-document';
import { Entity, PrimaryKeyProp, PrimaryKey, Property } from '@mikro-orm/core';
import type { Acl } from '../../core/principal';
import { Timestamped } from './timestamped';

/** A dominio an utenza may act on; `idDominio: '*'` means every dominio. */
export interface DominioAutorizzato {
  idDominio: string;
  unitaOperative?: string[];
}

export interface ConnettoreIntegrazione {
  url: string;
  versioneApi?: 'REST v1' | 'REST v2';
  auth?: Record<string, unknown>;
}

/** A system integrated with the hub (the Ente's back-office, a portal), authenticated by idA2A's principal. */
@Entity({ tableName: 'applicazioni' })
export class Applicazione extends Timestamped {
  [PrimaryKeyProp]?: 'idA2A';

  @PrimaryKey({ type: 'string', length: 35 })
  idA2A!: string;

  @Property({ type: 'string', length: 255, unique: true })
  principal!: string;

  @Property({ type: 'string', length: 255, nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ type: 'string', length: 3, nullable: true })
  codificaIuv?: string | null;

  @Property({ type: 'string', length: 1024, nullable: true })
  regExpIuv?: string | null;

  @Property({ type: 'boolean' })
  generazioneIuvInterna: boolean = false;

  @Property({ type: JsonDocument })
  domini: DominioAutorizzato[] = [];

  @Property({ type: JsonDocument })
  tipiPendenza: string[] = [];

  @Property({ type: JsonDocument })
  acl: Acl[] = [];

  @Property({ type: JsonDocument })
  ruoli: string[] = [];

  @Property({ type: 'boolean' })
  apiPagamenti: boolean = false;

  @Property({ type: 'boolean' })
  apiPendenze: boolean = false;

  @Property({ type: 'boolean' })
  apiRagioneria: boolean = false;

  @Property({ type: JsonDocument, nullable: true })
  servizioIntegrazione?: ConnettoreIntegrazione | null;

  /** A portal's default return address, for payments it starts without naming one (§7.2: several portals, one Ente). */
  @Property({ type: 'string', length: 1024, nullable: true })
  urlRitorno?: string | null;

  @Property({ type: 'boolean' })
  abilitato: boolean = true;
}

/** A person using the back-office, authenticated by principal. */
@Entity({ tableName: 'operatori' })
export class Operatore extends Timestamped {
  @PrimaryKey({ type: 'string', length: 255 })
  principal!: string;

  @Property({ type: 'string', length: 255 })
  ragioneSociale!: string;

  @Property({ type: 'string', length: 255, nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ type: JsonDocument })
  domini: DominioAutorizzato[] = [];

  @Property({ type: JsonDocument })
  tipiPendenza: string[] = [];

  @Property({ type: JsonDocument })
  acl: Acl[] = [];

  @Property({ type: JsonDocument })
  ruoli: string[] = [];

  @Property({ type: 'boolean' })
  abilitato: boolean = true;
}
