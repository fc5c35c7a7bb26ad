using System.Xml;
using Hub.Site.Tests.Infrastructure;
using static Hub.Site.Tests.Security.Verdicts;

namespace Hub.Site.Tests.Security;

/// <summary>
/// Characters HTML, feeds and the sitemap cannot carry are refused where they are, whether written raw or as a YAML
/// escape; what they can carry reaches the feed well-formed.
/// </summary>
public sealed class ControlCharacterTests
{
    private const string Hint = "delete it; an invisible character usually comes from a paste or a file saved in another encoding";

    [Fact]
    public void AYamlEscapeInATitleIsAnErrorAtItsValue()
    {
        // Once HUB0999 without a file or line from the feed writer, and "hub check" passed it.
        var errors = Errors(With(("articles/escape.md", "---\ntitle: \"ok \\x01\"\n---\nbody\n")));
        Assert.Equal([$"articles/escape.md(2,8): error HUB0114: a control character (U+0001) cannot appear in content: HTML, feeds and the sitemap cannot carry it ({Hint})"], errors);
    }

    [Fact]
    public void ARawControlCharacterInABodyIsAnErrorAtTheCharacter()
    {
        var errors = Errors(With(("articles/raw.md", "---\ntitle: Raw\n---\n\n本文\u0001です。\n")));
        Assert.Equal([$"articles/raw.md(5,3): error HUB0114: a control character (U+0001) cannot appear in content: HTML, feeds and the sitemap cannot carry it ({Hint})"], errors);
    }

    [Theory]
    [InlineData("\u007F", "a control character (U+007F)")]
    [InlineData("\u0080", "a control character (U+0080)")]
    [InlineData("\u009F", "a control character (U+009F)")]
    [InlineData("\uFFFF", "a noncharacter (U+FFFF)")]
    [InlineData("\u001B", "a control character (U+001B)")]
    public void RawCharactersXmlCannotCarryAreErrorsInFrontMatter(string character, string what)
    {
        var errors = Errors(With(("articles/raw.md", $"---\ntitle: Raw\nsummary: a{character}b\n---\nbody\n")));
        Assert.Equal([$"articles/raw.md(3,11): error HUB0114: {what} cannot appear in content: HTML, feeds and the sitemap cannot carry it ({Hint})"], errors);
    }

    [Fact]
    public void AnEscapedLoneSurrogateInACatalogueIsAnErrorAtItsValue()
    {
        // YamlDotNet refuses this escape itself; its error is located at the value like every YAML error.
        var catalogue = "title: 質問\nsummary: \"x\\uD800\"\nquestions: []\n";
        var errors = Errors(With(("catalogues/surrogate.yml", catalogue)));
        Assert.Equal(["catalogues/surrogate.yml(2,10): error HUB0101: invalid YAML: While scanning a quoted scalar, found invalid Unicode surrogates."], errors);
    }

    [Fact]
    public void AControlCharacterInHubYmlIsAnError()
    {
        var config = TestSite.DefaultConfig.Replace("テストハブ", "テスト\u0002ハブ", StringComparison.Ordinal);
        var errors = Errors(With(("hub.yml", config)));
        Assert.Equal([$"hub.yml(1,17): error HUB0114: a control character (U+0002) cannot appear in content: HTML, feeds and the sitemap cannot carry it ({Hint})"], errors);
    }

    [Fact]
    public void TheCliReportsItWithoutAStackTrace()
    {
        using var site = new TestSite(With(("articles/escape.md", "---\ntitle: \"ok \\x01\"\n---\nbody\n")));
        Assert.Contains("articles/escape.md(2,8): error HUB0114:", CliErrors(site), StringComparison.Ordinal);
    }

    [Fact]
    public void WhatXmlCanCarryReachesAWellFormedFeedAndSitemap()
    {
        // Tabs, paragraph separators, astral characters and markup characters are all fine in XML.
        const string Title = "Tab\there \U0001F600 <b>&amp; ]]> \"q\"";
        using var site = new TestSite(With(("articles/odd.md", $"---\ntitle: \"{Title.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"\nsummary: \"\\u00A0nbsp\"\ndate: 2025-10-01\n---\nbody\u2029text\n")));
        site.BuildOk();
        var titles = new List<string>();
        using (var reader = XmlReader.Create(Path.Combine(site.Output, "ja", "feed.xml")))
        {
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "title" })
                {
                    titles.Add(reader.ReadElementContentAsString());
                }
            }
        }
        Assert.Contains(Title, titles);
        using (var reader = XmlReader.Create(Path.Combine(site.Output, "sitemap.xml")))
        {
            while (reader.Read())
            {
            }
        }
        Assert.Equal(Title, site.Html("/ja/articles/odd/").QuerySelector("h1")!.TextContent);
    }
}
