import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261206230857 } from './Migration20261206230857';
import { Migration20261206083807 } from './Migration20261206083807';
import { Migration20261206053013 } from './Migration20261206053013';
import { Migration20261206052637 } from './Migration20261206052637';
import { Migration20261206052624 } from './Migration20261206052624';
import { Migration20261206052555 } from './Migration20261206052555';
import { Migration20261206052459 } from './Migration20261206052459';
import { Migration20261206021303 } from './Migration20261206021303';
import { Migration20261206020735 } from './Migration20261206020735';
import { Migration20261205231500 } from './Migration20261205231500';
import { Migration20261205135956 } from './Migration20261205135956';
import { Migration20261205101213 } from './Migration20261205101213';
import { Migration20261201203435 } from './Migration20261201203435';
import { Migration20261201195707 } from './Migration20261201195707';
import { Migration20261126183827 } from './Migration20261126183827';
import { Migration20261126174908 } from './Migration20261126174908';
import { Migration20261126165822 } from './Migration20261126165822';

/** sqlite migrations, oldest first; `npm run migration:create` appends to this list. */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261126165822', class: Migration20261126165822 },
  { name: 'Migration20261126174908', class: Migration20261126174908 },
  { name: 'Migration20261126183827', class: Migration20261126183827 },
  { name: 'Migration20261201195707', class: Migration20261201195707 },
  { name: 'Migration20261201203435', class: Migration20261201203435 },
  { name: 'Migration20261205101213', class: Migration20261205101213 },
  { name: 'Migration20261205135956', class: Migration20261205135956 },
  { name: 'Migration20261205231500', class: Migration20261205231500 },
  { name: 'Migration20261206020735', class: Migration20261206020735 },
  { name: 'Migration20261206021303', class: Migration20261206021303 },
  { name: 'Migration20261206052459', class: Migration20261206052459 },
  { name: 'Migration20261206052555', class: Migration20261206052555 },
  { name: 'Migration20261206052624', class: Migration20261206052624 },
  { name: 'Migration20261206052637', class: Migration20261206052637 },
  { name: 'Migration20261206053013', class: Migration20261206053013 },
  { name: 'Migration20261206083807', class: Migration20261206083807 },
  { name: 'Migration20261206230857', class: Migration20261206230857 },
];
