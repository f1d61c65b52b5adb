import { Migration } from '@mikro-orm/migrations';

export class Migration20261205101213 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `pendenze` add `anomalo` tinyint(1) not null default false");
  }
}
