import { Migration } from '@mikro-orm/migrations';

export class Migration20261126183827 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `allegati_pendenza` (`id` integer not null primary key autoincrement, `created_at` datetime not null, `updated_at` datetime not null, `pendenza_id` integer not null, `nome` text not null, `tipo` text not null default 'application/octet-stream', `descrizione` text null, `contenuto` longblob not null, constraint `allegati_pendenza_pendenza_id_foreign` foreign key(`pendenza_id`) references `pendenze`(`id`) on delete cascade on update cascade)");
    this.addSql("create index `allegati_pendenza_pendenza_id_index` on `allegati_pendenza` (`pendenza_id`)");
    this.addSql("alter table `pendenze` add column `id_documento` text null");
    this.addSql("create index `pendenze_id_documento_index` on `pendenze` (`id_documento`)");
  }
}
