using Hub.Core.Diagnostics;
using Hub.Formulas.Binding;
using Hub.Formulas.Caching;
using Hub.Formulas.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hub.Formulas;

/// <summary>
/// Checks KPI formulas: Roslyn parses the text, the whitelist rejects everything outside the formula language,
/// Roslyn binds it inside a method whose parameters are the inputs (double), and Hub's binder builds the typed
/// tree that evaluation, JavaScript and display share, verified node by node against Roslyn's semantic model.
/// Nothing of a formula is ever compiled to code or run. Formulas Roslyn accepted once are remembered by content
/// hash in <c>cacheDirectory</c>, so an unchanged site skips building compilations. One instance per build;
/// <see cref="Check"/> is thread-safe.
/// </summary>
public sealed class FormulaChecker
{
    /// <summary>The file in the cache directory that remembers checked formulas.</summary>
    public const string CacheFileName = FormulaCache.FileName;

    private readonly FormulaCache _cache;
    private int _compilations;

    public FormulaChecker(string? cacheDirectory = null)
    {
        _cache = new FormulaCache(cacheDirectory);
    }

    /// <summary>
    /// Checks a small formula and drops the result: the first Roslyn compilation of a process costs far more
    /// than the next ones (metadata of the core library, Roslyn's own start), so a build that will need Roslyn
    /// starts this on a spare core while it still reads its content.
    /// </summary>
    public static void WarmUp() =>
        new FormulaChecker().Check(new FormulaSource("warm-up", "Math.Max(a, 1.0) * 2 / (b + 1)", ["a", "b"], _ => SourceLocation.FileOnly("warm-up")), new DiagnosticBag());

    /// <summary>How many formulas needed a Roslyn compilation (the cache did not know them).</summary>
    internal int Compilations => Volatile.Read(ref _compilations);

    /// <summary>The checked formula, or null after reporting why not in <paramref name="diagnostics"/>. Never throws
    /// because of what the formula or its inputs say.</summary>
    public CheckedFormula? Check(FormulaSource source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        try
        {
            return CheckUnguarded(source, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error(
                FormulaDiagnosticCodes.InternalError,
                SafeLocate(source, 0),
                $"the formula could not be checked: {e.GetType().Name}: {e.Message}",
                "this is a bug in Hub; please report it with the formula");
            return null;
        }
    }

    private CheckedFormula? CheckUnguarded(FormulaSource source, DiagnosticBag diagnostics)
    {
        if (!InputNameRules.Validate(source, diagnostics))
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(source.Expression))
        {
            diagnostics.Error(FormulaDiagnosticCodes.SyntaxError, source.Locate(0), "the formula is empty");
            return null;
        }
        var expression = SyntaxFactory.ParseExpression(source.Expression, options: RoslynFormulaCheck.ParseOptions);
        var syntaxErrors = 0;
        foreach (var error in expression.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            syntaxErrors++;
            var offset = Math.Clamp(error.Location.SourceSpan.Start, 0, source.Expression.Length);
            if (error.Id == "CS1073" && expression.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.SkippedTokensTrivia)) is { RawKind: > 0 } skipped)
            {
                // Roslyn places "unexpected token" at the start of the expression; point at the token instead.
                offset = skipped.SpanStart;
            }
            diagnostics.Error(FormulaDiagnosticCodes.SyntaxError, source.Locate(offset), error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), error.Id);
        }
        if (syntaxErrors > 0 || !FormulaWhitelist.Validate(expression, source, diagnostics))
        {
            return null;
        }

        var hash = FormulaCache.Hash(source);
        if (_cache.TryGet(hash, out var warnings))
        {
            foreach (var warning in warnings)
            {
                diagnostics.Warning(FormulaDiagnosticCodes.CompilerWarning, source.Locate(Math.Clamp(warning.Offset, 0, source.Expression.Length)), warning.Message, warning.Hint);
            }
            var cached = FormulaBinder.Bind(expression, source, diagnostics);
            return cached is null ? null : new CheckedFormula(source, cached);
        }

        Interlocked.Increment(ref _compilations);
        var roslyn = RoslynFormulaCheck.Create(expression, source.InputNames);
        var newWarnings = roslyn.ReportDiagnostics(source, diagnostics, out var hasErrors);
        if (hasErrors)
        {
            return null;
        }
        var bag = new DiagnosticBag();
        var root = FormulaBinder.Bind(expression, source, bag);
        if (root is null)
        {
            // Roslyn accepted what Hub's binder rejects: Hub's rules are incomplete.
            foreach (var problem in bag.Sorted())
            {
                diagnostics.Error(FormulaDiagnosticCodes.InternalError, problem.Location,
                    $"C# accepts the formula but Hub's evaluator does not: {problem.Message}", "this is a bug in Hub; please report it with the formula");
            }
            return null;
        }
        if (!roslyn.Verify(root, source, diagnostics))
        {
            return null;
        }
        _cache.Add(hash, newWarnings);
        return new CheckedFormula(source, root);
    }

    private static SourceLocation SafeLocate(FormulaSource source, int offset)
    {
        try
        {
            return source.Locate(offset);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return SourceLocation.FileOnly(source.Key);
        }
    }
}
