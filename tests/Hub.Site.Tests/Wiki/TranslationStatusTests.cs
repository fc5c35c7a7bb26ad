using System.Text.Json;
using Hub.Cli.Commands;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Wiki;

/// <summary>
/// Translation status through a source edit, by the command line: a translation marked with <c>hub translations
/// --mark</c> is current; an edit of its source makes it stale (a notice on its page linking to the source, a
/// warning at its <c>translationOf</c>, a line of <c>hub translations</c> and its JSON); marking it again makes it current.
/// </summary>
public sealed class TranslationStatusTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = HubCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void ASourceEditMakesAMarkedTranslationStaleUntilItIsMarkedAgain()
    {
        using var site = new TestSite(Fixtures.Basic());
        var translation = Path.Combine(site.Input, "articles", "retention.en.md");

        // Not marked yet: untracked, not warned about.
        var before = Run("translations", "--input", site.Input);
        Assert.Equal(0, before.Exit);
        Assert.Contains("en untracked ", before.Out, StringComparison.Ordinal);
        Assert.Empty(site.BuildOk().Diagnostics);

        var marked = Run("translations", "--input", site.Input, "--mark", translation);
        Assert.Equal(0, marked.Exit);
        var text = File.ReadAllText(translation);
        Assert.Matches("(?m)^translationOf: [0-9a-f]{12}$", text);
        Assert.StartsWith("---\ntitle: Raising retention\ntranslationOf: ", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(site.BuildOk().Diagnostics);
        Assert.Null(site.Html("/en/articles/retention/").QuerySelector(".translation-outdated"));
        Assert.DoesNotContain(" stale ", Run("translations", "--input", site.Input).Out, StringComparison.Ordinal);

        // The source changes: the translation is stale.
        site.Write("articles/retention.md", Fixtures.Basic()["articles/retention.md"].Replace("本文です。", "本文を書き直しました。", StringComparison.Ordinal));
        var result = site.BuildOk();
        var warning = Assert.Single(site.Shown(result));
        Assert.Equal("articles/retention.en.md(3,16): warning HUB0120: this translation may be out of date: articles/retention.md changed since the version it translates (update it, then run 'hub translations --mark articles/retention.en.md')",
            warning.Replace(site.Input.Replace('\\', '/') + "/", string.Empty, StringComparison.Ordinal));
        var notice = site.Html("/en/articles/retention/").QuerySelector("main .translation-outdated")!;
        Assert.Equal("This translation may be out of date. Read the original (日本語)", notice.TextContent);
        Assert.Equal("/cs-hub/ja/articles/retention/", notice.QuerySelector("a")!.Target());
        // The source itself says nothing.
        Assert.Null(site.Html("/ja/articles/retention/").QuerySelector(".translation-outdated"));
        Assert.False(site.Build(strict: true).Succeeded);

        var plain = Run("translations", "--input", site.Input).Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(plain, l => l.StartsWith("en stale ", StringComparison.Ordinal) && l.EndsWith("retention.md)", StringComparison.Ordinal) && l.Contains("retention.en.md", StringComparison.Ordinal));
        Assert.Contains("translations: ja: 1 missing, 0 stale, 0 untracked, ko: 3 missing, 0 stale, 0 untracked, en: 3 missing, 1 stale, 0 untracked", plain);

        using var json = JsonDocument.Parse(Run("translations", "--input", site.Input, "--json").Out);
        var languages = json.RootElement.GetProperty("languages").EnumerateArray().ToList();
        Assert.Equal(["ja", "ko", "en"], languages.Select(l => l.GetProperty("lang").GetString()));
        var stale = Assert.Single(languages[2].GetProperty("stale").EnumerateArray());
        Assert.EndsWith("retention.en.md", stale.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(stale.GetProperty("recorded").GetString(), stale.GetProperty("current").GetString());
        Assert.Equal(["articles/crm.ko.md"], languages[0].GetProperty("missing").EnumerateArray().Select(m => Relative(site, m.GetProperty("source").GetString()!)));
        Assert.Equal(["articles/retention.md", "catalogues/hiring.yml", "kpis/churn-rate.md"],
            languages[1].GetProperty("missing").EnumerateArray().Select(m => Relative(site, m.GetProperty("source").GetString()!)));

        // Marked again once updated: current.
        Assert.Equal(0, Run("translations", "--input", site.Input, "--mark", translation).Exit);
        Assert.Single(File.ReadAllText(translation).Split('\n'), l => l.StartsWith("translationOf:", StringComparison.Ordinal));
        Assert.Empty(site.BuildOk().Diagnostics);
        Assert.Null(site.Html("/en/articles/retention/").QuerySelector(".translation-outdated"));
    }

    [Fact]
    public void MarkingASourceOrAnUnknownFileIsAUsageError()
    {
        using var site = new TestSite(Fixtures.Basic());
        var source = Run("translations", "--input", site.Input, "--mark", Path.Combine(site.Input, "articles", "retention.md"));
        Assert.Equal(2, source.Exit);
        Assert.Contains("is the source of its translations (ja), not a translation", source.Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("translations", "--input", site.Input, "--mark", Path.Combine(site.Input, "articles", "nothing.md")).Exit);
    }

    [Fact]
    public void AnInvalidTranslationOfIsAnErrorAtItsValue()
    {
        using var site = new TestSite(Fixtures.BasicWith(("articles/retention.en.md", "---\ntitle: R\ntranslationKey: retention\ntranslationOf: yesterday\n---\nBody.\n")));
        var result = site.Build();
        Assert.Contains("articles/retention.en.md(4,16): error HUB0105: translationOf 'yesterday' is not a source version (let 'hub translations --mark' write it)",
            site.Shown(result).Select(l => l.Replace(site.Input.Replace('\\', '/') + "/", string.Empty, StringComparison.Ordinal)));
    }

    private static string Relative(TestSite site, string path) => Path.GetRelativePath(site.Input, path).Replace('\\', '/');
}
