/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { scaffoldJourney } from './scaffold-journey';

describe("the video template on the tccc core (Tencent's tccc-wx-sdk, here its double), from npm exec to a call", () => scaffoldJourney({ template: 'video', channelId: '12345', core: 'tccc' }));
