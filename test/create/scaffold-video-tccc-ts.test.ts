/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { scaffoldJourney } from './scaffold-journey';

jest.setTimeout(180000);

describe("the video template in TypeScript on the tccc core (Tencent's tccc-wx-sdk, here its double), from npm exec to a call", () => scaffoldJourney('video', '12345', 'tccc', true));
