import { Migration } from '@mikro-orm/migrations';

export class Migration20261206052459 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `ruoli` (`id` int unsigned not null auto_increment primary key, `created_at` datetime(3) not null, `updated_at` datetime(3) not null, `id_ruolo` varchar(255) not null, `acl` json not null) default character set utf8mb4 engine = InnoDB");
    this.addSql("alter table `ruoli` add unique `ruoli_id_ruolo_unique`(`id_ruolo`)");
  }
}
