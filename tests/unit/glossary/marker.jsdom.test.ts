// @vitest-environment jsdom
import { markerSuite } from './marker-suite';

markerSuite('jsdom');
