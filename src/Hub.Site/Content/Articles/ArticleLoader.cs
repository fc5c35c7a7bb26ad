using Hub.Core.Diagnostics;
using Hub.Site.Config;

namespace Hub.Site.Content.Articles;

/// <summary>Loads <c>input/articles/**/*.md</c>.</summary>
public static class ArticleLoader
{
    public static ArticlePage? Load(ContentKind kind, string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics)
    {
        var source = MarkdownSource.Read(path, displayPath, config, diagnostics);
        if (source is null)
        {
            return null;
        }
        source.Map.ReportUnknownKeys(PageHeader.CommonKeys, "an article's front matter", Severity.Warning);
        return new ArticlePage
        {
            Kind = kind,
            SourcePath = path,
            DisplayPath = displayPath,
            Header = source.Header,
            Body = source.Body,
            BodyFirstLine = source.BodyFirstLine,
        };
    }
}
