using System.Diagnostics;
using Hub.Core.Diagnostics;
using Hub.Formulas.Tests.Support;
using Xunit.Abstractions;

namespace Hub.Formulas.Tests;

public sealed class CacheTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"hub-formula-cache-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void An_unchanged_formula_is_not_compiled_again()
    {
        var first = new FormulaChecker(_directory);
        var formula = first.Check(TestSources.Source("x", "a / b", ["a", "b"]), new DiagnosticBag());
        Assert.Equal(1, first.Compilations);
        Assert.True(File.Exists(Path.Combine(_directory, "formulas.json")));

        var second = new FormulaChecker(_directory);
        var again = second.Check(TestSources.Source("x", "a / b", ["a", "b"]), new DiagnosticBag());

        Assert.Equal(0, second.Compilations);
        Assert.NotNull(again);
        Assert.Equal(formula!.JavaScriptBody, again.JavaScriptBody);
    }

    [Fact]
    public void Changed_text_or_inputs_are_compiled()
    {
        new FormulaChecker(_directory).Check(TestSources.Source("x", "a / b", ["a", "b"]), new DiagnosticBag());
        var checker = new FormulaChecker(_directory);

        checker.Check(TestSources.Source("x", "a / b ", ["a", "b"]), new DiagnosticBag());
        checker.Check(TestSources.Source("x", "a / b", ["a", "b", "c"]), new DiagnosticBag());

        Assert.Equal(2, checker.Compilations);
    }

    [Fact]
    public void Warnings_are_replayed_from_the_cache()
    {
        var cold = new DiagnosticBag();
        new FormulaChecker(_directory).Check(TestSources.Source("a == a ? 1 : 0", "a"), cold);
        var warm = new DiagnosticBag();
        new FormulaChecker(_directory).Check(TestSources.Source("a == a ? 1 : 0", "a"), warm);

        Assert.Equal(cold.Sorted().Select(d => d.ToString()), warm.Sorted().Select(d => d.ToString()));
        Assert.Single(warm.Sorted());
    }

    [Fact]
    public void Failed_formulas_are_not_cached_and_the_whitelist_always_runs()
    {
        new FormulaChecker(_directory).Check(TestSources.Source("Math.Round(1) + a", "a"), new DiagnosticBag());
        var checker = new FormulaChecker(_directory);
        var bag = new DiagnosticBag();

        Assert.Null(checker.Check(TestSources.Source("Math.Round(1) + a", "a"), bag));
        Assert.Equal(1, checker.Compilations);
        Assert.Equal(DiagnosticCodes.FormulaTypeError.Code, Assert.Single(bag.Sorted()).Code);
    }

    [Fact]
    public void A_corrupt_cache_file_is_ignored()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "formulas.json"), "{ not json");

        var checker = new FormulaChecker(_directory);

        Assert.NotNull(checker.Check(TestSources.Source("a * 2", "a"), new DiagnosticBag()));
        Assert.Equal(1, checker.Compilations);
    }

    [Fact]
    public void Check_is_thread_safe()
    {
        var checker = new FormulaChecker(_directory);
        var bag = new DiagnosticBag();
        var results = new CheckedFormula?[64];

        Parallel.For(0, results.Length, i => results[i] = checker.Check(TestSources.Source($"k{i}", $"a * {i % 8} + b", ["a", "b"]), bag));

        Assert.All(results, Assert.NotNull);
        Assert.Equal(0, bag.Count);
        Assert.Equal(8, checker.Compilations);
    }

    [Fact]
    public void Measures_cached_and_uncached_checks()
    {
        var formulas = Enumerable.Range(0, 50).Select(i => TestSources.Source($"m{i}", $"(a - b * {i}) / Math.Max(c, 1) + Math.Round(a, 2)", ["a", "b", "c"])).ToList();
        var clock = Stopwatch.StartNew();
        var cold = new FormulaChecker(_directory);
        formulas.ForEach(f => cold.Check(f, new DiagnosticBag()));
        var uncached = clock.Elapsed;
        clock.Restart();
        var warm = new FormulaChecker(_directory);
        formulas.ForEach(f => warm.Check(f, new DiagnosticBag()));
        var cached = clock.Elapsed;

        output.WriteLine($"50 formulas: {uncached.TotalMilliseconds:F0} ms with Roslyn binding, {cached.TotalMilliseconds:F0} ms from the cache (in a warm process)");
        Assert.Equal(0, warm.Compilations);
    }
}
