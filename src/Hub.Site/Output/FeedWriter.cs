using System.Globalization;
using System.Text;
using System.Xml;
using Hub.Site.Config;
using Hub.Site.Content;

namespace Hub.Site.Output;

/// <summary>Writes the Atom feed of one language and the sitemap. Deterministic: no build time in the output.</summary>
public static class FeedWriter
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static string Feed(SiteConfig config, string lang, IReadOnlyList<ContentPage> pages)
    {
        var entries = pages.Where(p => p.Lang == lang)
            .OrderByDescending(p => p.Header.Date ?? DateOnly.MinValue).ThenBy(p => p.RootUrl, StringComparer.Ordinal).Take(50).ToList();
        var updated = entries.Select(p => p.Header.Date).Where(d => d is not null).DefaultIfEmpty(new DateOnly(2000, 1, 1)).Max()!.Value;
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(new Utf8StringWriter(sb), Settings()))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, lang);
            xml.WriteElementString("title", Atom, config.TitleFor(lang));
            xml.WriteElementString("id", Atom, config.AbsoluteUrl(SiteUrls.Home(lang)));
            xml.WriteElementString("updated", Atom, Timestamp(updated));
            Link(xml, config.AbsoluteUrl(SiteUrls.Home(lang)), "alternate");
            Link(xml, config.AbsoluteUrl(SiteUrls.Feed(lang)), "self");
            foreach (var page in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("title", Atom, page.Title);
                xml.WriteElementString("id", Atom, config.AbsoluteUrl(page.RootUrl));
                Link(xml, config.AbsoluteUrl(page.RootUrl), "alternate");
                xml.WriteElementString("updated", Atom, Timestamp(page.Header.Date ?? updated));
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, config.TitleFor(lang));
                xml.WriteEndElement();
                if (page.Header.Summary.Length > 0)
                {
                    xml.WriteElementString("summary", Atom, page.Header.Summary);
                }
                foreach (var tag in page.Header.Tags)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", tag);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return sb.AppendLine().ToString();
    }

    /// <summary>The sitemap: every page URL with its last change (<paramref name="lastModified"/>, by site-root URL) and its translations as hreflang alternates.</summary>
    public static string Sitemap(SiteConfig config, IReadOnlyList<(string RootUrl, IReadOnlyList<(string Lang, string RootUrl)> Alternates)> urls,
        IReadOnlyDictionary<string, string>? lastModified = null)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        const string xhtml = "http://www.w3.org/1999/xhtml";
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(new Utf8StringWriter(sb), Settings()))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", ns);
            xml.WriteAttributeString("xmlns", "xhtml", null, xhtml);
            foreach (var (rootUrl, alternates) in urls.OrderBy(u => u.RootUrl, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, config.AbsoluteUrl(rootUrl));
                if (lastModified?.GetValueOrDefault(rootUrl) is { } lastmod)
                {
                    xml.WriteElementString("lastmod", ns, lastmod);
                }
                if (alternates.Count > 1)
                {
                    foreach (var (lang, alt) in alternates)
                    {
                        xml.WriteStartElement("xhtml", "link", xhtml);
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", lang);
                        xml.WriteAttributeString("href", config.AbsoluteUrl(alt));
                        xml.WriteEndElement();
                    }
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return sb.AppendLine().ToString();
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>A string writer that declares UTF-8, the encoding the file is written in.</summary>
    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }

    private static XmlWriterSettings Settings() => new() { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n", OmitXmlDeclaration = false };
}
