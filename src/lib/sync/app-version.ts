// The version a device reports in its status, so supervisors can see who runs an old release.

import { version } from '../../../package.json';

export const APP_VERSION: string = version;
