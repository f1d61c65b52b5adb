import { JsonType, type Platform } from '@mikro-orm/core';

/**
 * A JSON column holding an object or an array. MySQL 8 hands such columns back parsed, but
 * MariaDB stores JSON as LONGTEXT and mysql2 returns a string, which MikroORM's MySQL platform
 * would pass through unparsed. Since these columns never hold a bare JSON string, a string here
 * is always the serialized document.
 */
export class JsonDocument extends JsonType {
  override convertToJSValue(value: string | unknown, platform: Platform): unknown {
    return typeof value === 'string' ? JSON.parse(value) : super.convertToJSValue(value as string, platform);
  }
}
