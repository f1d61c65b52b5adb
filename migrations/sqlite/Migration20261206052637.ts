import { Migration } from '@mikro-orm/migrations';

export class Migration20261206052637 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `pendenze` add column `ack` integer not null default false');
    this.addSql('alter table `pendenze` add column `note` json null');
  }
}
