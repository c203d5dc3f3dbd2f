/**
 * `tccc-call-kit/dev`: checks for development, kept out of the components so a release carries none of them.
 * `require('tccc-call-kit/dev').checkContrast()` in app.js while developing; leave it out of the release.
 */
import { devChecks } from '../common/dev-hooks';
import { checkDrawnContrast } from './drawn-contrast';
import { warnOfThemeContrast } from './theme-contrast';

/**
 * Turns on the colour-contrast warnings (console.warn, once per problem and app run) for every call screen
 * and config provider drawn from now on: the theme a provider is given, and the call screen's colours as
 * drawn. Calling it again changes nothing.
 */
export function checkContrast(): void {
  devChecks.drawnContrast = checkDrawnContrast;
  devChecks.themeContrast = warnOfThemeContrast;
}
