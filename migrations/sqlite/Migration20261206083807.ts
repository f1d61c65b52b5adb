import { Migration } from '@mikro-orm/migrations';

export class Migration20261206083807 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create index `pendenze_lista_stato_index` on `pendenze` (`id_dominio`, `stato`, `data_caricamento`, `id_a2a`, `data_scadenza`)");
    this.addSql("create index `pendenze_id_dominio_data_caricamento_index` on `pendenze` (`id_dominio`, `data_caricamento`)");
    this.addSql("create index `rpp_data_pagamento_id_index` on `rpp` (`data_pagamento`, `id`)");
  }
}
