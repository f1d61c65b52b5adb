import { Migration } from '@mikro-orm/migrations';

export class Migration20261201195707 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `anagrafica_revisione` (`id` integer not null, `revisione` bigint not null, primary key (`id`))");
    this.addSql("insert into `anagrafica_revisione` (`id`, `revisione`) values (1, 0)");
    this.addSql("create table `tracciati_pendenze` (`id` integer not null primary key autoincrement, `created_at` datetime not null, `updated_at` datetime not null, `id_tracciato` text not null, `nome_file` text not null, `id_dominio` text not null, `id_tipo_pendenza` text null, `stato` text not null default 'IN_ATTESA', `descrizione_stato` text null, `caricato_da` json not null, `operatore_mittente` text not null, `stampa_avvisi` integer not null default true, `operazioni_totali` integer not null default 0, `inserimenti` integer not null default 0, `operazioni_eseguite` integer not null default 0, `operazioni_fallite` integer not null default 0, `prossima_operazione` integer not null default 1, `data_caricamento` datetime not null, `data_completamento` datetime null, `lease_owner` text null, `lease_scadenza` datetime null, constraint `tracciati_pendenze_id_dominio_foreign` foreign key(`id_dominio`) references `domini`(`id_dominio`) on delete restrict on update cascade)");
    this.addSql("create index `tracciati_pendenze_id_dominio_index` on `tracciati_pendenze` (`id_dominio`)");
    this.addSql("create index `tracciati_pendenze_stato_lease_scadenza_index` on `tracciati_pendenze` (`stato`, `lease_scadenza`)");
    this.addSql("create table `parti_tracciato` (`id` integer not null primary key autoincrement, `tracciato_id` integer not null, `prima_operazione` integer not null, `righe` integer not null, `contenuto` longtext not null, constraint `parti_tracciato_tracciato_id_foreign` foreign key(`tracciato_id`) references `tracciati_pendenze`(`id`) on delete cascade on update cascade)");
    this.addSql("create index `parti_tracciato_tracciato_id_index` on `parti_tracciato` (`tracciato_id`)");
    this.addSql("create unique index `parti_tracciato_tracciato_id_prima_operazione_unique` on `parti_tracciato` (`tracciato_id`, `prima_operazione`)");
    this.addSql("create table `operazioni_tracciato` (`id` integer not null primary key autoincrement, `tracciato_id` integer not null, `numero` integer not null, `tipo` text not null, `richiesta` json not null, `id_a2a` text null, `id_pendenza` text null, `stato` text not null, `esito` text not null, `descrizione_esito` text not null, `numero_avviso` text null, `dati` json null, constraint `operazioni_tracciato_tracciato_id_foreign` foreign key(`tracciato_id`) references `tracciati_pendenze`(`id`) on delete cascade on update cascade)");
    this.addSql("create index `operazioni_tracciato_tracciato_id_index` on `operazioni_tracciato` (`tracciato_id`)");
    this.addSql("create unique index `operazioni_tracciato_tracciato_id_numero_unique` on `operazioni_tracciato` (`tracciato_id`, `numero`)");
  }
}
