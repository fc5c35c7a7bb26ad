namespace Hub.Formulas.Tree;

/// <summary>The only types a formula's subexpressions can have: integer literals and their arithmetic are
/// <c>int</c> (so <c>1/2</c> is 0, as in C#), inputs are <c>double</c>, conditions are <c>bool</c>.</summary>
internal enum FormulaType
{
    Int,
    Double,
    Bool,
}
