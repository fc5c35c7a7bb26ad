using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Bench.Corpus;

/// <summary>Writes the plan as a Hub <c>input/</c> folder, following the content contract.</summary>
public static partial class HubSiteWriter
{
    public static void Write(CorpusPlan plan, CorpusFiles files)
    {
        var languages = string.Join(", ", plan.Shape.Mix.Select(m => m.Lang));
        // The title map of the Japanese-only corpus as it always was; Korean joins it when the site has Korean pages.
        var korean = plan.Shape.Mix.Any(m => m.Lang == "ko") ? " ko: CS 지식 허브(벤치마크)," : string.Empty;
        files.Write("input/hub.yml", $$"""
            title: { ja: CSナレッジハブ（ベンチマーク）,{{korean}} en: CS Knowledge Hub (benchmark) }
            baseUrl: https://example.github.io/cs-hub/
            languages: [{{languages}}]
            currency: JPY

            """);
        string ArticleFile(int j) => plan.Articles[j - 1].Slug + (plan.Articles[j - 1].Lang == plan.Shape.DefaultLang ? "" : "." + plan.Articles[j - 1].Lang) + ".md";
        foreach (var article in plan.Articles)
        {
            var sb = new StringBuilder("---\n");
            sb.Append("title: ").Append(CorpusFiles.Quote(article.Title)).Append('\n');
            sb.Append("summary: ").Append(CorpusFiles.Quote(article.Summary)).Append('\n');
            sb.Append("date: ").Append(article.Date).Append('\n');
            sb.Append("tags: [").AppendJoin(", ", article.Tags.Select(CorpusFiles.Quote)).Append("]\n");
            sb.Append("---\n\n").Append(Resolve(article.Body, "articles", ArticleFile));
            files.Write($"input/articles/{ArticleFile(int.Parse(article.Slug[2..], System.Globalization.CultureInfo.InvariantCulture))}", sb.ToString());
        }
        foreach (var kpi in plan.Kpis)
        {
            var sb = new StringBuilder("---\n");
            sb.Append("title: ").Append(CorpusFiles.Quote(kpi.Title)).Append('\n');
            sb.Append("abbr: ").Append(kpi.Abbr).Append('\n');
            sb.Append("summary: ").Append(CorpusFiles.Quote(kpi.Summary)).Append('\n');
            sb.Append("formula: ").Append(kpi.Formula).Append('\n');
            sb.Append("result: { format: ").Append(kpi.Format).Append(", decimals: 1, better: ").Append(kpi.Better).Append(" }\n");
            sb.Append("inputs:\n");
            foreach (var input in kpi.Inputs)
            {
                sb.Append("  - { name: ").Append(input.Name).Append(", label: ").Append(CorpusFiles.Quote(input.Label)).Append(", unit: ").Append(input.Unit)
                    .Append(", min: ").Append(CorpusFiles.Number(input.Min)).Append(", default: ").Append(CorpusFiles.Number(input.Default)).Append(" }\n");
            }
            sb.Append("cadence: monthly\nindicator: lagging\nexamples:\n");
            foreach (var (values, result) in kpi.Examples)
            {
                sb.Append("  - { inputs: { ").AppendJoin(", ", kpi.Inputs.Select((input, k) => $"{input.Name}: {CorpusFiles.Number(values[k])}"))
                    .Append(" }, result: ").Append(CorpusFiles.Number(result)).Append(" }\n");
            }
            sb.Append("related: [").AppendJoin(", ", kpi.Related).Append("]\n");
            sb.Append("---\n\n").Append(Resolve(kpi.Body, "kpis", ArticleFile));
            files.Write($"input/kpis/{kpi.Slug}.md", sb.ToString());
        }
        foreach (var catalogue in plan.Catalogues)
        {
            files.Write($"input/catalogues/{catalogue.Slug}.yml", Catalogue(catalogue));
        }
    }

    private static string Catalogue(CataloguePlan catalogue)
    {
        var sb = new StringBuilder();
        sb.Append("title: ").Append(CorpusFiles.Quote(catalogue.Title)).Append('\n');
        sb.Append("audience: interviewer\n");
        sb.Append("summary: ").Append(CorpusFiles.Quote(catalogue.Summary)).Append('\n');
        sb.Append("facets:\n  category:\n");
        foreach (var (id, label) in Vocabulary.Categories)
        {
            sb.Append("    - { id: ").Append(id).Append(", label: ").Append(CorpusFiles.Quote(label)).Append(" }\n");
        }
        sb.Append("  phase:\n");
        foreach (var (id, label) in Vocabulary.Phases)
        {
            sb.Append("    - { id: ").Append(id).Append(", label: ").Append(CorpusFiles.Quote(label)).Append(" }\n");
        }
        sb.Append("questions:\n");
        foreach (var q in catalogue.Questions)
        {
            sb.Append("  - id: ").Append(q.Id).Append('\n');
            sb.Append("    text: ").Append(CorpusFiles.Quote(q.Text)).Append('\n');
            sb.Append("    category: ").Append(q.Category).Append('\n');
            sb.Append("    phase: ").Append(q.Phase).Append('\n');
            sb.Append("    intent: ").Append(CorpusFiles.Quote(q.Intent)).Append('\n');
            List("lookFor", q.LookFor);
            List("redFlags", q.RedFlags);
            List("followUps", q.FollowUps);
            if (q.Kpis.Count > 0)
            {
                sb.Append("    kpis: [").AppendJoin(", ", q.Kpis).Append("]\n");
            }
            sb.Append("    tags: [").AppendJoin(", ", q.Tags.Select(CorpusFiles.Quote)).Append("]\n");
        }
        return sb.ToString();

        void List(string key, IReadOnlyList<string> items)
        {
            sb.Append("    ").Append(key).Append(":\n");
            foreach (var item in items)
            {
                sb.Append("      - ").Append(CorpusFiles.Quote(item)).Append('\n');
            }
        }
    }

    /// <summary>Turns the plan's tokens into relative source links and Markdig custom containers.</summary>
    private static string Resolve(string body, string fromSection, Func<int, string> articleFile) => Token().Replace(body, m =>
    {
        var parts = m.Groups[1].Value.Split(':');
        var id = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return parts[0] switch
        {
            "A" => (fromSection == "articles" ? "" : "../articles/") + articleFile(id),
            "K" => (fromSection == "kpis" ? "" : "../kpis/") + CorpusPlan.KpiSlug(id) + ".md",
            "Q" => $"../catalogues/{CorpusPlan.CatalogueSlug(id)}.yml#{parts[2]}",
            "EK" => $":::kpi {CorpusPlan.KpiSlug(id)}\n:::",
            "EQ" => $":::questions {CorpusPlan.CatalogueSlug(id)} category={parts[2]}\n:::",
            _ => throw new InvalidOperationException(m.Value),
        };
    });

    [GeneratedRegex("⟦([^⟧]+)⟧")]
    internal static partial Regex Token();
}
