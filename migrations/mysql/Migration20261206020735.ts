import { Migration } from '@mikro-orm/migrations';

export class Migration20261206020735 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `flussi_rendicontazione` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `id_dominio` varchar(11) not null, `id_flusso` varchar(70) not null, `data_ora_flusso` datetime(3) not null, `revisione` int not null, `obsoleto` tinyint(1) not null default false, `sorgente` varchar(5) not null, `id_psp` varchar(35) not null, `bic_riversamento` varchar(35) null, `trn` varchar(35) not null, `data_regolamento` date not null, `numero_pagamenti` int not null, `importo_totale_cents` bigint not null, `stato` varchar(10) not null, `segnalazioni` json not null, `data_acquisizione` datetime(3) not null, `xml` longtext null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `flussi_rendicontazione` add index `flussi_rendicontazione_id_dominio_index`(`id_dominio`)");
    this.addSql("alter table `flussi_rendicontazione` add index `flussi_rendicontazione_id_psp_index`(`id_psp`)");
    this.addSql("alter table `flussi_rendicontazione` add index `flussi_rendicontazione_trn_index`(`trn`)");
    this.addSql("alter table `flussi_rendicontazione` add index `flussi_rendicontazione_data_ora_flusso_index`(`data_ora_flusso`)");
    this.addSql("alter table `flussi_rendicontazione` add index `flussi_rendicontazione_id_dominio_id_flusso_revisione_index`(`id_dominio`, `id_flusso`, `revisione`)");
    this.addSql("alter table `flussi_rendicontazione` add unique `flussi_rendicontazione_id_dominio_id_flusso_data_o_97cf3_unique`(`id_dominio`, `id_flusso`, `data_ora_flusso`)");
    this.addSql("create table `incassi` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `id_dominio` varchar(11) not null, `id_riconciliazione` varchar(64) not null, `causale` varchar(1024) null, `importo_cents` bigint not null, `data_valuta` date null, `data_contabile` date null, `conto_accredito` varchar(35) null, `sct` varchar(64) not null, `iuv` varchar(35) null, `flusso_id` int unsigned null, `stato` varchar(10) not null, `descrizione_stato` varchar(1024) null, `data_richiesta` datetime(3) not null, `richiedente` varchar(255) not null, `richiesta_hash` varchar(64) not null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `incassi` add index `incassi_id_dominio_index`(`id_dominio`)");
    this.addSql("alter table `incassi` add index `incassi_flusso_id_index`(`flusso_id`)");
    this.addSql("alter table `incassi` add index `incassi_data_richiesta_index`(`data_richiesta`)");
    this.addSql("alter table `incassi` add unique `incassi_id_dominio_id_riconciliazione_unique`(`id_dominio`, `id_riconciliazione`)");
    this.addSql("create table `rendicontazioni` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `flusso_id` int unsigned not null, `id_dominio` varchar(11) not null, `iuv` varchar(35) not null, `iur` varchar(35) not null, `indice` int null, `importo_cents` bigint not null, `esito` smallint not null, `data` date not null, `stato` varchar(20) not null, `segnalazioni` json not null, `rpp_id` int unsigned null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `rendicontazioni` add index `rendicontazioni_id_dominio_index`(`id_dominio`)");
    this.addSql("alter table `rendicontazioni` add index `rendicontazioni_rpp_id_index`(`rpp_id`)");
    this.addSql("alter table `rendicontazioni` add index `rendicontazioni_flusso_id_index`(`flusso_id`)");
    this.addSql("alter table `rendicontazioni` add index `rendicontazioni_id_dominio_iuv_index`(`id_dominio`, `iuv`)");
    this.addSql("create table `riscossioni` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `id_dominio` varchar(11) not null, `iuv` varchar(35) not null, `iur` varchar(35) not null, `indice` int not null, `importo_cents` bigint not null, `tipo` varchar(30) not null, `stato` varchar(10) not null, `data` datetime(3) not null, `rpp_id` int unsigned null, `riconciliazione_id` int unsigned null, `rendicontazione_id` int unsigned null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `riscossioni` add index `riscossioni_id_dominio_index`(`id_dominio`)");
    this.addSql("alter table `riscossioni` add index `riscossioni_rpp_id_index`(`rpp_id`)");
    this.addSql("alter table `riscossioni` add index `riscossioni_rendicontazione_id_index`(`rendicontazione_id`)");
    this.addSql("alter table `riscossioni` add index `riscossioni_riconciliazione_id_index`(`riconciliazione_id`)");
    this.addSql("alter table `riscossioni` add index `riscossioni_stato_data_index`(`stato`, `data`)");
    this.addSql("alter table `riscossioni` add unique `riscossioni_id_dominio_iuv_iur_indice_unique`(`id_dominio`, `iuv`, `iur`, `indice`)");
    this.addSql("alter table `flussi_rendicontazione` add constraint `flussi_rendicontazione_id_dominio_foreign` foreign key (`id_dominio`) references `domini` (`id_dominio`) on update cascade on delete restrict");
    this.addSql("alter table `incassi` add constraint `incassi_id_dominio_foreign` foreign key (`id_dominio`) references `domini` (`id_dominio`) on update cascade on delete restrict");
    this.addSql("alter table `incassi` add constraint `incassi_flusso_id_foreign` foreign key (`flusso_id`) references `flussi_rendicontazione` (`id`) on update cascade on delete restrict");
    this.addSql("alter table `rendicontazioni` add constraint `rendicontazioni_flusso_id_foreign` foreign key (`flusso_id`) references `flussi_rendicontazione` (`id`) on update cascade on delete cascade");
    this.addSql("alter table `rendicontazioni` add constraint `rendicontazioni_id_dominio_foreign` foreign key (`id_dominio`) references `domini` (`id_dominio`) on update cascade on delete restrict");
    this.addSql("alter table `rendicontazioni` add constraint `rendicontazioni_rpp_id_foreign` foreign key (`rpp_id`) references `rpp` (`id`) on update cascade on delete restrict");
    this.addSql("alter table `riscossioni` add constraint `riscossioni_id_dominio_foreign` foreign key (`id_dominio`) references `domini` (`id_dominio`) on update cascade on delete restrict");
    this.addSql("alter table `riscossioni` add constraint `riscossioni_rpp_id_foreign` foreign key (`rpp_id`) references `rpp` (`id`) on update cascade on delete restrict");
    this.addSql("alter table `riscossioni` add constraint `riscossioni_riconciliazione_id_foreign` foreign key (`riconciliazione_id`) references `incassi` (`id`) on update cascade on delete restrict");
    this.addSql("alter table `riscossioni` add constraint `riscossioni_rendicontazione_id_foreign` foreign key (`rendicontazione_id`) references `rendicontazioni` (`id`) on update cascade on delete restrict");
  }
}
