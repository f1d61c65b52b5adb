import { Migration } from '@mikro-orm/migrations';

export class Migration20261205231500 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `domini` add `url_ritorno` varchar(1024) null');
  }
}
