import { Migration } from '@mikro-orm/migrations';

export class Migration20261206230857 extends Migration {
  override async up(): Promise<void> {
    this.addSql("pragma foreign_keys = off");
    this.addSql("create table `voci_pendenza__temp_alter` (`id` integer not null primary key autoincrement, `created_at` datetime not null, `updated_at` datetime not null, `pendenza_id` integer not null, `indice` integer not null, `id_voce_pendenza` text not null, `importo_cents` bigint not null, `descrizione` text not null, `descrizione_causale_rpt` text null, `stato` text not null default 'NON_ESEGUITO', `tipo` text not null, `id_dominio` text null, `cod_entrata` text null, `iban_accredito` text null, `iban_appoggio` text null, `tipo_contabilita` text null, `codice_contabilita` text null, `tipo_bollo` text null, `hash_documento` text null, `provincia_residenza` text null, `contabilita` json null, `metadata` json null, `dati_allegati` json null, constraint `voci_pendenza_pendenza_id_foreign` foreign key(`pendenza_id`) references `pendenze`(`id`) on delete cascade on update cascade)");
    this.addSql("insert into `voci_pendenza__temp_alter` select `id`, `created_at`, `updated_at`, `pendenza_id`, `indice`, `id_voce_pendenza`, `importo_cents`, `descrizione`, `descrizione_causale_rpt`, `stato`, `tipo`, `id_dominio`, `cod_entrata`, `iban_accredito`, `iban_appoggio`, `tipo_contabilita`, `codice_contabilita`, `tipo_bollo`, `hash_documento`, `provincia_residenza`, `contabilita`, `metadata`, `dati_allegati` from `voci_pendenza`");
    this.addSql("drop table `voci_pendenza`");
    this.addSql("alter table `voci_pendenza__temp_alter` rename to `voci_pendenza`");
    this.addSql("create index `voci_pendenza_pendenza_id_index` on `voci_pendenza` (`pendenza_id`)");
    this.addSql("create unique index `voci_pendenza_pendenza_id_indice_unique` on `voci_pendenza` (`pendenza_id`, `indice`)");
    // GovPay's REST text of a voce's stato becomes its name in GovPay's model (StatoSingoloVersamento), as the entity and the graph write it.
    this.addSql("update `voci_pendenza` set `stato` = case `stato` when 'Eseguito' then 'ESEGUITO' when 'Non eseguito' then 'NON_ESEGUITO' when 'Anomalo' then 'ANOMALO' else `stato` end");
    this.addSql("pragma foreign_keys = on");
  }
}
