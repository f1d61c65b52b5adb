import { Migration } from '@mikro-orm/migrations';

export class Migration20261206052555 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `configurazioni` (`nome` varchar(50) not null, `valore` json not null, `aggiornata` datetime(3) not null, primary key (`nome`)) default character set utf8mb4 engine = InnoDB");
    this.addSql("create table `eventi` (`id` bigint unsigned not null auto_increment primary key, `componente` varchar(35) not null, `categoria_evento` varchar(20) not null, `ruolo` varchar(10) not null, `tipo_evento` varchar(100) not null, `sottotipo_evento` varchar(100) null, `esito` varchar(4) not null, `sottotipo_esito` varchar(60) null, `dettaglio_esito` varchar(1000) null, `data` datetime(3) not null, `durata_evento` int not null, `id_dominio` varchar(35) null, `iuv` varchar(35) null, `ccp` varchar(35) null, `id_a2a` varchar(35) null, `id_pendenza` varchar(35) null, `id_sessione` varchar(100) null, `principal` varchar(255) null, `severita` int null, `cluster_id` varchar(100) null, `parametri_richiesta` json null, `parametri_risposta` json null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `eventi` add index `eventi_componente_data_index`(`componente`, `data`)");
    this.addSql("alter table `eventi` add index `eventi_id_a2a_id_pendenza_index`(`id_a2a`, `id_pendenza`)");
    this.addSql("alter table `eventi` add index `eventi_id_dominio_iuv_index`(`id_dominio`, `iuv`)");
    this.addSql("alter table `eventi` add index `eventi_data_index`(`data`)");
  }
}
