// Language ids the parsed guardrail rules understand.
import { parsedLanguageIds } from '../parsing/languages';

/** The VS Code language ids with a grammar; rules list them in `meta.languages`. */
export const PARSED_LANGUAGES: readonly string[] = parsedLanguageIds;
