import { Migration } from '@mikro-orm/migrations';

export class Migration20261206052555 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `configurazioni` (`nome` text not null, `valore` json not null, `aggiornata` datetime not null, primary key (`nome`))");
    this.addSql("create table `eventi` (`id` integer not null primary key autoincrement, `componente` text not null, `categoria_evento` text not null, `ruolo` text not null, `tipo_evento` text not null, `sottotipo_evento` text null, `esito` text not null, `sottotipo_esito` text null, `dettaglio_esito` text null, `data` datetime not null, `durata_evento` integer not null, `id_dominio` text null, `iuv` text null, `ccp` text null, `id_a2a` text null, `id_pendenza` text null, `id_sessione` text null, `principal` text null, `severita` integer null, `cluster_id` text null, `parametri_richiesta` json null, `parametri_risposta` json null)");
    this.addSql("create index `eventi_componente_data_index` on `eventi` (`componente`, `data`)");
    this.addSql("create index `eventi_id_a2a_id_pendenza_index` on `eventi` (`id_a2a`, `id_pendenza`)");
    this.addSql("create index `eventi_id_dominio_iuv_index` on `eventi` (`id_dominio`, `iuv`)");
    this.addSql("create index `eventi_data_index` on `eventi` (`data`)");
  }
}
