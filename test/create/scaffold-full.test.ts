/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { scaffoldJourney } from './scaffold-journey';

jest.setTimeout(180000);

describe('the full template on the open core, from npm exec to a call', () => scaffoldJourney('full', 'support', 'open'));
