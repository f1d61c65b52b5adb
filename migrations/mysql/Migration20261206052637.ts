import { Migration } from '@mikro-orm/migrations';

export class Migration20261206052637 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `pendenze` add `ack` tinyint(1) not null default false, add `note` json null');
  }
}
