/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { scaffoldJourney } from './scaffold-journey';

describe("the video template in TypeScript on the tccc core (Tencent's tccc-wx-sdk, here its double; --no-tests), from npm exec to a call checked through tccc-dev-server/testing", () => scaffoldJourney({ template: 'video', channelId: '12345', core: 'tccc', typescript: true, tests: false }));
