namespace Hub.Formulas;

/// <summary>
/// A formula past the checks that need no compilation (<see cref="FormulaChecker.Begin"/>), waiting for Roslyn's.
/// </summary>
public sealed class PendingFormula
{
    private readonly Lazy<CheckedFormula?> _complete;

    internal PendingFormula(CheckedFormula? provisional, Func<CheckedFormula?> complete)
    {
        Provisional = provisional;
        _complete = new Lazy<CheckedFormula?>(complete, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The formula as Hub's binder reads it: what <see cref="Complete"/> returns when Roslyn agrees (the same
    /// instance), or null when the binder refused it (<see cref="Complete"/> then reports why). Good for showing the
    /// formula early, never for accepting it.
    /// </summary>
    public CheckedFormula? Provisional { get; }

    /// <summary>
    /// Roslyn's binding and the node-by-node verification, unless the cache knew the formula: reports their
    /// diagnostics and returns the checked formula, or null if it is refused. Runs once; later calls return the
    /// same result.
    /// </summary>
    public CheckedFormula? Complete() => _complete.Value;
}
