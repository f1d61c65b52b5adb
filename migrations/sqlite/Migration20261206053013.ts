import { Migration } from '@mikro-orm/migrations';

export class Migration20261206053013 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `sessioni` (`token_hash` text not null, `principal` text not null, `creazione` datetime not null, `ultimo_uso` datetime not null, `scadenza` datetime not null, `scadenza_massima` datetime not null, primary key (`token_hash`))");
    this.addSql("create index `sessioni_scadenza_index` on `sessioni` (`scadenza`)");
  }
}
