/** The ordered list of migrations. One file per migration; versions are consecutive from 1. */
import { migration0001 } from './0001-initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [migration0001];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
