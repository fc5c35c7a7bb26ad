// The type of assets/js/kpi-formulas.js, which Hub.Formulas.FormulaScriptWriter writes at build time; tsconfig.json's
// rootDirs lets the theme's scripts import it as './kpi-formulas.js' for type checking.
/** The formulas by key (KPI slug or period conversion), each over its inputs by name (percent inputs as ratios). */
export declare const formulas: Readonly<Record<string, (v: Readonly<Record<string, number>>) => number>>;
