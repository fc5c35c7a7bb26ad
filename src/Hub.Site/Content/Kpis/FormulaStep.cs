using System.Collections.Concurrent;
using System.Text;
using Hub.Core.Diagnostics;
using Hub.Formulas;

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
        // A thread of its own, not the pool's: Roslyn's first compilation takes a few hundred milliseconds (and may
        // wait for the warm-up's), while pages render and the search index builds on the pool. Tried in parallel on
        // the pool, translations waiting for their shared compilation starved it: 0.4 s lost at 1,000 pages.
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

    /// <summary>The formula for people, as soon as <see cref="Run"/> has returned.</summary>
    public string DisplayHtml(KpiPage kpi) =>
        _shown.TryGetValue(kpi, out var formula)
            ? formula.ToDisplayHtml(name => kpi.Inputs.FirstOrDefault(i => i.Name == name)?.Label ?? name)
            : $"<code>{System.Net.WebUtility.HtmlEncode(kpi.Formula.Expression)}</code>";

    /// <summary>The calculators' script: one function per KPI slug (translations share their formula), once the task
    /// <see cref="Run"/> returned has completed.</summary>
    public byte[] Script()
    {
        var formulas = _checked.Values.GroupBy(f => f.Key).Select(g => g.First()).OrderBy(f => f.Key, StringComparer.Ordinal);
        return Encoding.UTF8.GetBytes(FormulaScriptWriter.Write(formulas));
    }
}
