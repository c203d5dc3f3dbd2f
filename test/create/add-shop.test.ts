/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { addJourney } from './add-journey';

jest.setTimeout(240000);

describe('add and remove on a JavaScript shop with three subpackages, a custom tab bar and TDesign from npm (open core, the packed CLI run in the project, --no-tests)', () => addJourney({ fixture: 'add-shop', core: 'open', hostPackages: ['tdesign-miniprogram'], hostFails: [], how: 'packed', tests: false }));
