import { Migration } from '@mikro-orm/migrations';

export class Migration20261206052624 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `pagamenti_portale` add column `verificato` integer not null default false");
  }
}
