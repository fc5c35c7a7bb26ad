// What search.js reads of the search engine's answers (search-engine.js, Engine.search), for the type check only:
// tsconfig.json's rootDirs lets search.js name it as './search-ui.js'; nothing here is served, so the page's script
// does not grow with its types.
export interface Highlighted { text: string, ranges: number[][] }
export interface Snippet { text: string, ranges: number[][], before?: boolean, after?: boolean }
export interface SubResult { url: string, title: Highlighted, snippet: Snippet | null }
export interface Result { kind: string, url: string, title: Highlighted, section: string, snippet: Snippet | null, subResults?: SubResult[], needles?: string[] }
export interface Response { total: number, approximate?: boolean, partial?: boolean, counts: Record<string, number>, results: Result[], corrected?: string[] }
/** An engine with its title tier loaded: search-engine.js's Engine on the page, or a proxy to it in a worker. */
export interface SearchEngine { search(query: string, options: object): Promise<Response> }
