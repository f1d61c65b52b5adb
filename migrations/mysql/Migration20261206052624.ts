import { Migration } from '@mikro-orm/migrations';

export class Migration20261206052624 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `pagamenti_portale` add `verificato` tinyint(1) not null default false");
  }
}
