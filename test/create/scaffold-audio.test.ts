/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { scaffoldJourney } from './scaffold-journey';

jest.setTimeout(180000);

describe('the audio template on the open core, from a clone (npm run create) to a call', () => scaffoldJourney('audio', 'audio-support', 'open', false, true));
