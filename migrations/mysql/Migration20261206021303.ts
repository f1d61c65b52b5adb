import { Migration } from '@mikro-orm/migrations';

export class Migration20261206021303 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `leases` (`nome` varchar(50) not null, `owner` varchar(100) null, `scadenza` datetime(3) null, primary key (`nome`)) default character set utf8mb4 engine = InnoDB");
  }
}
