// The types of assets/js/search-tables.js, which Hub.Search.SearchScriptTables writes at build time; tsconfig.json's
// rootDirs lets the theme's scripts import it as './search-tables.js' for type checking.
export declare const CLASS: Readonly<{ SEPARATOR: number, IGNORABLE: number, MARK: number, WORD: number, JAPANESE: number, HANGUL: number }>;
export declare const IGNORABLE_RANGES: readonly number[];
export declare const JAPANESE_RANGES: readonly number[];
export declare const HANGUL_RANGES: readonly number[];
export declare const KANA_FOLD_RANGES: readonly number[];
export declare const KANA_FOLD_OFFSET: number;
export declare const SHARD_HASH: Readonly<{ offset: number, prime: number }>;
