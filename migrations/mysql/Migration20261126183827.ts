import { Migration } from '@mikro-orm/migrations';

export class Migration20261126183827 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `allegati_pendenza` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `pendenza_id` int unsigned not null, `nome` varchar(255) not null, `tipo` varchar(255) not null default 'application/octet-stream', `descrizione` varchar(255) null, `contenuto` longblob not null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `allegati_pendenza` add index `allegati_pendenza_pendenza_id_index`(`pendenza_id`)");
    this.addSql("alter table `allegati_pendenza` add constraint `allegati_pendenza_pendenza_id_foreign` foreign key (`pendenza_id`) references `pendenze` (`id`) on update cascade on delete cascade");
    this.addSql("alter table `pendenze` add `id_documento` varchar(35) null");
    this.addSql("alter table `pendenze` add index `pendenze_id_documento_index`(`id_documento`)");
  }
}
