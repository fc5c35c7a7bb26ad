using Hub.Core.Diagnostics;

namespace Hub.Formulas;

/// <summary>A KPI formula as written, with its declared inputs.</summary>
/// <param name="Key">The KPI slug; the key of the formula in the <c>formulas</c> kpi-formulas.js exports.</param>
/// <param name="Expression">The C# expression of the <c>formula:</c> key.</param>
/// <param name="InputNames">The declared input names, in declaration order.</param>
/// <param name="Locate">Maps a 0-based offset inside <paramref name="Expression"/> to its place in the KPI file.</param>
public sealed record FormulaSource(string Key, string Expression, IReadOnlyList<string> InputNames, Func<int, SourceLocation> Locate);
