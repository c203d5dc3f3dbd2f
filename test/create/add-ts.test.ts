/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { addJourney } from './add-journey';

jest.setTimeout(240000);

describe('add and remove on a TypeScript app with miniprogramRoot miniprogram/ and 构建 npm by packNpmRelationList (tccc core, on the double; --no-tests)', () => addJourney({ fixture: 'add-ts', core: 'tccc', hostPackages: ['miniprogram-api-typings'], hostFails: [], how: 'packed', tests: false }));
