import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint layering', () => {
  it.each([
    ['db/x.ts', "import { app } from 'electron';"],
    ['db/x.ts', "import { App } from '../renderer/app/App';"],
    ['renderer/features/x.ts', "import { openCaseFile } from '../../db/casefile';"],
    ['renderer/features/x.ts', "import Database from 'better-sqlite3';"],
    ['renderer/features/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron';"],
    ['shared/x.ts', "import { createHash } from 'node:crypto';"],
    ['shared/x.ts', "import { dispatch } from '../db/handlers';"],
    ['electron/preload/x.ts', "import { dispatch } from '../../db/handlers';"],
    ['electron/main/x.ts', "import { App } from '../../renderer/app/App';"],
    ['cli/x.ts', "import { app } from 'electron';"],
    ['renderer/features/incidents/x.ts', "import { Map } from 'maplibre-gl';"],
    ['renderer/app/x.ts', "import 'maplibre-gl/dist/maplibre-gl.css';"],
    ['renderer/features/map/x.ts', "import { readFileSync } from 'node:fs';"],
  ])('flags a forbidden import in %s: %s', async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    ['db/x.ts', "import { contract } from '../shared/contract';"],
    ['electron/main/x.ts', "import { dispatch } from '../../db/handlers';"],
    ['electron/preload/x.ts', "import { CHANNELS } from '../../shared/contract';"],
    ['renderer/features/x.ts', "import type { Channel } from '../../shared/contract';"],
    ['renderer/features/map/x.ts', "import { Map } from 'maplibre-gl';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
