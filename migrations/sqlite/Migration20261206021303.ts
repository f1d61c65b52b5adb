import { Migration } from '@mikro-orm/migrations';

export class Migration20261206021303 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `leases` (`nome` text not null, `owner` text null, `scadenza` datetime null, primary key (`nome`))");
  }
}
