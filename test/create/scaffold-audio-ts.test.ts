/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { scaffoldJourney } from './scaffold-journey';

jest.setTimeout(180000);

describe('the audio template in TypeScript on the open core, from npm exec to a call', () => scaffoldJourney('audio', 'audio-support', 'open', true));
