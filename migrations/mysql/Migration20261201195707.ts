import { Migration } from '@mikro-orm/migrations';

export class Migration20261201195707 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `anagrafica_revisione` (`id` int unsigned not null, `revisione` bigint not null, primary key (`id`)) default character set utf8mb4 engine = InnoDB");
    this.addSql("insert into `anagrafica_revisione` (`id`, `revisione`) values (1, 0)");
    this.addSql("create table `tracciati_pendenze` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `id_tracciato` varchar(255) not null, `nome_file` varchar(255) not null, `id_dominio` varchar(11) not null, `id_tipo_pendenza` varchar(35) null, `stato` varchar(30) not null default 'IN_ATTESA', `descrizione_stato` varchar(255) null, `caricato_da` json not null, `operatore_mittente` varchar(255) not null, `stampa_avvisi` tinyint(1) not null default true, `operazioni_totali` int not null default 0, `inserimenti` int not null default 0, `operazioni_eseguite` int not null default 0, `operazioni_fallite` int not null default 0, `prossima_operazione` int not null default 1, `data_caricamento` datetime(3) not null, `data_completamento` datetime(3) null, `lease_owner` varchar(64) null, `lease_scadenza` datetime(3) null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `tracciati_pendenze` add index `tracciati_pendenze_id_dominio_index`(`id_dominio`)");
    this.addSql("alter table `tracciati_pendenze` add index `tracciati_pendenze_stato_lease_scadenza_index`(`stato`, `lease_scadenza`)");
    this.addSql("create table `parti_tracciato` (`id` int unsigned not null auto_increment primary key, `tracciato_id` int unsigned not null, `prima_operazione` int not null, `righe` int not null, `contenuto` longtext not null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `parti_tracciato` add index `parti_tracciato_tracciato_id_index`(`tracciato_id`)");
    this.addSql("alter table `parti_tracciato` add unique `parti_tracciato_tracciato_id_prima_operazione_unique`(`tracciato_id`, `prima_operazione`)");
    this.addSql("create table `operazioni_tracciato` (`id` int unsigned not null auto_increment primary key, `tracciato_id` int unsigned not null, `numero` int not null, `tipo` varchar(12) not null, `richiesta` json not null, `id_a2a` varchar(35) null, `id_pendenza` varchar(35) null, `stato` varchar(12) not null, `esito` varchar(12) not null, `descrizione_esito` varchar(1024) not null, `numero_avviso` varchar(18) null, `dati` json null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `operazioni_tracciato` add index `operazioni_tracciato_tracciato_id_index`(`tracciato_id`)");
    this.addSql("alter table `operazioni_tracciato` add unique `operazioni_tracciato_tracciato_id_numero_unique`(`tracciato_id`, `numero`)");
    this.addSql("alter table `tracciati_pendenze` add constraint `tracciati_pendenze_id_dominio_foreign` foreign key (`id_dominio`) references `domini` (`id_dominio`) on update cascade on delete restrict");
    this.addSql("alter table `parti_tracciato` add constraint `parti_tracciato_tracciato_id_foreign` foreign key (`tracciato_id`) references `tracciati_pendenze` (`id`) on update cascade on delete cascade");
    this.addSql("alter table `operazioni_tracciato` add constraint `operazioni_tracciato_tracciato_id_foreign` foreign key (`tracciato_id`) references `tracciati_pendenze` (`id`) on update cascade on delete cascade");
  }
}
