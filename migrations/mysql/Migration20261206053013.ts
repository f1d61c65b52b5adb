import { Migration } from '@mikro-orm/migrations';

export class Migration20261206053013 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `sessioni` (`token_hash` varchar(64) not null, `principal` varchar(255) not null, `creazione` datetime(3) not null, `ultimo_uso` datetime(3) not null, `scadenza` datetime(3) not null, `scadenza_massima` datetime(3) not null, primary key (`token_hash`)) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `sessioni` add index `sessioni_scadenza_index`(`scadenza`)");
  }
}
