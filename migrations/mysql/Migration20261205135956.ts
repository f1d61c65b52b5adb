import { Migration } from '@mikro-orm/migrations';

export class Migration20261205135956 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `pagamenti_portale` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `id_pagamento` varchar(32) not null, `id_session` varchar(32) not null, `nome` varchar(255) not null, `stato` varchar(20) not null, `descrizione_stato` varchar(1024) null, `importo_cents` bigint not null, `id_sessione_portale` varchar(255) null, `url_ritorno` varchar(1024) null, `redirect` varchar(2048) null, `data_esecuzione_pagamento` date null, `soggetto_versante` json null, `id_versante` varchar(35) null, `conto_addebito` json null, `credenziali_pagatore` varchar(35) null, `autenticazione_soggetto` varchar(3) null, `lingua` varchar(2) null, `avviato_da_tipo` varchar(20) not null, `avviato_da` varchar(255) not null, `scadenza` datetime(3) not null, `esito_ritorno` varchar(10) null, `ritorno_il` datetime(3) null, `versione` int not null default 1) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `pagamenti_portale` add unique `pagamenti_portale_id_pagamento_unique`(`id_pagamento`)");
    this.addSql("alter table `pagamenti_portale` add unique `pagamenti_portale_id_session_unique`(`id_session`)");
    this.addSql("alter table `pagamenti_portale` add index `pagamenti_portale_id_sessione_portale_index`(`id_sessione_portale`)");
    this.addSql("alter table `pagamenti_portale` add index `pagamenti_portale_id_versante_index`(`id_versante`)");
    this.addSql("alter table `pagamenti_portale` add index `pagamenti_portale_avviato_da_index`(`avviato_da`)");
    this.addSql("alter table `pagamenti_portale` add index `pagamenti_portale_stato_scadenza_index`(`stato`, `scadenza`)");
    this.addSql("create table `pagamenti_portale_pendenze` (`id` int unsigned not null auto_increment primary key, `pagamento_id` int unsigned not null, `indice` int not null, `pendenza_id` int unsigned not null, `id_a2a` varchar(35) not null, `id_pendenza` varchar(35) not null, `id_dominio` varchar(11) not null, `id_tipo_pendenza` varchar(35) not null, `numero_avviso` varchar(18) not null, `iuv` varchar(35) not null, `id_debitore` varchar(35) not null, `importo_cents` bigint not null, `esito` varchar(20) not null default 'IN_CORSO', `in_corso` tinyint(1) null, `attivato_il` datetime(3) null, `ccp` varchar(35) null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `pagamenti_portale_pendenze` add index `pagamenti_portale_pendenze_pagamento_id_index`(`pagamento_id`)");
    this.addSql("alter table `pagamenti_portale_pendenze` add index `pagamenti_portale_pendenze_pendenza_id_index`(`pendenza_id`)");
    this.addSql("alter table `pagamenti_portale_pendenze` add index `pagamenti_portale_pendenze_id_dominio_index`(`id_dominio`)");
    this.addSql("alter table `pagamenti_portale_pendenze` add index `pagamenti_portale_pendenze_id_debitore_index`(`id_debitore`)");
    this.addSql("alter table `pagamenti_portale_pendenze` add unique `pagamenti_portale_pendenze_pendenza_id_in_corso_unique`(`pendenza_id`, `in_corso`)");
    this.addSql("alter table `pagamenti_portale_pendenze` add unique `pagamenti_portale_pendenze_pagamento_id_indice_unique`(`pagamento_id`, `indice`)");
    this.addSql("alter table `pagamenti_portale_pendenze` add constraint `pagamenti_portale_pendenze_pagamento_id_foreign` foreign key (`pagamento_id`) references `pagamenti_portale` (`id`) on update cascade on delete cascade");
    this.addSql("alter table `pagamenti_portale_pendenze` add constraint `pagamenti_portale_pendenze_pendenza_id_foreign` foreign key (`pendenza_id`) references `pendenze` (`id`) on update cascade on delete restrict");
    this.addSql("alter table `applicazioni` add `url_ritorno` varchar(1024) null");
  }
}
