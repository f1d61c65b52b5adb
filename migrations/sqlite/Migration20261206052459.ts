import { Migration } from '@mikro-orm/migrations';

export class Migration20261206052459 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `ruoli` (`id` integer not null primary key autoincrement, `created_at` datetime not null, `updated_at` datetime not null, `id_ruolo` text not null, `acl` json not null)");
    this.addSql("create unique index `ruoli_id_ruolo_unique` on `ruoli` (`id_ruolo`)");
  }
}
