import { Migration } from '@mikro-orm/migrations';

export class Migration20261205101213 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `pendenze` add column `anomalo` integer not null default false");
  }
}
