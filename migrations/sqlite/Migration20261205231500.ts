import { Migration } from '@mikro-orm/migrations';

export class Migration20261205231500 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `domini` add column `url_ritorno` text null');
  }
}
