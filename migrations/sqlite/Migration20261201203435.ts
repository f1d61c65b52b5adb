import { Migration } from '@mikro-orm/migrations';

export class Migration20261201203435 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `outbox` (`id` integer not null primary key autoincrement, `created_at` datetime not null, `updated_at` datetime not null, `tipo` text not null, `chiave` text not null, `payload` json not null, `stato` text not null default 'DA_ESEGUIRE', `tentativi` integer not null default 0, `prossimo_tentativo` datetime not null, `lease_owner` text null, `lease_scadenza` datetime null, `ultimo_errore` text null, `eseguito_il` datetime null)");
    this.addSql("create unique index `outbox_chiave_unique` on `outbox` (`chiave`)");
    this.addSql("create index `outbox_stato_prossimo_tentativo_index` on `outbox` (`stato`, `prossimo_tentativo`)");
    this.addSql("create table `rpp` (`id` integer not null primary key autoincrement, `created_at` datetime not null, `updated_at` datetime not null, `id_dominio` text not null, `iuv` text not null, `ccp` text not null, `pendenza_id` integer null, `stato` text not null default 'RT_ACCETTATA_PA', `esito` text not null default 'ESEGUITO', `importo_cents` bigint not null, `data_pagamento` datetime not null, `id_psp` text not null, `ragione_sociale_psp` text null, `id_canale` text null, `versione` text not null, `stand_in` integer not null default false, `duplicato` integer not null default false, `richiesta` json not null, `ricevuta` json not null, `ricevuta_xml` longtext not null, `impronta` text not null, constraint `rpp_id_dominio_foreign` foreign key(`id_dominio`) references `domini`(`id_dominio`) on delete restrict on update cascade, constraint `rpp_pendenza_id_foreign` foreign key(`pendenza_id`) references `pendenze`(`id`) on delete restrict on update cascade)");
    this.addSql("create index `rpp_id_dominio_index` on `rpp` (`id_dominio`)");
    this.addSql("create index `rpp_pendenza_id_index` on `rpp` (`pendenza_id`)");
    this.addSql("create unique index `rpp_id_dominio_iuv_ccp_unique` on `rpp` (`id_dominio`, `iuv`, `ccp`)");
  }
}
