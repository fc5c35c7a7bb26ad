// The type of assets/js/lunr.module.js, which Hub.Search.SearchAssets writes at build time from the npm package's
// lunr.min.js: only what search-engine.js and search-tokenizer.js use of lunr 2.3.9.
declare namespace lunr {
  interface Result { ref: string, score: number, matchData: { metadata: Record<string, Record<string, unknown>> } }
  interface Clause { term: string, fields?: string[], boost?: number, wildcard?: number, presence?: number, usePipeline?: boolean, editDistance?: number }
  interface Query { term(term: string, options?: Omit<Clause, 'term'>): Query; clause(clause: Clause): Query }
  interface Index { query(fn: (query: Query) => void): Result[] }
  interface Token { toString(): string }
}
declare const lunr: {
  Index: { load(serialized: object): lunr.Index },
  Token: new (str: string, metadata?: object) => lunr.Token,
  stemmer: (token: lunr.Token) => lunr.Token,
  Query: { wildcard: { NONE: number, LEADING: number, TRAILING: number }, presence: { OPTIONAL: number, REQUIRED: number, PROHIBITED: number } }
};
export default lunr;
