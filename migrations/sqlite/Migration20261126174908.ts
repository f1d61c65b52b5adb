import { Migration } from '@mikro-orm/migrations';

export class Migration20261126174908 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `iuv_sequences` (`id` integer not null primary key autoincrement, `id_dominio` text not null, `prefisso` text not null, `ultimo` bigint not null)");
    this.addSql("create unique index `iuv_sequences_id_dominio_prefisso_unique` on `iuv_sequences` (`id_dominio`, `prefisso`)");
    this.addSql("create table `pendenze` (`id` integer not null primary key autoincrement, `created_at` datetime not null, `updated_at` datetime not null, `id_a2a` text not null, `id_pendenza` text not null, `id_dominio` text not null, `unita_operativa_id` integer null, `id_tipo_pendenza` text not null, `numero_avviso` text null, `iuv` text null, `stato` text not null default 'NON_ESEGUITA', `descrizione_stato` text null, `causale` text not null, `importo_cents` bigint not null, `soggetto_pagatore` json not null, `id_debitore` text not null, `data_caricamento` datetime not null, `data_validita` date null, `data_scadenza` date null, `data_pagamento` date null, `anno_riferimento` integer null, `cartella_pagamento` text null, `tassonomia` text null, `tassonomia_avviso` text null, `direzione` text null, `divisione` text null, `documento` json null, `dati_allegati` json null, `proprieta` json null, `uuid` text not null, constraint `pendenze_id_a2a_foreign` foreign key(`id_a2a`) references `applicazioni`(`id_a2a`) on delete restrict on update cascade, constraint `pendenze_id_dominio_foreign` foreign key(`id_dominio`) references `domini`(`id_dominio`) on delete restrict on update cascade, constraint `pendenze_unita_operativa_id_foreign` foreign key(`unita_operativa_id`) references `unita_operative`(`id`) on delete restrict on update cascade, constraint `pendenze_id_tipo_pendenza_foreign` foreign key(`id_tipo_pendenza`) references `tipi_pendenza`(`id_tipo_pendenza`) on delete restrict on update cascade)");
    this.addSql("create index `pendenze_id_a2a_index` on `pendenze` (`id_a2a`)");
    this.addSql("create index `pendenze_id_dominio_index` on `pendenze` (`id_dominio`)");
    this.addSql("create index `pendenze_unita_operativa_id_index` on `pendenze` (`unita_operativa_id`)");
    this.addSql("create index `pendenze_id_tipo_pendenza_index` on `pendenze` (`id_tipo_pendenza`)");
    this.addSql("create index `pendenze_stato_index` on `pendenze` (`stato`)");
    this.addSql("create index `pendenze_id_debitore_index` on `pendenze` (`id_debitore`)");
    this.addSql("create unique index `pendenze_id_dominio_iuv_unique` on `pendenze` (`id_dominio`, `iuv`)");
    this.addSql("create unique index `pendenze_id_dominio_numero_avviso_unique` on `pendenze` (`id_dominio`, `numero_avviso`)");
    this.addSql("create unique index `pendenze_id_a2a_id_pendenza_unique` on `pendenze` (`id_a2a`, `id_pendenza`)");
    this.addSql("create table `voci_pendenza` (`id` integer not null primary key autoincrement, `created_at` datetime not null, `updated_at` datetime not null, `pendenza_id` integer not null, `indice` integer not null, `id_voce_pendenza` text not null, `importo_cents` bigint not null, `descrizione` text not null, `descrizione_causale_rpt` text null, `stato` text not null default 'Non eseguito', `tipo` text not null, `id_dominio` text null, `cod_entrata` text null, `iban_accredito` text null, `iban_appoggio` text null, `tipo_contabilita` text null, `codice_contabilita` text null, `tipo_bollo` text null, `hash_documento` text null, `provincia_residenza` text null, `contabilita` json null, `metadata` json null, `dati_allegati` json null, constraint `voci_pendenza_pendenza_id_foreign` foreign key(`pendenza_id`) references `pendenze`(`id`) on delete cascade on update cascade)");
    this.addSql("create index `voci_pendenza_pendenza_id_index` on `voci_pendenza` (`pendenza_id`)");
    this.addSql("create unique index `voci_pendenza_pendenza_id_indice_unique` on `voci_pendenza` (`pendenza_id`, `indice`)");
  }
}
