using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Hub.Core.Diagnostics;
using Hub.Formulas.Binding;
using Hub.Formulas.Caching;
using Hub.Formulas.Syntax;
using Hub.Formulas.Tree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
    private readonly ConcurrentDictionary<string, Lazy<CompileOutcome>> _compiled = new(StringComparer.Ordinal);
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
    public CheckedFormula? Check(FormulaSource source, DiagnosticBag diagnostics) => Begin(source, diagnostics)?.Complete();

    /// <summary>
    /// The first half of <see cref="Check"/>, which needs no compilation: the input names, Roslyn's parser, the
    /// whitelist and Hub's binder. Null after reporting why the formula is refused. Otherwise the pending check's
    /// <see cref="PendingFormula.Provisional"/> is what <see cref="PendingFormula.Complete"/> returns if Roslyn
    /// agrees, so a build can render with it while Roslyn binds on another thread; <see cref="PendingFormula.Complete"/>
    /// must still run, and its result (not the provisional one) decides whether the formula is accepted.
    /// </summary>
    public PendingFormula? Begin(FormulaSource source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return Guarded(source, diagnostics, () => BeginUnguarded(source, diagnostics));
    }

    private PendingFormula? BeginUnguarded(FormulaSource source, DiagnosticBag diagnostics)
    {
        if (!InputNameRules.Validate(source, diagnostics))
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(source.Expression))
        {
            diagnostics.Error(DiagnosticCodes.FormulaSyntaxError, source.Locate(0), "the formula is empty");
            return null;
        }
        var expression = SyntaxFactory.ParseExpression(source.Expression, options: RoslynFormulaCheck.ParseOptions);
        var syntaxErrors = 0;
        var trailing = TrailingText.Find(expression, source.Expression);
        foreach (var error in expression.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var offset = Math.Clamp(error.Location.SourceSpan.Start, 0, source.Expression.Length);
            // Roslyn's "unexpected token" (placed at the expression's start) and whatever it says about the text
            // after the expression are the trailing text reported below, at its own character.
            if (trailing is not null && (error.Id == "CS1073" || offset >= trailing))
            {
                continue;
            }
            syntaxErrors++;
            diagnostics.Error(DiagnosticCodes.FormulaSyntaxError, source.Locate(offset), error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), error.Id);
        }
        if (trailing is { } at)
        {
            syntaxErrors++;
            diagnostics.Error(DiagnosticCodes.FormulaTrailingText, source.Locate(at), $"unexpected '{TrailingText.Describe(source.Expression, at)}' after the formula's expression",
                "a formula is one C# expression; only spaces, line breaks and comments may follow it");
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
                diagnostics.Warning(DiagnosticCodes.FormulaCompilerWarning, source.Locate(Math.Clamp(warning.Offset, 0, source.Expression.Length)), warning.Message, warning.Hint);
            }
            var cached = FormulaBinder.Bind(expression, source, diagnostics);
            if (cached is null)
            {
                return null;
            }
            var formula = new CheckedFormula(source, cached);
            return new PendingFormula(formula, () => formula);
        }

        // Bound before Roslyn runs, into a bag of its own: when both refuse the formula, Roslyn's errors are the
        // ones reported, and a binder that fails on what Roslyn refuses is not a bug of Hub's.
        var bag = new DiagnosticBag();
        FormulaNode? root = null;
        CheckedFormula? provisional = null;
        ExceptionDispatchInfo? bindingFailure = null;
        try
        {
            root = FormulaBinder.Bind(expression, source, bag);
            provisional = root is null ? null : new CheckedFormula(source, root);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            (root, bindingFailure) = (null, ExceptionDispatchInfo.Capture(e));
        }
        return new PendingFormula(provisional, () => Guarded(source, diagnostics, () => Compile(source, expression, hash, root, bindingFailure, provisional, diagnostics)));
    }

    // Translations of a KPI share its formula: each distinct formula (text and input names) is compiled once, and
    // what Roslyn said about it is reported at every place it is written.
    private CheckedFormula? Compile(FormulaSource source, ExpressionSyntax expression, string hash,
        FormulaNode? root, ExceptionDispatchInfo? bindingFailure, CheckedFormula? bound, DiagnosticBag diagnostics)
    {
        var outcome = _compiled.GetOrAdd(hash, _ => new Lazy<CompileOutcome>(
            () => CompileOnce(source, expression, hash, root, bindingFailure), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        foreach (var diagnostic in outcome.Diagnostics)
        {
            diagnostics.Add(diagnostic with { Location = source.Locate(diagnostic.Location.Column) });
        }
        return outcome.Accepted ? bound : null;
    }

    /// <summary>Roslyn's binding and the verification, with diagnostics located by offset in the expression (the column).</summary>
    private CompileOutcome CompileOnce(FormulaSource source, ExpressionSyntax expression, string hash, FormulaNode? root, ExceptionDispatchInfo? bindingFailure)
    {
        Interlocked.Increment(ref _compilations);
        var byOffset = source with { Locate = offset => new SourceLocation(source.Key, 0, offset) };
        var recorded = new DiagnosticBag();
        var roslyn = RoslynFormulaCheck.Create(expression, source.InputNames);
        var newWarnings = roslyn.ReportDiagnostics(byOffset, recorded, out var hasErrors);
        if (hasErrors)
        {
            return new CompileOutcome(false, recorded.Sorted());
        }
        bindingFailure?.Throw();
        if (root is null)
        {
            // Roslyn accepted what Hub's binder rejects: Hub's rules are incomplete.
            var problems = new DiagnosticBag();
            FormulaBinder.Bind(expression, byOffset, problems);
            foreach (var problem in problems.Sorted())
            {
                recorded.Error(DiagnosticCodes.FormulaInternalError, problem.Location,
                    $"C# accepts the formula but Hub's evaluator does not: {problem.Message}", "this is a bug in Hub; please report it with the formula");
            }
            return new CompileOutcome(false, recorded.Sorted());
        }
        if (!roslyn.Verify(root, byOffset, recorded))
        {
            return new CompileOutcome(false, recorded.Sorted());
        }
        _cache.Add(hash, newWarnings);
        return new CompileOutcome(true, recorded.Sorted());
    }

    private sealed record CompileOutcome(bool Accepted, IReadOnlyList<Hub.Core.Diagnostics.Diagnostic> Diagnostics);

    private static T? Guarded<T>(FormulaSource source, DiagnosticBag diagnostics, Func<T?> check)
        where T : class
    {
        try
        {
            return check();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error(
                DiagnosticCodes.FormulaInternalError,
                SafeLocate(source, 0),
                $"the formula could not be checked: {e.GetType().Name}: {e.Message}",
                "this is a bug in Hub; please report it with the formula");
            return null;
        }
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
