import { markerSuite } from './marker-suite';

markerSuite('happy-dom');
