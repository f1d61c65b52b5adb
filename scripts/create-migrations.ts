import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../core/config';
import { projectRoot } from '../core/project-root';
import { mysqlFlavor, ormOptions } from '../schema/orm';

/**
 * Writes the next migration for each dialect: the SQL that takes a database migrated to the
 * latest migration to the schema the entities describe. MySQL needs TEST_MYSQL_URL (a server
 * where a scratch database may be created); run it under scripts/test-services.sh.
 */
async function diff(db: DatabaseConfig): Promise<string[]> {
  const orm = await MikroORM.init(ormOptions(db, 1, db.dialect === 'mysql' ? await mysqlFlavor(db.url) : undefined));
  try {
    await orm.getMigrator().up();
    const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    return sql.split(/;\n/).map((s) => s.trim().replace(/;$/, '')).filter(Boolean);
  } finally {
    await orm.close(true);
  }
}

function write(dialect: 'sqlite' | 'mysql', statements: string[], name: string): void {
  const cls = `Migration${name}`;
  const file = join(projectRoot(), 'migrations', dialect, `${cls}.ts`);
  const body = statements.map((s) => `    this.addSql(${JSON.stringify(s)});`).join('\n');
  writeFileSync(
    file,
    `import { Migration } from '@mikro-orm/migrations';\n\nexport class ${cls} extends Migration {\n  override async up(): Promise<void> {\n${body}\n  }\n}\n`,
  );
  const index = join(projectRoot(), 'migrations', dialect, 'index.ts');
  const src = readFileSync(index, 'utf8')
    .replace(/^(import type .*\n)/, `$1import { ${cls} } from './${cls}';\n`)
    .replace(/\n\];\n$/, `\n  { name: '${cls}', class: ${cls} },\n];\n`);
  writeFileSync(index, src);
  console.log(`wrote migrations/${dialect}/${cls}.ts (${statements.length} statements)`);
}

async function main(): Promise<void> {
  const name = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const sqlitePath = join(mkdtempSync(join(tmpdir(), 'govpay-mig-')), 'db.sqlite');
  const sqlite = await diff({ dialect: 'sqlite', path: sqlitePath });
  if (sqlite.length) write('sqlite', sqlite, name);
  const mysqlUrl = process.env.TEST_MYSQL_URL;
  if (!mysqlUrl) throw new Error('TEST_MYSQL_URL is not set: run under scripts/test-services.sh');
  const scratch = `govpay_mig_${Date.now()}`;
  const admin = await MikroORM.init({ ...ormOptions({ dialect: 'mysql', url: mysqlUrl, connectTimeoutMs: 10_000 }), entities: [], discovery: { warnWhenNoEntities: false } } as never);
  await admin.em.getConnection().execute(`create database ${scratch}`);
  try {
    const mysql = await diff({ dialect: 'mysql', url: mysqlUrl.replace(/\/[^/]*$/, `/${scratch}`), connectTimeoutMs: 10_000 });
    if (mysql.length) write('mysql', mysql, name);
  } finally {
    await admin.em.getConnection().execute(`drop database ${scratch}`);
    await admin.close(true);
  }
  if (!sqlite.length) console.log('entities and migrations agree: nothing to write');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
