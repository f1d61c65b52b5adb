import { Migration } from '@mikro-orm/migrations';

export class Migration20261206230857 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `voci_pendenza` modify `stato` varchar(20) not null default 'NON_ESEGUITO'");
    // GovPay's REST text of a voce's stato becomes its name in GovPay's model (StatoSingoloVersamento), as the entity and the graph write it.
    this.addSql("update `voci_pendenza` set `stato` = case `stato` when 'Eseguito' then 'ESEGUITO' when 'Non eseguito' then 'NON_ESEGUITO' when 'Anomalo' then 'ANOMALO' else `stato` end");
  }
}
