/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { scaffoldJourney } from './scaffold-journey';

describe('the audio template in TypeScript on the open core (--no-tests), from npm exec to a call checked through tccc-dev-server/testing', () => scaffoldJourney({ template: 'audio', channelId: 'audio-support', typescript: true, tests: false }));
