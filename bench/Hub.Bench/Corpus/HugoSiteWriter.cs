using System.Text;

namespace Hub.Bench.Corpus;

/// <summary>
/// Writes the same plan as a minimal Hugo site with its own layouts (no theme): the articles, the KPI pages as
/// Markdown pages and each catalogue as one Markdown page with an anchor per question. Source links are
/// resolved (and checked) by a link render hook, embeds are shortcodes.
/// </summary>
public static class HugoSiteWriter
{
    public static void Write(CorpusPlan plan, CorpusFiles files)
    {
        var multilingual = plan.Shape.Mix.Count > 1;
        var defaultLang = plan.Shape.DefaultLang;
        // One language: the configuration the benchmark always had. Several: Hugo's multilingual mode, a
        // translation per file name suffix (a-00012.ko.md) as in Hub, the default language at the root.
        files.Write("hugo.toml", multilingual ? $"""
            baseURL = "https://example.github.io/cs-hub/"
            defaultContentLanguage = "{defaultLang}"
            title = "CSナレッジハブ（ベンチマーク）"
            hasCJKLanguage = true

            {string.Concat(plan.Shape.Mix.Select((m, k) => $"[languages.{m.Lang}]\nlanguageCode = \"{m.Lang}\"\nweight = {k + 1}\n"))}
            [taxonomies]
            tag = "tags"

            """ : """
            baseURL = "https://example.github.io/cs-hub/"
            languageCode = "ja"
            defaultContentLanguage = "ja"
            title = "CSナレッジハブ（ベンチマーク）"
            hasCJKLanguage = true

            [taxonomies]
            tag = "tags"

            """);
        string ArticleFile(int j) => plan.Articles[j - 1].Slug + (plan.Articles[j - 1].Lang == defaultLang ? "" : "." + plan.Articles[j - 1].Lang) + ".md";
        files.Write("content/_index.md", "---\ntitle: \"ホーム\"\n---\n");
        files.Write("content/articles/_index.md", "---\ntitle: \"記事\"\n---\n");
        files.Write("content/kpis/_index.md", "---\ntitle: \"KPI\"\n---\n");
        files.Write("content/catalogues/_index.md", "---\ntitle: \"質問集\"\n---\n");
        foreach (var article in plan.Articles)
        {
            var sb = new StringBuilder("---\n");
            sb.Append("title: ").Append(CorpusFiles.Quote(article.Title)).Append('\n');
            sb.Append("summary: ").Append(CorpusFiles.Quote(article.Summary)).Append('\n');
            sb.Append("date: ").Append(article.Date).Append('\n');
            sb.Append("tags: [").AppendJoin(", ", article.Tags.Select(CorpusFiles.Quote)).Append("]\n");
            sb.Append("---\n\n").Append(Resolve(article.Body, ArticleFile));
            files.Write($"content/articles/{ArticleFile(int.Parse(article.Slug[2..], System.Globalization.CultureInfo.InvariantCulture))}", sb.ToString());
        }
        foreach (var kpi in plan.Kpis)
        {
            var sb = new StringBuilder("---\n");
            sb.Append("title: ").Append(CorpusFiles.Quote(kpi.Title)).Append('\n');
            sb.Append("summary: ").Append(CorpusFiles.Quote(kpi.Summary)).Append('\n');
            sb.Append("formula: ").Append(CorpusFiles.Quote(kpi.Formula)).Append('\n');
            sb.Append("---\n\n").Append(Resolve(kpi.Body, ArticleFile));
            files.Write($"content/kpis/{kpi.Slug}.md", sb.ToString());
        }
        foreach (var catalogue in plan.Catalogues)
        {
            var sb = new StringBuilder("---\n");
            sb.Append("title: ").Append(CorpusFiles.Quote(catalogue.Title)).Append('\n');
            sb.Append("summary: ").Append(CorpusFiles.Quote(catalogue.Summary)).Append('\n');
            sb.Append("---\n");
            foreach (var q in catalogue.Questions)
            {
                sb.Append("\n## ").Append(q.Text).Append(" {#").Append(q.Id).Append("}\n\n").Append(q.Intent).Append("\n\n**見るポイント**\n\n");
                sb.AppendJoin("", q.LookFor.Select(s => $"- {s}\n")).Append("\n**注意したい回答**\n\n");
                sb.AppendJoin("", q.RedFlags.Select(s => $"- {s}\n")).Append("\n**深掘りの質問**\n\n");
                sb.AppendJoin("", q.FollowUps.Select(s => $"- {s}\n"));
            }
            files.Write($"content/catalogues/{catalogue.Slug}.md", sb.ToString());
        }
        files.Write("static/css/site.css", "body{font-family:system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem}\n");
        files.Write("layouts/_default/baseof.html", BaseOf);
        files.Write("layouts/_default/single.html", Single);
        files.Write("layouts/_default/list.html", List);
        // Several languages: a page that is not in the linking page's language is looked up in the others, as Hub does.
        files.Write("layouts/_default/_markup/render-link.html", multilingual ? Fallback(RenderLink) : RenderLink);
        files.Write("layouts/shortcodes/kpi.html", multilingual ? Fallback(KpiShortcode) : KpiShortcode);
        files.Write("layouts/shortcodes/questions.html", multilingual ? Fallback(QuestionsShortcode) : QuestionsShortcode);
    }

    /// <summary>Turns <c>with site.GetPage X</c> into a lookup in the page's language, then in each language's site in order.</summary>
    private static string Fallback(string template)
    {
        var start = template.IndexOf("with site.GetPage ", StringComparison.Ordinal);
        var end = template.IndexOf(" -}}", start, StringComparison.Ordinal);
        var path = template[(start + "with site.GetPage ".Length)..end];
        return template[..start] + $"$path := {path} -}}}}{{{{- $p := site.GetPage $path -}}}}{{{{- range site.Sites }}}}{{{{ if not $p }}}}{{{{ $p = .GetPage $path }}}}{{{{ end }}}}{{{{ end -}}}}{{{{- with $p" + template[end..];
    }

    private static string Resolve(string body, Func<int, string> articleFile) => HubSiteWriter.Token().Replace(body, m =>
    {
        var parts = m.Groups[1].Value.Split(':');
        var id = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return parts[0] switch
        {
            "A" => $"/articles/{articleFile(id)}",
            "K" => $"/kpis/{CorpusPlan.KpiSlug(id)}.md",
            "Q" => $"/catalogues/{CorpusPlan.CatalogueSlug(id)}.md#{parts[2]}",
            "EK" => $"{{{{< kpi \"{CorpusPlan.KpiSlug(id)}\" >}}}}",
            "EQ" => $"{{{{< questions \"{CorpusPlan.CatalogueSlug(id)}\" \"{parts[2]}\" >}}}}",
            _ => throw new InvalidOperationException(m.Value),
        };
    });

    private const string BaseOf = """
        <!DOCTYPE html>
        <html lang="{{ site.LanguageCode }}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ site.Title }}</title>
        {{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
        <link rel="canonical" href="{{ .Permalink }}">
        <link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
        </head>
        <body>
        <header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
        <nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}<a href="{{ "tags/" | relURL }}">タグ</a></nav>
        </header>
        <main>{{ block "main" . }}{{ end }}</main>
        <footer>{{ site.Title }}</footer>
        </body>
        </html>

        """;

    private const string Single = """
        {{ define "main" }}
        <article>
        {{ with .CurrentSection }}<p class="breadcrumb"><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}
        <h1>{{ .Title }}</h1>
        {{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
        {{ if not .Date.IsZero }}<p class="date">更新日: <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></p>{{ end }}
        <nav class="toc">{{ .TableOfContents }}</nav>
        <div class="prose">{{ .Content }}</div>
        {{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
        </article>
        {{ end }}

        """;

    private const string List = """
        {{ define "main" }}
        <h1>{{ .Title }}</h1>
        <ul class="page-list">
        {{ range (cond .IsHome site.RegularPages .Pages) }}
        <li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}{{ if not .Date.IsZero }}<time>{{ .Date.Format "2006-01-02" }}</time>{{ end }}</li>
        {{ end }}
        </ul>
        {{ end }}

        """;

    private const string RenderLink = """
        {{- $href := .Destination -}}
        {{- $u := urls.Parse .Destination -}}
        {{- if and (not $u.Scheme) (strings.HasSuffix $u.Path ".md") -}}
          {{- with site.GetPage $u.Path -}}
            {{- $href = .RelPermalink -}}
            {{- with $u.Fragment }}{{ $href = printf "%s#%s" $href . }}{{ end -}}
          {{- else -}}
            {{- errorf "%s: link to %q points to a missing page" $.Page.File.Path $.Destination -}}
          {{- end -}}
        {{- end -}}
        <a href="{{ $href }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
        """;

    private const string KpiShortcode = """
        {{- with site.GetPage (printf "/kpis/%s" (.Get 0)) -}}
        <aside class="embed kpi"><a href="{{ .RelPermalink }}">{{ .Title }}</a> <code>{{ .Params.formula }}</code></aside>
        {{- else -}}{{ errorf "unknown KPI %s" (.Get 0) }}{{- end -}}
        """;

    private const string QuestionsShortcode = """
        {{- with site.GetPage (printf "/catalogues/%s" (.Get 0)) -}}
        <aside class="embed questions"><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ $.Get 1 }})</aside>
        {{- else -}}{{ errorf "unknown catalogue %s" (.Get 0) }}{{- end -}}
        """;
}
