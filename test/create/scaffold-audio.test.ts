/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { scaffoldJourney } from './scaffold-journey';

describe('the audio template on the open core, from a clone (npm run create) to a call', () => scaffoldJourney({ template: 'audio', channelId: 'audio-support', fromClone: true, breaks: true }));
