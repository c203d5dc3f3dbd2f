/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { addJourney } from './add-journey';

jest.setTimeout(240000);

describe('add and remove on an app without any package.json (open core, npm run create -- add from this clone)', () => addJourney({ fixture: 'add-plain', core: 'open', hostPackages: [], how: 'clone' }));
