import { Migration } from '@mikro-orm/migrations';

export class Migration20261126174908 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `iuv_sequences` (`id` int unsigned not null auto_increment primary key, `id_dominio` varchar(11) not null, `prefisso` varchar(15) not null, `ultimo` bigint not null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `iuv_sequences` add unique `iuv_sequences_id_dominio_prefisso_unique`(`id_dominio`, `prefisso`)");
    this.addSql("create table `pendenze` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `id_a2a` varchar(35) not null, `id_pendenza` varchar(35) not null, `id_dominio` varchar(11) not null, `unita_operativa_id` int unsigned null, `id_tipo_pendenza` varchar(35) not null, `numero_avviso` varchar(18) null, `iuv` varchar(35) null, `stato` varchar(20) not null default 'NON_ESEGUITA', `descrizione_stato` varchar(255) null, `causale` varchar(140) not null, `importo_cents` bigint not null, `soggetto_pagatore` json not null, `id_debitore` varchar(35) not null, `data_caricamento` datetime(3) not null, `data_validita` date null, `data_scadenza` date null, `data_pagamento` date null, `anno_riferimento` int null, `cartella_pagamento` varchar(35) null, `tassonomia` varchar(35) null, `tassonomia_avviso` varchar(64) null, `direzione` varchar(35) null, `divisione` varchar(35) null, `documento` json null, `dati_allegati` json null, `proprieta` json null, `uuid` varchar(36) not null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `pendenze` add index `pendenze_id_a2a_index`(`id_a2a`)");
    this.addSql("alter table `pendenze` add index `pendenze_id_dominio_index`(`id_dominio`)");
    this.addSql("alter table `pendenze` add index `pendenze_unita_operativa_id_index`(`unita_operativa_id`)");
    this.addSql("alter table `pendenze` add index `pendenze_id_tipo_pendenza_index`(`id_tipo_pendenza`)");
    this.addSql("alter table `pendenze` add index `pendenze_stato_index`(`stato`)");
    this.addSql("alter table `pendenze` add index `pendenze_id_debitore_index`(`id_debitore`)");
    this.addSql("alter table `pendenze` add unique `pendenze_id_dominio_iuv_unique`(`id_dominio`, `iuv`)");
    this.addSql("alter table `pendenze` add unique `pendenze_id_dominio_numero_avviso_unique`(`id_dominio`, `numero_avviso`)");
    this.addSql("alter table `pendenze` add unique `pendenze_id_a2a_id_pendenza_unique`(`id_a2a`, `id_pendenza`)");
    this.addSql("create table `voci_pendenza` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `pendenza_id` int unsigned not null, `indice` int not null, `id_voce_pendenza` varchar(35) not null, `importo_cents` bigint not null, `descrizione` varchar(140) not null, `descrizione_causale_rpt` varchar(140) null, `stato` varchar(20) not null default 'Non eseguito', `tipo` varchar(10) not null, `id_dominio` varchar(11) null, `cod_entrata` varchar(35) null, `iban_accredito` varchar(34) null, `iban_appoggio` varchar(34) null, `tipo_contabilita` varchar(16) null, `codice_contabilita` varchar(255) null, `tipo_bollo` varchar(2) null, `hash_documento` varchar(70) null, `provincia_residenza` varchar(2) null, `contabilita` json null, `metadata` json null, `dati_allegati` json null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `voci_pendenza` add index `voci_pendenza_pendenza_id_index`(`pendenza_id`)");
    this.addSql("alter table `voci_pendenza` add unique `voci_pendenza_pendenza_id_indice_unique`(`pendenza_id`, `indice`)");
    this.addSql("alter table `pendenze` add constraint `pendenze_id_a2a_foreign` foreign key (`id_a2a`) references `applicazioni` (`id_a2a`) on update cascade on delete restrict");
    this.addSql("alter table `pendenze` add constraint `pendenze_id_dominio_foreign` foreign key (`id_dominio`) references `domini` (`id_dominio`) on update cascade on delete restrict");
    this.addSql("alter table `pendenze` add constraint `pendenze_unita_operativa_id_foreign` foreign key (`unita_operativa_id`) references `unita_operative` (`id`) on update cascade on delete restrict");
    this.addSql("alter table `pendenze` add constraint `pendenze_id_tipo_pendenza_foreign` foreign key (`id_tipo_pendenza`) references `tipi_pendenza` (`id_tipo_pendenza`) on update cascade on delete restrict");
    this.addSql("alter table `voci_pendenza` add constraint `voci_pendenza_pendenza_id_foreign` foreign key (`pendenza_id`) references `pendenze` (`id`) on update cascade on delete cascade");
  }
}
