import { Migration } from '@mikro-orm/migrations';

export class Migration20261206083807 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `pendenze` add index `pendenze_lista_stato_index`(`id_dominio`, `stato`, `data_caricamento`, `id_a2a`, `data_scadenza`)");
    this.addSql("alter table `pendenze` add index `pendenze_id_dominio_data_caricamento_index`(`id_dominio`, `data_caricamento`)");
    this.addSql("alter table `rpp` add index `rpp_data_pagamento_id_index`(`data_pagamento`, `id`)");
  }
}
