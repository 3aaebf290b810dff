// Unit tests read any screen's words without a layout to load them first.

import { loadFeatureWords } from './loaded-words';

await loadFeatureWords();
