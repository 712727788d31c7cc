/** The ordered list of migrations. One file per migration; versions are consecutive from 1. */
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-import';
import { migration0003 } from './0003-workbench';
import { migration0004 } from './0004-review';
import { migration0005 } from './0005-map';
import { migration0006 } from './0006-fold-function';
import { migrationDuplicates } from './0007-duplicates';
import { migrationReconcile } from './0008-reconcile';
import { migrationRecordVersions } from './0009-record-versions';
import { migrationStrikes } from './0010-strikes';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migrationDuplicates, migrationReconcile, migrationRecordVersions, migrationStrikes];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
