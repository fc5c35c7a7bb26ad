using System.Collections.Concurrent;
using System.Text;
using Hub.Core.Diagnostics;
using Hub.Formulas;
using Hub.Formulas.Periods;

namespace Hub.Site.Content.Kpis;

/// <summary>
/// Checks every KPI's formula with Roslyn and the whitelist, verifies its worked examples with C#'s semantics,
/// and produces the one static script (<c>/assets/js/kpi-formulas.js</c>) the calculators run.
/// </summary>
public sealed class FormulaStep
{
    public const string ScriptPath = "/assets/js/kpi-formulas.js";

    private readonly ConcurrentDictionary<KpiPage, CheckedFormula> _checked = new();
    private readonly ConcurrentDictionary<KpiPage, CheckedFormula> _shown = new();
    private readonly ConcurrentDictionary<string, PendingFormula> _conversions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CheckedFormula> _checkedConversions = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs the checks that need no compilation (parser, whitelist, Hub's binder) on every formula, so that
    /// <see cref="DisplayHtml"/> can show them, and returns Roslyn's part with the worked examples as a task: pages
    /// can render meanwhile. A formula Roslyn refuses is an error, so a build whose pages showed it fails; the caller
    /// must wait for the task before it writes anything but its staging folder, or calls <see cref="Script"/>.
    /// </summary>
    public Task Run(SiteContent site, string? cacheDirectory, DiagnosticBag diagnostics)
    {
        var checker = new FormulaChecker(cacheDirectory);
        var pending = new ConcurrentQueue<(KpiPage Kpi, PendingFormula Formula)>();
        Parallel.ForEach(site.Kpis, kpi =>
        {
            var names = kpi.Inputs.Select(i => i.Name).ToList();
            if (names.Count == 0 || kpi.Formula.Expression.Length == 0)
            {
                return;
            }
            var source = new FormulaSource(kpi.Slug, kpi.Formula.Expression, names, kpi.Formula.Locate);
            if (checker.Begin(source, diagnostics) is not { } formula)
            {
                return;
            }
            if (formula.Provisional is { } shown)
            {
                _shown[kpi] = shown;
            }
            pending.Enqueue((kpi, formula));
        });
        CheckTranslations(site, diagnostics);
        BeginConversions(site, checker, diagnostics);
        // A thread of its own, not the pool's: Roslyn's first compilation takes a few hundred milliseconds (and may
        // wait for the warm-up's), while pages render and the search index builds on the pool. Tried in parallel on
        // the pool, translations waiting for their shared compilation starved it and rendering stalled.
        return Task.Factory.StartNew(() =>
        {
            foreach (var (kpi, pendingFormula) in pending)
            {
                if (pendingFormula.Complete() is not { } formula)
                {
                    continue;
                }
                _checked[kpi] = formula;
                foreach (var example in kpi.Examples)
                {
                    FormulaExampleChecker.Check(formula, example.Inputs, example.Result, example.ResultLocation, diagnostics);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private static void CheckTranslations(SiteContent site, DiagnosticBag diagnostics)
    {
        foreach (var group in site.Kpis.GroupBy(k => k.Slug).Where(g => g.Count() > 1))
        {
            var first = group.OrderBy(k => k.Lang == site.Config.DefaultLanguage ? 0 : 1).ThenBy(k => k.Lang, StringComparer.Ordinal).First();
            foreach (var other in group.Where(k => k != first))
            {
                if (other.Formula.Expression != first.Formula.Expression || !other.Inputs.Select(i => i.Name).SequenceEqual(first.Inputs.Select(i => i.Name)))
                {
                    diagnostics.Error(DiagnosticCodes.TranslationsDiffer, other.Formula.Start,
                        $"this translation's formula or inputs differ from {first.DisplayPath}", "a KPI has one formula in every language: copy it and its input names");
                }
            }
        }
    }

    // Every conversion between two periods of a compounding some KPI declares is a formula of its own in the
    // calculators' script (a worked example may be stated for any period, and shows its result in the others).
    private void BeginConversions(SiteContent site, FormulaChecker checker, DiagnosticBag diagnostics)
    {
        foreach (var kpi in site.Kpis)
        {
            if (kpi.Period is not { Compounding: { } compounding } period)
            {
                continue;
            }
            foreach (var from in PeriodConversion.Periods)
            {
                foreach (var to in PeriodConversion.Periods.Where(p => p != from))
                {
                    var key = PeriodConversion.Key(compounding, from, to);
                    if (!_conversions.ContainsKey(key) && checker.Begin(PeriodConversion.Source(compounding, from, to, period.Location), diagnostics) is { } pending)
                    {
                        _conversions[key] = pending;
                    }
                }
            }
        }
    }

    private CheckedFormula? Conversion(string compounding, string from, string to)
    {
        var key = PeriodConversion.Key(compounding, from, to);
        if (_checkedConversions.TryGetValue(key, out var done))
        {
            return done;
        }
        if (_conversions.TryGetValue(key, out var pending) && pending.Complete() is { } formula)
        {
            return _checkedConversions[key] = formula;
        }
        return null;
    }

    /// <summary>
    /// <paramref name="value"/>, a result of <paramref name="kpi"/> for <paramref name="from"/> (else the KPI's period), converted to <paramref name="to"/> as the page's
    /// script converts it; null when the KPI declares no such conversion. Usable once <see cref="Run"/> has returned
    /// (the conversion as Hub's binder reads it; Roslyn's verdict on it fails the build if it disagrees).
    /// </summary>
    public double? Convert(KpiPage kpi, double value, string to, string? from = null)
    {
        from ??= kpi.Period?.Period;
        if (kpi.Period is not { } period || from is null || to == from)
        {
            return kpi.Period is null ? null : value;
        }
        if (period.Compounding is not { } compounding || !_conversions.TryGetValue(PeriodConversion.Key(compounding, from, to), out var pending)
            || pending.Provisional is not { } conversion)
        {
            return null;
        }
        return PeriodConversion.Apply(conversion, value);
    }

    /// <summary>The result of <paramref name="kpi"/> for <paramref name="inputs"/> as the page computes it, once
    /// <see cref="Run"/> has returned; NaN when it cannot be computed, null when the formula was refused.</summary>
    public double? Evaluate(KpiPage kpi, IReadOnlyDictionary<string, double> inputs) =>
        _shown.TryGetValue(kpi, out var formula) && formula.TryEvaluate(inputs, out var value, out _) ? value : _shown.ContainsKey(kpi) ? double.NaN : null;

    /// <summary>The formula for people, as soon as <see cref="Run"/> has returned.</summary>
    public string DisplayHtml(KpiPage kpi) =>
        _shown.TryGetValue(kpi, out var formula)
            ? formula.ToDisplayHtml(name => kpi.Inputs.FirstOrDefault(i => i.Name == name)?.Label ?? name)
            : $"<code>{System.Net.WebUtility.HtmlEncode(kpi.Formula.Expression)}</code>";

    /// <summary>The calculators' script: one function per KPI slug (translations share their formula), once the task
    /// <see cref="Run"/> returned has completed.</summary>
    public byte[] Script()
    {
        foreach (var key in _conversions.Keys)
        {
            var parts = key.Split(':');
            Conversion(parts[1], parts[2], parts[3]);
        }
        var formulas = _checked.Values.GroupBy(f => f.Key).Select(g => g.First()).Concat(_checkedConversions.Values).OrderBy(f => f.Key, StringComparer.Ordinal);
        return Encoding.UTF8.GetBytes(FormulaScriptWriter.Write(formulas));
    }
}
