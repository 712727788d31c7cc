/** The bundle channels' handlers (shared/contracts/bundle.ts). */
import type { Handlers } from '../handlers';
import { previewBundle } from './export';
import { cancelExport, startExport, stepExport } from './jobs';
import { deleteBundleProfile, listBundleProfiles, saveBundleProfile } from './profiles';
import { formatVerifyReport, verifyBundleFile } from './verify';

type BundleChannel = 'bundle:profiles' | 'bundle:saveProfile' | 'bundle:deleteProfile' | 'bundle:preview' | 'bundle:start' | 'bundle:step' | 'bundle:cancel' | 'bundle:verify';

export const bundleHandlers: Pick<Handlers, BundleChannel> = {
  'bundle:profiles': (cf) => ({ profiles: listBundleProfiles(cf) }),
  'bundle:saveProfile': saveBundleProfile,
  'bundle:deleteProfile': (cf, input) => ({ deleted: deleteBundleProfile(cf, input.name) }),
  'bundle:preview': previewBundle,
  'bundle:start': startExport,
  'bundle:step': stepExport,
  'bundle:cancel': cancelExport,
  'bundle:verify': (_cf, input) => {
    const r = verifyBundleFile(input.path);
    return {
      status: r.status,
      bundleSha256: r.bundleSha256,
      refused: r.refused,
      files: r.files,
      problems: r.problems.map((p) => ({ path: p.path, problem: p.problem, ...('detail' in p ? { detail: p.detail } : {}) })),
      signature: { present: r.signature.present, valid: r.signature.valid, fingerprint: r.signature.fingerprint, signer: r.signature.signer },
      summary: formatVerifyReport(input.path, r),
    };
  },
};
