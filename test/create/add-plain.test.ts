/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { addJourney } from './add-journey';

jest.setTimeout(240000);

describe("add and remove on an app without any package.json that fails WeChat's code-quality rules of its own (open core, npm run create -- add from this clone; the subpackage's test passes, and fails once broken)", () =>
  addJourney({ fixture: 'add-plain', core: 'open', hostPackages: [], hostFails: ['LAZYCODE_LOADING_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN'], how: 'clone', tests: true, breaks: true }));
