using Hub.Markdown.Embeds;
using Hub.Markdown.Headings;
using Hub.Markdown.Links;
using Hub.Markdown.Text;
using Hub.Markdown.WikiLinks;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Hub.Markdown;

/// <summary>
/// A parsed Markdown body: its headings (with anchors assigned), the links and embeds it contains, and its
/// plain text. Parsing and rendering are separate so links can be checked once every page is known.
/// </summary>
public sealed class MarkdownPage
{
    private MarkdownPage(MarkdownDocument document, IReadOnlyList<HeadingInfo> headings, IReadOnlyList<LinkReference> links, IReadOnlyList<UrlReference> urls, IReadOnlyList<EmbedReference> embeds, IReadOnlyList<WikiLinkReference> wikiLinks)
    {
        WikiLinks = wikiLinks;
        Document = document;
        Headings = headings;
        Links = links;
        Urls = urls;
        Embeds = embeds;
    }

    public MarkdownDocument Document { get; }

    public IReadOnlyList<HeadingInfo> Headings { get; }

    /// <summary>The links and images a build may rewrite (those to other pages and files); autolinks are left as written.</summary>
    public IReadOnlyList<LinkReference> Links { get; }

    /// <summary>Every URL the page emits as written (<see cref="Links"/>, autolinks and the reference definitions links use), for the URL allow-list.</summary>
    public IReadOnlyList<UrlReference> Urls { get; }

    public IReadOnlyList<EmbedReference> Embeds { get; }

    /// <summary>The wikilinks (<c>[[slug]]</c>) the page contains, when its options turned them on.</summary>
    public IReadOnlyList<WikiLinkReference> WikiLinks { get; }

    public string PlainText() => InlineText.OfDocument(Document);

    /// <summary>Parses <paramref name="markdown"/>: a custom container named in <see cref="MarkdownOptions.EmbedKinds"/>
    /// is an embed, and headings never get an id of <see cref="MarkdownOptions.ReservedIds"/> (the ids the page's
    /// template gives its own elements).</summary>
    public static MarkdownPage Parse(string markdown, MarkdownOptions? options = null)
    {
        options ??= MarkdownOptions.Default;
        var context = new Markdig.MarkdownParserContext();
        context.Properties[WikiLinkParser.ContextKey] = options.WikiLinks;
        var document = Markdig.Markdown.Parse(markdown, MarkdownPipelineFactory.Pipeline, context);
        Tables.TableClasses.Apply(document);
        var slugger = new HeadingSlugger(options.ReservedIds);
        var headings = new List<HeadingInfo>();
        var embeds = new List<EmbedReference>();
        foreach (var block in document.Descendants<Block>())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var text = InlineText.Of(heading.Inline);
                    var id = slugger.Next(text);
                    heading.GetAttributes().Id = id;
                    headings.Add(new HeadingInfo(heading.Level, text, id));
                    break;
                case CustomContainer container when container.Info is { } info && options.EmbedKinds.Contains(info):
                    embeds.Add(new EmbedReference(container, info, container.Arguments ?? string.Empty, container.Line, container.Column));
                    break;
            }
        }
        var links = new List<LinkReference>();
        var wikiLinks = new List<WikiLinkReference>();
        var urls = new List<UrlReference>();
        var definitions = new HashSet<LinkReferenceDefinition>();
        Hub.Core.Diagnostics.SourceText? lines = null;
        // A URL written in angle brackets (<url>, [a](<url>)) is located at its first character, not at the '<'.
        (int Line, int Column) Locate(SourceSpan span, int line, int column) =>
            span.IsEmpty ? (line, column) : ZeroBased((lines ??= new(string.Empty, markdown)).Locate(markdown[span.Start] == '<' ? span.Start + 1 : span.Start));
        foreach (var inline in document.Descendants<Inline>())
        {
            switch (inline)
            {
                case LinkInline { Url: { } url } link:
                    var (line, column) = Locate(link.UrlSpan, link.Line, link.Column);
                    if (!link.IsAutoLink)
                    {
                        links.Add(new LinkReference(link, url, line, column));
                    }
                    // A reference link's URL is written in its definition: reported there, once however many links use it.
                    if (link.Reference is { } definition)
                    {
                        if (definitions.Add(definition))
                        {
                            var (defLine, defColumn) = Locate(definition.UrlSpan, definition.Line, definition.Column);
                            urls.Add(new UrlReference(url, defLine, defColumn));
                        }
                    }
                    else
                    {
                        urls.Add(new UrlReference(url, line, column));
                    }
                    break;
                case WikiLinkInline wikiLink:
                    wikiLinks.Add(new WikiLinkReference(wikiLink, wikiLink.Line, wikiLink.Column));
                    break;
                case AutolinkInline { Url: { } url } autolink:
                    var (autoLine, autoColumn) = Locate(autolink.Span, autolink.Line, autolink.Column);
                    urls.Add(new UrlReference(url, autoLine, autoColumn));
                    break;
            }
        }
        return new MarkdownPage(document, headings, links, urls, embeds, wikiLinks);
    }

    /// <summary>
    /// Renders the page. <paramref name="linkUrl"/> gives the URL each link and image emits for its URL as written
    /// (the site's link resolution), and <paramref name="wikiLink"/> what each wikilink becomes (written as its text when
    /// null); the syntax tree is never changed, so every render starts from what was written.
    /// <paramref name="alertTitle"/> gives the title of an alert (<c>&gt; [!NOTE]</c>) in the page's language from its
    /// kind in lower case (<c>note</c>, <c>tip</c>, <c>important</c>, <c>warning</c>, <c>caution</c>); null keeps Markdig's English one.
    /// <paramref name="headingLinkLabel"/>, when given, adds a link to itself to every level-2 and level-3 heading, named
    /// from the heading's text (<see cref="Headings.HeadingLinkRenderer"/>).
    /// </summary>
    public string ToHtml(IEmbedRenderer embedRenderer, Func<string, string>? linkUrl = null, Func<WikiLinkInline, WikiLinkResolution?>? wikiLink = null,
        Func<string, string?>? alertTitle = null, Func<string, string>? headingLinkLabel = null)
    {
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer) { LinkRewriter = linkUrl };
        MarkdownPipelineFactory.Pipeline.Setup(renderer);
        var map = Embeds.ToDictionary(e => e.Container, e => e);
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlCustomContainerRenderer>(new HtmlEmbedRenderer(map, embedRenderer));
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Extensions.TaskLists.HtmlTaskListRenderer>(new TaskLists.AccessibleTaskListRenderer());
        renderer.ObjectRenderers.Add(new HtmlWikiLinkRenderer(wikiLink));
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.LineBreakInlineRenderer>(new Text.EastAsianLineBreakRenderer());
        if (alertTitle is not null && renderer.ObjectRenderers.FindExact<Markdig.Extensions.Alerts.AlertBlockRenderer>() is { } alerts)
        {
            alerts.RenderKind = Alerts.LocalizedTitle(alertTitle);
        }
        if (headingLinkLabel is not null)
        {
            renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.HeadingRenderer>(new Headings.HeadingLinkRenderer(headingLinkLabel));
        }
        renderer.Render(Document);
        writer.Flush();
        return writer.ToString();
    }

    private static (int Line, int Column) ZeroBased(Hub.Core.Diagnostics.SourceLocation location) => (location.Line - 1, location.Column - 1);
}
