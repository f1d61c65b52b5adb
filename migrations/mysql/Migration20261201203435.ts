import { Migration } from '@mikro-orm/migrations';

export class Migration20261201203435 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `outbox` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `tipo` varchar(30) not null, `chiave` varchar(255) not null, `payload` json not null, `stato` varchar(20) not null default 'DA_ESEGUIRE', `tentativi` int not null default 0, `prossimo_tentativo` datetime(3) not null, `lease_owner` varchar(255) null, `lease_scadenza` datetime(3) null, `ultimo_errore` varchar(2048) null, `eseguito_il` datetime(3) null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `outbox` add unique `outbox_chiave_unique`(`chiave`)");
    this.addSql("alter table `outbox` add index `outbox_stato_prossimo_tentativo_index`(`stato`, `prossimo_tentativo`)");
    this.addSql("create table `rpp` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `id_dominio` varchar(11) not null, `iuv` varchar(35) not null, `ccp` varchar(35) not null, `pendenza_id` int unsigned null, `stato` varchar(30) not null default 'RT_ACCETTATA_PA', `esito` varchar(20) not null default 'ESEGUITO', `importo_cents` bigint not null, `data_pagamento` datetime(3) not null, `id_psp` varchar(35) not null, `ragione_sociale_psp` varchar(140) null, `id_canale` varchar(35) null, `versione` varchar(2) not null, `stand_in` tinyint(1) not null default false, `duplicato` tinyint(1) not null default false, `richiesta` json not null, `ricevuta` json not null, `ricevuta_xml` longtext not null, `impronta` varchar(64) not null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `rpp` add index `rpp_id_dominio_index`(`id_dominio`)");
    this.addSql("alter table `rpp` add index `rpp_pendenza_id_index`(`pendenza_id`)");
    this.addSql("alter table `rpp` add unique `rpp_id_dominio_iuv_ccp_unique`(`id_dominio`, `iuv`, `ccp`)");
    this.addSql("alter table `rpp` add constraint `rpp_id_dominio_foreign` foreign key (`id_dominio`) references `domini` (`id_dominio`) on update cascade on delete restrict");
    this.addSql("alter table `rpp` add constraint `rpp_pendenza_id_foreign` foreign key (`pendenza_id`) references `pendenze` (`id`) on update cascade on delete restrict");
  }
}
