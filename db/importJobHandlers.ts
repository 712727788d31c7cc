/** Import jobs, saved mappings and the file chooser (shared/contracts/importJobs.ts), spread into `handlers`. */
import type { importJobsContract } from '../shared/contracts/importJobs';
import { HandlerError } from './errors';
import type { Handlers } from './handlers';
import { cancelImportJob, currentImportJob, importJobStatus, startImportJob } from './import/jobs';
import { deleteMapping, listMappings, saveMapping } from './importMappings';

export const CHOOSE_PATH_REFUSED =
  'There is no file dialog here: this page is served by `casefile serve` on this computer, so type the full path of the folder or file instead.';

export const importJobHandlers: Pick<Handlers, keyof typeof importJobsContract> = {
  'importJobs:start': (cf, input) => startImportJob(cf, input),
  'importJobs:status': importJobStatus,
  'importJobs:cancel': cancelImportJob,
  'importJobs:current': (cf) => currentImportJob(cf),
  'importMappings:list': (cf) => listMappings(cf),
  'importMappings:save': saveMapping,
  'importMappings:delete': deleteMapping,
  // The desktop app answers this channel itself with its open dialog (electron/main/ipc.ts).
  'dialog:choosePath': () => {
    throw new HandlerError('refused', CHOOSE_PATH_REFUSED);
  },
};
