import { Migration } from '@mikro-orm/migrations';

export class Migration20261205135956 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `pagamenti_portale` (`id` integer not null primary key autoincrement, `created_at` datetime not null, `updated_at` datetime not null, `id_pagamento` text not null, `id_session` text not null, `nome` text not null, `stato` text not null, `descrizione_stato` text null, `importo_cents` bigint not null, `id_sessione_portale` text null, `url_ritorno` text null, `redirect` text null, `data_esecuzione_pagamento` date null, `soggetto_versante` json null, `id_versante` text null, `conto_addebito` json null, `credenziali_pagatore` text null, `autenticazione_soggetto` text null, `lingua` text null, `avviato_da_tipo` text not null, `avviato_da` text not null, `scadenza` datetime not null, `esito_ritorno` text null, `ritorno_il` datetime null, `versione` integer not null default 1)");
    this.addSql("create unique index `pagamenti_portale_id_pagamento_unique` on `pagamenti_portale` (`id_pagamento`)");
    this.addSql("create unique index `pagamenti_portale_id_session_unique` on `pagamenti_portale` (`id_session`)");
    this.addSql("create index `pagamenti_portale_id_sessione_portale_index` on `pagamenti_portale` (`id_sessione_portale`)");
    this.addSql("create index `pagamenti_portale_id_versante_index` on `pagamenti_portale` (`id_versante`)");
    this.addSql("create index `pagamenti_portale_avviato_da_index` on `pagamenti_portale` (`avviato_da`)");
    this.addSql("create index `pagamenti_portale_stato_scadenza_index` on `pagamenti_portale` (`stato`, `scadenza`)");
    this.addSql("create table `pagamenti_portale_pendenze` (`id` integer not null primary key autoincrement, `pagamento_id` integer not null, `indice` integer not null, `pendenza_id` integer not null, `id_a2a` text not null, `id_pendenza` text not null, `id_dominio` text not null, `id_tipo_pendenza` text not null, `numero_avviso` text not null, `iuv` text not null, `id_debitore` text not null, `importo_cents` bigint not null, `esito` text not null default 'IN_CORSO', `in_corso` integer null, `attivato_il` datetime null, `ccp` text null, constraint `pagamenti_portale_pendenze_pagamento_id_foreign` foreign key(`pagamento_id`) references `pagamenti_portale`(`id`) on delete cascade on update cascade, constraint `pagamenti_portale_pendenze_pendenza_id_foreign` foreign key(`pendenza_id`) references `pendenze`(`id`) on delete restrict on update cascade)");
    this.addSql("create index `pagamenti_portale_pendenze_pagamento_id_index` on `pagamenti_portale_pendenze` (`pagamento_id`)");
    this.addSql("create index `pagamenti_portale_pendenze_pendenza_id_index` on `pagamenti_portale_pendenze` (`pendenza_id`)");
    this.addSql("create index `pagamenti_portale_pendenze_id_dominio_index` on `pagamenti_portale_pendenze` (`id_dominio`)");
    this.addSql("create index `pagamenti_portale_pendenze_id_debitore_index` on `pagamenti_portale_pendenze` (`id_debitore`)");
    this.addSql("create unique index `pagamenti_portale_pendenze_pendenza_id_in_corso_unique` on `pagamenti_portale_pendenze` (`pendenza_id`, `in_corso`)");
    this.addSql("create unique index `pagamenti_portale_pendenze_pagamento_id_indice_unique` on `pagamenti_portale_pendenze` (`pagamento_id`, `indice`)");
    this.addSql("alter table `applicazioni` add column `url_ritorno` text null");
  }
}
