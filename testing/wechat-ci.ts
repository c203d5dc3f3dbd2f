import type * as MiniprogramCi from 'miniprogram-ci';
import { peer } from './peers';

export type Ci = typeof MiniprogramCi;

/** miniprogram-ci, WeChat's own build tools (the ones DevTools and uploads run), for `what`. */
export function wechatCi(what: string): Ci {
  return peer<Ci>('miniprogram-ci', what);
}

/**
 * A miniprogram-ci project for offline work. The tools never need the real AppID or an upload key for it:
 * `touristappid` and the default project attributes keep them from asking WeChat's servers.
 */
export function offlineProject(ci: Ci, projectPath: string): InstanceType<Ci['Project']> {
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath,
    // Only uploads read the key; the constructor insists on one.
    privateKey: 'unused offline',
    ignores: ['node_modules/**/*', '**/node_modules/**/*'],
  });
  project.attr = async () => ci.DefaultProjectAttr;
  return project;
}
