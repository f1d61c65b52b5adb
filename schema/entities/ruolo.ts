import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Acl } from '../../core/principal';
import { JsonDocument } from './json-document';
import { Timestamped } from './timestamped';

/**
 * GovPay's role: a named set of ACLs. Applicazioni and operatori list roles by name; their
 * effective rights are their own ACLs together with those of their roles.
 */
@Entity({ tableName: 'ruoli' })
export class Ruolo extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique()
  @Property({ type: 'string', length: 255 })
  idRuolo!: string;

  @Property({ type: JsonDocument })
  acl: Acl[] = [];
}
